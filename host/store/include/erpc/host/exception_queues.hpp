#pragma once
// The business and technical exception queues: listing, inspection, replay (optionally with a
// corrected payload, which becomes a new payload version) and discard (docs/store.md).

#include <erpc/host/database.hpp>
#include <erpc/host/document_protection.hpp>
#include <erpc/host/ledger_records.hpp>

#include <cstdint>
#include <memory>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace erpc {

struct queue_page {
  std::vector<message_record> items;
  std::optional<std::string> next_cursor;  // pass back to list_queue for the next page
};

struct replay_result {
  std::string message_id;
  std::int64_t payload_version = 0;
  std::string fingerprint;
  key_state key = key_state::pending;
};

class exception_queues {
 public:
  // `protection` (optional): payloads and responses are revealed in what list_queue,
  // get_message and payload_versions return (a value it cannot reveal throws its error, e.g.
  // crypto.unknown_key), and a corrected payload is protected before it is stored.
  explicit exception_queues(database& db, ledger_observer observer = {},
                            std::shared_ptr<const document_protection> protection = nullptr);

  // Queued messages of `queue` in accept order, at most `limit` (1..1000); VALIDATION
  // store.bad_cursor for a cursor this did not hand out.
  queue_page list_queue(exception_queue queue, int limit,
                        const std::optional<std::string>& cursor = std::nullopt);

  // By message id, else by correlation id (the newest message carrying it).
  std::optional<message_record> get_message(const std::string& id_or_correlation_id);

  std::vector<payload_version_record> payload_versions(const std::string& message_id);

  // Sends a queued message back to the outbox (pending, due now, attempt count restarted).
  // A corrected payload is stored as the next payload version with its own fingerprint. The
  // key: free (or gone) → re-bound to this message with the payload's fingerprint; bound to
  // this message → kept, and a corrected payload with another fingerprint is refused
  // (IDEMPOTENCY_KEY_REUSE store.replay_fingerprint_mismatch); bound to another message → refused
  // (IDEMPOTENCY_KEY_REUSE store.key_reused, or CONFLICT store.key_bound_elsewhere when that
  // message has the same fingerprint). NOT_FOUND store.message_not_found, CONFLICT
  // store.not_queued when the message is not in a queue.
  replay_result replay(const std::string& message_id,
                       const std::optional<std::string>& corrected_payload,
                       const std::string& actor);

  // A queued message is given up: discarded; its key is freed unless it is unresolved (an
  // effect may have happened, so it stays bound for good). Returns the key's state after.
  key_state discard(const std::string& message_id, const std::string& actor,
                    const std::string& reason);

  std::int64_t depth(exception_queue queue);
  // Messages per state, every state present (0 when none): the metrics gauge.
  std::map<std::string, std::int64_t> state_counts();

 private:
  void notify(transaction& tx, ledger_event event) const;
  message_record revealed(message_record m) const;

  database& db_;
  ledger_observer observer_;
  std::shared_ptr<const document_protection> protection_;
};

}  // namespace erpc
