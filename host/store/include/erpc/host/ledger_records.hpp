#pragma once
// The values the idempotency ledger and the exception queues exchange with the dispatcher and
// the HTTP/CLI surfaces (docs/store.md; docs/design/runtime.md "The exactly-once algorithm").

#include <erpc/error.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace erpc {

class transaction;

// Scope of a key: (connection, object, op, idempotency_key); keys match [A-Za-z0-9_.:-]{1,64}.
struct key_scope {
  std::string connection;
  std::string object;
  std::string op;
  std::string idempotency_key;
};

struct accept_request {
  key_scope key;
  std::string payload;         // JSON text, already validated against the contract
  std::string correlation_id;  // generated when empty
  std::optional<std::string> traceparent;
  std::optional<std::string> ordering_key;  // FIFO per (connection, ordering_key)
  std::vector<std::string> depends_on;      // keys of the same connection that must complete first
  std::string actor = "api";                // who submitted it, for payload version 1
};

enum class accept_kind {
  accepted,     // new message, key bound `pending`
  replay,       // key completed with this fingerprint: stored_response is the answer
  reuse,        // key bound with another fingerprint: IDEMPOTENCY_KEY_REUSE, nothing written
  in_progress,  // key in flight (HTTP 409)
  existing,     // key pending or unresolved: the existing message
};

struct accept_result {
  accept_kind kind = accept_kind::accepted;
  std::string message_id;                      // the new message, or the one the key is bound to
  std::string correlation_id;                  // of that message
  std::string fingerprint;                     // of the request's payload
  std::optional<std::string> stored_response;  // replay only
};

// Key states and message states as stored (docs/store.md has the state machine).
enum class key_state { pending, in_flight, completed, unresolved, free };
enum class message_state { pending, in_flight, waiting_retry, succeeded, queued, discarded };

std::string_view to_string(key_state s) noexcept;
std::string_view to_string(message_state s) noexcept;
std::string_view to_string(exception_queue q) noexcept;
std::optional<key_state> key_state_from_string(std::string_view s) noexcept;
std::optional<message_state> message_state_from_string(std::string_view s) noexcept;
std::optional<exception_queue> exception_queue_from_string(std::string_view s) noexcept;

struct claim_request {
  std::string owner;  // this host/worker, stored as lease owner
  std::int64_t now_ms = 0;
  std::int64_t lease_ms = 30000;
  int limit = 1;
  std::optional<std::string> connection;  // only this connection's messages
};

struct claimed_message {
  std::string message_id;
  key_scope key;
  std::string fingerprint;
  std::string correlation_id;
  std::optional<std::string> traceparent;
  std::optional<std::string> ordering_key;
  std::string payload;
  std::int64_t payload_version = 0;
  std::int64_t attempt = 0;                  // 1 on the first claim
  std::optional<std::string> prior_outcome;  // "unknown" after OUTCOME_UNKNOWN or a lost lease
  std::int64_t fencing_token = 0;            // pass back to record_success / record_failure
  std::int64_t lease_expiry_ms = 0;
  // Set when the stored payload could not be revealed (document_protection): payload is empty
  // and the message must not be sent; record this error as its failure.
  std::shared_ptr<const error> payload_unreadable;
};

// What the dispatcher decided after a failed attempt. The key-state rules (free only when the
// effect is none and the class definitive; unresolved, never freed, when the outcome is unknown
// or an effect possible) are applied by the ledger whatever the decision.
struct failure_decision {
  enum class action { retry, queue };
  action what = action::queue;
  std::int64_t next_attempt_ms = 0;      // retry: not claimable before this
  std::optional<exception_queue> queue;  // queue: default queue_for(error class)

  static failure_decision retry_at(std::int64_t ms) { return {action::retry, ms, std::nullopt}; }
  static failure_decision to_queue(std::optional<exception_queue> q = std::nullopt) {
    return {action::queue, 0, q};
  }
};

struct failure_recorded {
  message_state message = message_state::queued;
  key_state key = key_state::pending;
  std::optional<exception_queue> queue;
};

struct message_record {
  std::string id;
  std::int64_t accept_seq = 0;
  key_scope key;
  std::string fingerprint;
  std::string correlation_id;
  std::optional<std::string> traceparent;
  std::optional<std::string> ordering_key;
  std::vector<std::string> depends_on;
  std::string payload;
  std::int64_t payload_version = 0;
  message_state state = message_state::pending;
  std::int64_t attempt = 0;
  std::int64_t next_attempt_ms = 0;
  std::optional<std::string> lease_owner;
  std::optional<std::int64_t> lease_expiry_ms;
  std::int64_t fencing_token = 0;
  std::optional<std::string> prior_outcome;
  std::optional<std::string> last_error;  // canonical error JSON (error_to_json)
  std::optional<std::string> response;
  std::optional<exception_queue> queue;
  std::int64_t created_ms = 0;
  std::int64_t updated_ms = 0;
  // Filled by exception_queues::get_message only: why a due message is not claimable yet —
  // earlier unfinished message ids of its ordering key and dependency keys not completed.
  std::vector<std::string> blocked_by;
};

struct payload_version_record {
  std::string message_id;
  std::int64_t version = 0;
  std::string payload;
  std::string fingerprint;
  std::string reason;  // "received" or "replay"
  std::string actor;
  std::int64_t created_ms = 0;
};

// One state transition, reported inside the transaction that makes it, so the audit trail can
// append its entry atomically with the change. `event` is one of: received, claimed,
// succeeded, retry_scheduled, queued, lease_expired, payload_version, replayed, discarded.
struct ledger_event {
  std::string event;
  std::string connection;
  std::string message_id;
  std::string correlation_id;
  std::string detail_json;  // a JSON object
  std::int64_t ts_ms = 0;
};
using ledger_observer = std::function<void(transaction&, const ledger_event&)>;

}  // namespace erpc
