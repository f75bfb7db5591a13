#pragma once
// One open connection of a loaded adapter, and the direct (non-durable) way to call it:
// the envelope is checked and re-serialised, execute runs on a worker thread under the
// request's deadline, and the answer is checked before anyone sees it.

#include <erpc/abi.h>
#include <erpc/error.hpp>

#include <nlohmann/json_fwd.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace spdlog {
class logger;
}

namespace erpc {

class host_clock;
class worker_pool;

// What the runtime needs around a call; owned by the caller, outlives every connection.
struct call_environment {
  worker_pool* workers = nullptr;
  const host_clock* clock = nullptr;
  std::shared_ptr<spdlog::logger> logger;
  std::size_t max_json_bytes = 4u << 20;
  // Contract checks (host/contract); empty functions skip them.
  std::function<std::vector<field_error>(const nlohmann::json& envelope)> validate_request;
  std::function<std::vector<field_error>(std::string_view object, const nlohmann::json& document)>
      validate_object;
  // Redacts secrets from text leaving the host.
  std::function<std::string(std::string_view)> redact;
  // Counts calls abandoned at their deadline whose adapter code may still be running.
  std::shared_ptr<std::atomic<int>> abandoned_calls = std::make_shared<std::atomic<int>>(0);
};

// The answer to one execute: the response document ({"status":"ok","replayed",...,"result"})
// or the error, never both.
struct execute_outcome {
  bool ok = false;
  std::shared_ptr<const nlohmann::json> response;  // set when ok
  std::shared_ptr<const error> failure;            // set when !ok
};

class adapter_connection : public std::enable_shared_from_this<adapter_connection> {
 public:
  // `table` must keep its library loaded for as long as the pointer lives (aliasing
  // shared_ptr from the loader). Throws erpc::error when the adapter refuses to open.
  static std::shared_ptr<adapter_connection> open(std::shared_ptr<const erpc_adapter_v1> table,
                                                  std::string name, const nlohmann::json& config,
                                                  const call_environment& env,
                                                  std::string files_root = {});
  ~adapter_connection();  // closes the adapter connection (no call can be running then)

  // Runs the adapter's check() for a configuration, without opening a connection.
  static void check(const std::shared_ptr<const erpc_adapter_v1>& table,
                    const nlohmann::json& config, const call_environment& env);

  // Calls execute with the envelope. Never throws for adapter or vendor failures: they come
  // back as the outcome's error (with the envelope's correlation id).
  execute_outcome execute(const nlohmann::json& envelope);

  const std::string& name() const noexcept { return name_; }

 private:
  adapter_connection(std::shared_ptr<const erpc_adapter_v1> table, std::string name,
                     erpc_connection* handle, const call_environment& env,
                     std::string files_root);

  std::shared_ptr<const erpc_adapter_v1> table_;
  std::string name_;
  erpc_connection* handle_;
  const call_environment& env_;
  std::string files_root_;
};

}  // namespace erpc
