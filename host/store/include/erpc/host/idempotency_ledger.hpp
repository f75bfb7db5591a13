#pragma once
// The idempotency ledger and outbox: accept, claim, record, lease expiry and retention, each
// one transaction (docs/design/runtime.md "The exactly-once algorithm", docs/store.md).

#include <erpc/host/database.hpp>
#include <erpc/host/document_protection.hpp>
#include <erpc/host/ledger_records.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace erpc {

struct retention_result {
  std::int64_t keys_deleted = 0;
  std::int64_t messages_deleted = 0;
};

class idempotency_ledger {
 public:
  // `observer` (optional) sees every transition inside its transaction (the audit hook).
  // `protection` (optional) protects payloads and responses at rest (document_protection.hpp):
  // accept and record_success store protected text; claim and replay answers reveal it.
  explicit idempotency_ledger(database& db, ledger_observer observer = {},
                              std::shared_ptr<const document_protection> protection = nullptr);

  // Binds the key or reports what it is bound to. The fingerprint is computed here from the
  // payload (RFC 8785 + SHA-256, amounts normalised). Throws VALIDATION store.bad_request (a
  // missing scope field, a key outside [A-Za-z0-9_.:-]{1,64}, a bad depends_on key) or the
  // json.* codes of an unparseable payload.
  accept_result accept(const accept_request& request);

  // A message the host raises itself, straight into an exception queue without an attempt:
  // a condition only the host can see, such as a payment batch whose status report is overdue
  // (docs/store.md "Raised messages"). Stored like an accepted message (payload version 1,
  // key bound `pending`, audited `received` then `queued` with `why` as its last error), so
  // `queue replay` sends it to the adapter like any queued message and `queue discard` ends it.
  // A key already bound writes nothing and answers as accept does (existing, replay, reuse…).
  accept_result raise(const accept_request& request, const error& why, exception_queue queue);

  // Takes up to `limit` due messages (pending / waiting_retry with next_attempt_ms <= now, no
  // earlier unfinished message with the same connection + ordering_key, every depends_on key
  // completed), in accept order; leases them to `owner` with a new fencing token on the message
  // and its key (both in_flight). PostgreSQL: FOR UPDATE SKIP LOCKED, so hosts never share one.
  // A payload the protection cannot reveal (wrong key, damage) is still claimed, with
  // payload_unreadable set and an empty payload, so the caller records the failure instead of
  // the message blocking every claim.
  std::vector<claimed_message> claim(const claim_request& request);

  // Key completed with the response, message succeeded. A token that is not the message's
  // current one (or a message no longer in flight) commits nothing: CONFLICT
  // store.stale_fencing_token.
  void record_success(const std::string& message_id, std::int64_t fencing_token,
                      const std::string& response_json);

  // Applies the caller's decision and the key rules; store.stale_fencing_token as above.
  failure_recorded record_failure(const std::string& message_id, std::int64_t fencing_token,
                                  const error& failure, const failure_decision& decision);

  // In-flight messages whose lease ended (lease_expiry_ms <= now): message waiting_retry (due
  // now) with prior_outcome "unknown" and a new fencing token, key unresolved. Returns how many.
  std::int64_t expire_leases(std::int64_t now_ms);

  // Deletes completed keys and succeeded messages last updated before now - keep_ms (a key a
  // not yet finished message depends on is kept). Never touches any other state.
  retention_result retention(std::int64_t now_ms, std::int64_t keep_ms);

  // Unfinished (not succeeded, not discarded) messages of a connection: back-pressure input.
  std::int64_t unfinished_count(const std::string& connection);

  // The message a key is bound to (not free), if any.
  std::optional<std::string> message_of(const key_scope& key);

  // The stored state of a key, if the ledger knows it.
  std::optional<key_state> key_state_of(const key_scope& key);

 private:
  struct raised_failure {
    const error& why;
    exception_queue queue;
  };
  accept_result accept_or_raise(const accept_request& request, const raised_failure* raised);
  void notify(transaction& tx, ledger_event event) const;

  std::string protect(stored_document kind, const std::string& text) const;
  std::string reveal(stored_document kind, const std::string& text) const;

  database& db_;
  ledger_observer observer_;
  std::shared_ptr<const document_protection> protection_;
};

}  // namespace erpc
