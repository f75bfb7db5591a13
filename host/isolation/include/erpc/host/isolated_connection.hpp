#pragma once
// A connection whose adapter runs in its own worker process (`erpc __worker`), so a crash,
// a hang or a runaway allocation in adapter code costs one call, never the host. The worker
// is restarted (and the connection re-opened with the same configuration) on the next call.
// One call at a time per connection: concurrent execute() calls take turns (docs/isolation.md).

#include <erpc/host/call_environment.hpp>
#include <erpc/host/connection_handle.hpp>
#include <erpc/host/worker_main.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <sys/types.h>

namespace erpc {

class host_table;
class worker_process;

struct isolation_options {
  // The executable to start: the erpc binary itself in production (/proc/self/exe).
  std::filesystem::path executable;
  // Arguments before the worker's own: the hidden subcommand.
  std::vector<std::string> executable_arguments{"__worker"};
  // Address space and descriptors of the worker; max_json_bytes is taken from the call
  // environment.
  worker_limits limits{std::uint64_t{1} << 30, 64};
  // The host's real services, which serve the worker's proxied service calls.
  std::shared_ptr<const host_table> services;
  // The connection's root for "erpc.host.files/1" ("" = no files).
  std::string files_root;
  // Spawn, library load and open() together must finish within this.
  std::chrono::milliseconds start_timeout{30'000};
  // close() and exit at shutdown; a worker that takes longer is killed.
  std::chrono::milliseconds close_timeout{2'000};
};

class isolated_connection final : public connection_handle {
 public:
  // Starts a worker for `library` and opens the connection in it. Throws erpc::error: the
  // adapter's refusal (e.g. CONFIGURATION), the loader's refusal (loader.*), or isolation.*
  // when the worker cannot start, crashes, hangs or talks nonsense while starting.
  static std::shared_ptr<isolated_connection> open(std::filesystem::path library,
                                                   std::string name, nlohmann::json config,
                                                   const call_environment& env,
                                                   isolation_options options);

  // Runs the adapter's check() for `config` in a short-lived worker.
  static void check(const std::filesystem::path& library, const nlohmann::json& config,
                    const call_environment& env, const isolation_options& options);

  ~isolated_connection() override;  // closes the connection and ends the worker
  isolated_connection(const isolated_connection&) = delete;
  isolated_connection& operator=(const isolated_connection&) = delete;

  // Never throws for adapter, vendor or worker failures. A worker that dies, misses the
  // deadline or sends a bad frame is killed; the call fails OUTCOME_UNKNOWN (effect possible)
  // for writes and INTERNAL (effect none) for reads, with code isolation.worker_crashed,
  // isolation.worker_hung or isolation.bad_frame.
  execute_outcome execute(const nlohmann::json& envelope) override;

  const std::string& name() const noexcept override { return name_; }

  // The running worker's pid, or -1 while none runs (it starts again on the next call).
  pid_t worker_pid();
  // Workers started so far, the first one included.
  std::size_t workers_started();

 private:
  isolated_connection(std::filesystem::path library, std::string name, nlohmann::json config,
                      const call_environment& env, isolation_options options);
  // Starts a worker and opens the connection in it; the caller holds mutex_.
  void start(std::chrono::steady_clock::time_point until);

  std::filesystem::path library_;
  std::string name_;
  nlohmann::json config_;
  const call_environment& env_;
  isolation_options options_;

  std::timed_mutex mutex_;  // one call at a time
  std::unique_ptr<worker_process> worker_;
  std::size_t workers_started_ = 0;
};

}  // namespace erpc
