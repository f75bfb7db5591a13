#pragma once
// How a flow talks to its connections (docs/pay-and-settle.md): every write goes through the
// host's durable path (outbox + idempotency ledger + audit) under a deterministic key, so a
// re-run replays instead of writing twice; reads go straight to the connection. Flow steps are
// audited under the payment run's correlation id.

#include <erpc/error.hpp>
#include <erpc/host/connection_handle.hpp>
#include <erpc/host/dispatcher.hpp>
#include <erpc/host/exception_queues.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace erpc {

class audit_trail;

class flow_gateway {
 public:
  virtual ~flow_gateway() = default;

  // One write (create, submit, reverse…) through the durable path; `document` is the payload,
  // or the query for cancel/reverse. Returns the adapter's `result`; throws the final error.
  virtual nlohmann::json write(const std::string& connection, const std::string& object,
                               const std::string& op, const std::string& key,
                               const nlohmann::json& document,
                               const std::string& correlation_id) = 0;

  // One read (get, list); returns the adapter's `result`; throws its error.
  virtual nlohmann::json read(const std::string& connection, const std::string& object,
                              const std::string& op, const nlohmann::json& query,
                              const std::string& correlation_id) = 0;

  // Raises a condition only the flow can see (e.g. a status report overdue) into the
  // technical queue of `connection`, as the message (object, op, key, query) a replay asks the
  // adapter again (dispatcher::raise). True when raised now; false when the key already holds
  // a message (raised before, whatever became of it since).
  virtual bool raise(const std::string& connection, const std::string& object,
                     const std::string& op, const std::string& key, const nlohmann::json& query,
                     const error& why, const std::string& correlation_id) = 0;

  // Ends a raised message that is still in its queue because what it waited for has come:
  // discarded with `reason`. True when one was ended.
  virtual bool resolve(const std::string& connection, const std::string& object,
                       const std::string& op, const std::string& key,
                       const std::string& reason) = 0;

  // Records one flow step in the audit trail (no-op without one).
  virtual void note(const std::string& correlation_id, const std::string& event,
                    const nlohmann::json& detail) = 0;
};

// The audit-trail "connection" the flow's own steps are chained under.
inline constexpr const char* pay_flow_audit_chain = "flow.pay_settle";

struct dispatcher_gateway_options {
  // How long one write may stay unfinished (retries with backoff) before the step stops with
  // IN_PROGRESS flow.write_pending; the message stays in the outbox and a re-run resumes it.
  std::chrono::milliseconds write_wait{60'000};
  std::chrono::milliseconds poll{10};
  std::int64_t read_deadline_ms = 30'000;
};

class dispatcher_gateway final : public flow_gateway {
 public:
  using reader = std::function<connection_call(const std::string& connection)>;

  // `audit` may be null (no audit key configured).
  dispatcher_gateway(dispatcher& dispatch, exception_queues& queues, reader open_for_read,
                     audit_trail* audit, dispatcher_gateway_options options = {});

  nlohmann::json write(const std::string& connection, const std::string& object,
                       const std::string& op, const std::string& key,
                       const nlohmann::json& document, const std::string& correlation_id) override;
  nlohmann::json read(const std::string& connection, const std::string& object,
                      const std::string& op, const nlohmann::json& query,
                      const std::string& correlation_id) override;
  bool raise(const std::string& connection, const std::string& object, const std::string& op,
             const std::string& key, const nlohmann::json& query, const error& why,
             const std::string& correlation_id) override;
  bool resolve(const std::string& connection, const std::string& object, const std::string& op,
               const std::string& key, const std::string& reason) override;
  void note(const std::string& correlation_id, const std::string& event,
            const nlohmann::json& detail) override;

 private:
  dispatcher& dispatch_;
  exception_queues& queues_;
  reader open_for_read_;
  audit_trail* audit_;
  dispatcher_gateway_options options_;
  std::map<std::string, connection_call> readers_;
};

// Every item of a `list` read, page after page (cursor until none, or the same one again).
std::vector<nlohmann::json> list_all(flow_gateway& gateway, const std::string& connection,
                                     const std::string& object, const std::string& correlation_id,
                                     nlohmann::json query = nlohmann::json::object());

// The vendor's id of a record a write answered: the canonical id, else its first external ref;
// empty when it has neither.
std::string created_id(const nlohmann::json& result);

// The canonical error a stored error JSON (error_to_json) describes.
error error_from_stored_json(const nlohmann::json& stored);

}  // namespace erpc
