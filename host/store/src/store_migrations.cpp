// The schema of docs/design/runtime.md "Data model", one portable list for both backends
// (TEXT and BIGINT only; SQLite gives BIGINT integer affinity). Append, never edit: a database
// that applied version N never runs it again.
#include "store_migrations.hpp"

namespace erpc::detail {

const std::vector<migration>& store_migrations() {
  static const std::vector<migration> list = {
      {1,
       "ledger tables",
       {
           R"(CREATE TABLE idempotency_keys (
                connection TEXT NOT NULL,
                object TEXT NOT NULL,
                op TEXT NOT NULL,
                idempotency_key TEXT NOT NULL,
                fingerprint TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN
                  ('pending', 'in_flight', 'completed', 'unresolved', 'free')),
                message_id TEXT NOT NULL,
                owner TEXT,
                lease_expiry_ms BIGINT,
                fencing_token BIGINT NOT NULL DEFAULT 0,
                response TEXT,
                effect TEXT,
                updated_ms BIGINT NOT NULL,
                PRIMARY KEY (connection, object, op, idempotency_key)))",
           "CREATE INDEX idempotency_keys_retention ON idempotency_keys (state, updated_ms)",
           "CREATE INDEX idempotency_keys_by_name ON idempotency_keys "
           "(connection, idempotency_key, state)",
           R"(CREATE TABLE messages (
                id TEXT PRIMARY KEY,
                accept_seq BIGINT NOT NULL UNIQUE,
                connection TEXT NOT NULL,
                object TEXT NOT NULL,
                op TEXT NOT NULL,
                idempotency_key TEXT NOT NULL,
                fingerprint TEXT NOT NULL,
                correlation_id TEXT NOT NULL,
                traceparent TEXT,
                ordering_key TEXT,
                depends_on TEXT NOT NULL DEFAULT '[]',
                payload TEXT NOT NULL,
                payload_version BIGINT NOT NULL,
                state TEXT NOT NULL CHECK (state IN
                  ('pending', 'in_flight', 'waiting_retry', 'succeeded', 'queued', 'discarded')),
                attempt BIGINT NOT NULL DEFAULT 0,
                next_attempt_ms BIGINT NOT NULL,
                lease_owner TEXT,
                lease_expiry_ms BIGINT,
                fencing_token BIGINT NOT NULL DEFAULT 0,
                prior_outcome TEXT,
                last_error TEXT,
                response TEXT,
                queue TEXT CHECK (queue IS NULL OR queue IN ('business', 'technical')),
                created_ms BIGINT NOT NULL,
                updated_ms BIGINT NOT NULL))",
           "CREATE INDEX messages_due ON messages (state, next_attempt_ms, accept_seq)",
           "CREATE INDEX messages_ordering ON messages (connection, ordering_key, accept_seq)",
           "CREATE INDEX messages_queue ON messages (queue, state, accept_seq)",
           "CREATE INDEX messages_correlation ON messages (correlation_id)",
           "CREATE INDEX messages_lease ON messages (state, lease_expiry_ms)",
           "CREATE INDEX messages_retention ON messages (state, updated_ms)",
           R"(CREATE TABLE payload_versions (
                message_id TEXT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
                version BIGINT NOT NULL,
                payload TEXT NOT NULL,
                fingerprint TEXT NOT NULL,
                reason TEXT NOT NULL,
                actor TEXT NOT NULL,
                created_ms BIGINT NOT NULL,
                PRIMARY KEY (message_id, version)))",
           // depends_on as rows, so the claim query can test it in portable SQL.
           R"(CREATE TABLE message_dependencies (
                message_id TEXT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
                connection TEXT NOT NULL,
                idempotency_key TEXT NOT NULL,
                PRIMARY KEY (message_id, idempotency_key)))",
           "CREATE INDEX message_dependencies_key ON message_dependencies "
           "(connection, idempotency_key)",
           // accept order: a counter row whose lock is held to commit, so accept_seq order is
           // commit order on PostgreSQL too (a sequence is not).
           "CREATE TABLE store_counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL)",
           "INSERT INTO store_counters (name, value) VALUES ('accept_seq', 0)",
       },
       {},
       {}},
  };
  return list;
}

}  // namespace erpc::detail
