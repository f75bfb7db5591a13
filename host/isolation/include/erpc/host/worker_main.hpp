#pragma once
// The worker side of isolation mode: `erpc __worker [limits] -- <library>`. It applies its
// resource limits, loads the adapter under a host table whose services are proxies to the
// parent over the pipe (fd 3 in, fd 4 out), then serves open/check/execute/close, one call at
// a time, until the parent says shutdown or closes the pipe (docs/isolation.md).

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace erpc {

struct worker_limits {
  std::uint64_t max_address_space_bytes = 0;  // RLIMIT_AS; 0: unlimited
  std::uint64_t max_open_files = 0;           // RLIMIT_NOFILE; 0: inherited
  std::size_t max_json_bytes = std::size_t{4} << 20;
  // RLIMIT_CORE is always 0: a crashing adapter must not leave secrets in a core file.
};

// The arguments after the subcommand that make run_worker_main apply `limits` and load
// `library`.
std::vector<std::string> worker_arguments(const worker_limits& limits,
                                          const std::filesystem::path& library);

// Runs the worker; returns the process exit status: 0 after shutdown or when the parent
// closed the pipe, 2 for bad arguments, limits that cannot be applied or a refused library
// (the refusal is sent to the parent first), 3 when the conversation with the parent broke.
int run_worker_main(const std::vector<std::string>& arguments);

}  // namespace erpc
