#pragma once
// The record target (record_target.cpp) as a test drives it: a vendor stand-in in its own
// process that never deduplicates, started with a pipe on stdin (closing it stops the target)
// and one on stdout (it prints its port).

#include "support/child_process.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <memory>
#include <string>

namespace erpc::testing {

class record_target_process {
 public:
  // `executable` is the record target binary; its stderr goes to `log`.
  record_target_process(const std::string& executable, const std::filesystem::path& log);
  ~record_target_process();
  record_target_process(const record_target_process&) = delete;
  record_target_process& operator=(const record_target_process&) = delete;

  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  // GET /count: {"total": records, "keys": distinct keys, "duplicated_keys": [...]}.
  nlohmann::json count() const;
  // GET /records?key=k: every record posted under `key` ({"items": [...]}).
  nlohmann::json records(const std::string& key) const;

 private:
  std::unique_ptr<child_process> process_;
  int stdin_ = -1;
  int port_ = 0;
};

#ifdef ERPC_RECORD_TARGET
// The record target built with the durability tests (the executable's path is a compile
// definition of the test target).
class record_target : public record_target_process {
 public:
  explicit record_target(const std::filesystem::path& log)
      : record_target_process(ERPC_RECORD_TARGET, log) {}
};
#endif

}  // namespace erpc::testing
