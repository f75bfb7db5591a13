#pragma once
// The durable path (docs/design/runtime.md): a write is accepted into the outbox before it is
// attempted; workers claim due messages, call the adapter under the connection's limits, and
// record the outcome under the message's fencing token. Retries follow the error class.

#include <erpc/error.hpp>
#include <erpc/host/adapter_connection.hpp>
#include <erpc/host/circuit_breaker.hpp>
#include <erpc/host/idempotency_ledger.hpp>
#include <erpc/host/runtime_config.hpp>
#include <erpc/host/token_bucket.hpp>

#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace spdlog {
class logger;
}

namespace erpc {

class host_clock;

// Calls one adapter connection with a request envelope; in-process or isolated.
using connection_call = std::function<execute_outcome(const nlohmann::json& envelope)>;

// One attempt's outcome, for metrics and logs.
struct attempt_report {
  std::string connection;
  std::string object;
  std::string op;
  bool ok = false;
  bool retry_scheduled = false;
  std::optional<error_class> failure;
  std::chrono::nanoseconds elapsed{0};
};

struct dispatcher_options {
  std::string owner = "erpc";             // lease owner: unique per host process
  int worker_threads = 4;
  std::int64_t lease_ms = 120'000;        // longer than any call deadline
  std::chrono::milliseconds idle_poll{50};
  // Called after every attempt (on the worker thread); must not throw.
  std::function<void(const attempt_report&)> on_attempt;
  // Called when a claim starts (+1) and ends (-1) an in-flight call.
  std::function<void(const std::string& connection, int delta)> on_inflight;
};

// What became of a submitted write, as the HTTP API and the CLI report it.
struct submit_outcome {
  accept_result accepted;
  std::optional<error> refused;  // contract, back-pressure or key reuse: nothing was written
};

class dispatcher {
 public:
  using connection_opener = std::function<connection_call(const connection_config&)>;
  using request_validator = std::function<std::vector<field_error>(const nlohmann::json&)>;

  dispatcher(const runtime_config& config, idempotency_ledger& ledger, const host_clock& clock,
             connection_opener open_connection, request_validator validate,
             std::shared_ptr<spdlog::logger> logger, dispatcher_options options = {});
  ~dispatcher();
  dispatcher(const dispatcher&) = delete;
  dispatcher& operator=(const dispatcher&) = delete;

  // Validates and accepts one write envelope into the outbox (durable before any attempt).
  // `deadline_ms` and `contract` default to the connection's deadline and "1.0".
  submit_outcome submit(const nlohmann::json& submitted);

  // Raises a condition only the host can see straight into an exception queue, as a message
  // of the envelope's connection, object, op and key (idempotency_ledger::raise): e.g. the pay
  // flow's overdue status report, a `status` the adapter is asked again on replay. The
  // envelope passes the contract like a submitted one; a key already bound writes nothing.
  submit_outcome raise(const nlohmann::json& envelope, const error& why, exception_queue queue);

  // The message a key is bound to, if any (idempotency_ledger::message_of).
  std::optional<std::string> message_of(const key_scope& key);

  // One round: expire leases, then claim and process every due message the limits allow, on
  // the calling thread. Returns how many messages were processed. Tests drive time with it.
  int run_once();

  // Runs rounds on worker threads until stop(); stop() lets calls in progress finish.
  void start();
  void stop();
  // Wakes the workers (a submit does this itself).
  void notify();

 private:
  struct connection_state {
    const connection_config* config = nullptr;
    std::mutex gate;       // serialises "room left? then claim" per connection
    std::mutex open_mutex;
    connection_call call;  // opened on first use
    std::unique_ptr<token_bucket> bucket;
    std::unique_ptr<circuit_breaker> breaker;
    std::atomic<int> in_flight{0};
  };

  struct raised_condition {
    const error& why;
    exception_queue queue;
  };
  submit_outcome accept_envelope(const nlohmann::json& envelope, const raised_condition* raised);
  connection_state& state_for(const std::string& connection);
  bool process_one(connection_state& state);
  void handle(connection_state& state, const claimed_message& message);
  nlohmann::json envelope_for(const claimed_message& message,
                              const connection_config& config) const;
  void worker_loop();

  const runtime_config& config_;
  idempotency_ledger& ledger_;
  const host_clock& clock_;
  connection_opener open_connection_;
  request_validator validate_;
  std::shared_ptr<spdlog::logger> logger_;
  dispatcher_options options_;

  std::mutex states_mutex_;
  std::map<std::string, std::unique_ptr<connection_state>> states_;
  std::mutex random_mutex_;
  std::mt19937_64 random_;

  std::mutex wake_mutex_;
  std::condition_variable wake_;
  bool work_hint_ = false;
  std::atomic<bool> running_{false};
  std::vector<std::thread> workers_;
};

}  // namespace erpc
