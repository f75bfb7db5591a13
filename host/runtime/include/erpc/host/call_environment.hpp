#pragma once
// What the runtime needs around an adapter call; owned by the caller, outlives every
// connection that borrows it.

#include <erpc/error.hpp>

#include <nlohmann/json_fwd.hpp>

#include <atomic>
#include <cstddef>
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

class call_watchdog;
class host_clock;
class worker_pool;

struct call_environment {
  worker_pool* workers = nullptr;
  // When set, an in-process execute runs on its caller's thread (no hand-off to `workers`) and
  // this watchdog enforces its deadline; the caller must then be a host thread that may run
  // adapter code (abi.h), and an adapter that ignores cancellation keeps that thread until it
  // returns. open() and check() always run on `workers`.
  call_watchdog* watchdog = nullptr;
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
  // How long past a call's deadline the host still waits for the adapter before abandoning
  // it. 0 in production; `erpc certify` gives a grace so that an adapter answering its own
  // timeout is told apart from one that never returns.
  std::int64_t abandon_grace_ms = 0;
};

}  // namespace erpc
