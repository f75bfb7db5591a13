#include <erpc/host/exception_queues.hpp>

#include "message_columns.hpp"

#include <erpc/host/fingerprint.hpp>
#include <erpc/host/host_clock.hpp>
#include <erpc/host/strict_json.hpp>

#include <nlohmann/json.hpp>

#include <charconv>

namespace erpc {
namespace {

const char* const key_where =
    " WHERE connection = ? AND object = ? AND op = ? AND idempotency_key = ?";

std::string for_update(const transaction& tx) {
  return tx.backend() == database_backend::postgres ? " FOR UPDATE" : "";
}

std::optional<message_record> queued_message(transaction& tx, const std::string& id) {
  const auto r = tx.execute(
      "SELECT " + detail::message_columns("m") + " FROM messages m WHERE m.id = ?" + for_update(tx),
      {id});
  if (r.rows.empty()) {
    throw error(error_class::not_found, "store.message_not_found", "no message " + id);
  }
  message_record m = detail::message_from_row(r.rows[0]);
  if (m.state != message_state::queued) {
    throw error(
        error_class::conflict, "store.not_queued",
        "message " + id + " is " + std::string(to_string(m.state)) + ", not in an exception queue");
  }
  return m;
}

}  // namespace

exception_queues::exception_queues(database& db, ledger_observer observer,
                                   std::shared_ptr<const document_protection> protection)
    : db_(db), observer_(std::move(observer)), protection_(std::move(protection)) {}

message_record exception_queues::revealed(message_record m) const {
  if (!protection_) return m;
  m.payload = protection_->reveal(stored_document::payload, m.payload);
  if (m.response) m.response = protection_->reveal(stored_document::response, *m.response);
  return m;
}

void exception_queues::notify(transaction& tx, ledger_event event) const {
  if (observer_) observer_(tx, event);
}

queue_page exception_queues::list_queue(exception_queue queue, int limit,
                                        const std::optional<std::string>& cursor) {
  if (limit < 1 || limit > 1000) {
    throw error(error_class::validation, "store.bad_request", "limit must be 1..1000");
  }
  std::int64_t after = 0;
  if (cursor) {
    const auto [end, ec] = std::from_chars(cursor->data(), cursor->data() + cursor->size(), after);
    if (ec != std::errc() || end != cursor->data() + cursor->size() || after < 0) {
      throw error(error_class::validation, "store.bad_cursor", "not a queue cursor");
    }
  }
  auto listed = db_.transact([&](transaction& tx) {
    queue_page page;
    const auto r =
        tx.execute("SELECT " + detail::message_columns("m") +
                       " FROM messages m WHERE m.queue = ? AND m.state = 'queued' "
                       "AND m.accept_seq > ? ORDER BY m.accept_seq LIMIT ?",
                   {std::string(to_string(queue)), after, static_cast<std::int64_t>(limit) + 1});
    for (const sql_row& row : r.rows) {
      if (page.items.size() == static_cast<std::size_t>(limit)) {
        page.next_cursor = std::to_string(page.items.back().accept_seq);
        break;
      }
      page.items.push_back(detail::message_from_row(row));
    }
    return page;
  });
  for (message_record& m : listed.items) m = revealed(std::move(m));
  return listed;
}

std::optional<message_record> exception_queues::get_message(const std::string& id_or_correlation) {
  auto found = db_.transact([&](transaction& tx) -> std::optional<message_record> {
    auto r =
        tx.execute("SELECT " + detail::message_columns("m") + " FROM messages m WHERE m.id = ?",
                   {id_or_correlation});
    if (r.rows.empty()) {
      r = tx.execute("SELECT " + detail::message_columns("m") +
                         " FROM messages m WHERE m.correlation_id = ? "
                         "ORDER BY m.accept_seq DESC LIMIT 1",
                     {id_or_correlation});
    }
    if (r.rows.empty()) return std::nullopt;
    message_record m = detail::message_from_row(r.rows[0]);
    if (m.state == message_state::pending || m.state == message_state::waiting_retry) {
      if (m.ordering_key) {
        const auto earlier = tx.execute(
            "SELECT id FROM messages WHERE connection = ? AND ordering_key = ? AND accept_seq < ? "
            "AND state NOT IN ('succeeded', 'discarded') ORDER BY accept_seq",
            {m.key.connection, *m.ordering_key, m.accept_seq});
        for (const sql_row& row : earlier.rows) m.blocked_by.push_back(row.text(0));
      }
      const auto deps = tx.execute(
          "SELECT d.idempotency_key FROM message_dependencies d WHERE d.message_id = ? "
          "AND NOT EXISTS (SELECT 1 FROM idempotency_keys k WHERE k.connection = d.connection "
          "AND k.idempotency_key = d.idempotency_key AND k.state = 'completed') "
          "ORDER BY d.idempotency_key",
          {m.id});
      for (const sql_row& row : deps.rows) m.blocked_by.push_back(row.text(0));
    }
    return m;
  });
  if (found) found = revealed(std::move(*found));
  return found;
}

std::vector<payload_version_record> exception_queues::payload_versions(
    const std::string& message_id) {
  auto versions = db_.transact([&](transaction& tx) {
    std::vector<payload_version_record> out;
    const auto r = tx.execute(
        "SELECT message_id, version, payload, fingerprint, reason, actor, created_ms "
        "FROM payload_versions WHERE message_id = ? ORDER BY version",
        {message_id});
    for (const sql_row& row : r.rows) {
      out.push_back({row.text(0), row.int64(1), row.text(2), row.text(3), row.text(4), row.text(5),
                     row.int64(6)});
    }
    return out;
  });
  if (protection_) {
    for (auto& v : versions) v.payload = protection_->reveal(stored_document::payload, v.payload);
  }
  return versions;
}

replay_result exception_queues::replay(const std::string& message_id,
                                       const std::optional<std::string>& corrected_payload,
                                       const std::string& actor) {
  std::optional<std::string> corrected_fingerprint;
  std::optional<std::string> stored_correction;
  if (corrected_payload) {
    corrected_fingerprint = payload_fingerprint(parse_strict(*corrected_payload));
    stored_correction = protection_
                            ? protection_->protect(stored_document::payload, *corrected_payload)
                            : *corrected_payload;
  }
  return db_.transact([&](transaction& tx) {
    const std::int64_t now = db_.clock().now_unix_ms();
    const message_record m = *queued_message(tx, message_id);
    replay_result out;
    out.message_id = m.id;
    out.fingerprint = corrected_fingerprint.value_or(m.fingerprint);
    out.payload_version = m.payload_version;

    const key_scope& k = m.key;
    const auto key = tx.execute("SELECT fingerprint, state, message_id FROM idempotency_keys" +
                                    std::string(key_where) + for_update(tx),
                                {k.connection, k.object, k.op, k.idempotency_key});
    if (key.rows.empty() || key.rows[0].text(1) == "free") {
      out.key = key_state::pending;
      if (key.rows.empty()) {
        tx.execute(
            "INSERT INTO idempotency_keys (connection, object, op, idempotency_key, "
            "fingerprint, state, message_id, fencing_token, updated_ms) "
            "VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?)",
            {k.connection, k.object, k.op, k.idempotency_key, out.fingerprint, m.id,
             m.fencing_token, now});
      } else {
        tx.execute(
            "UPDATE idempotency_keys SET fingerprint = ?, state = 'pending', "
            "message_id = ?, owner = NULL, lease_expiry_ms = NULL, response = NULL, "
            "effect = NULL, fencing_token = ?, updated_ms = ?" +
                std::string(key_where),
            {out.fingerprint, m.id, m.fencing_token, now, k.connection, k.object, k.op,
             k.idempotency_key});
      }
    } else {
      const sql_row& row = key.rows[0];
      const bool same_fingerprint = row.text(0) == out.fingerprint;
      if (row.text(2) != m.id) {
        if (!same_fingerprint) {
          throw error(error_class::idempotency_key_reuse, "store.key_reused",
                      "key " + k.idempotency_key + " is now bound to message " + row.text(2) +
                          " with another payload");
        }
        throw error(error_class::conflict, "store.key_bound_elsewhere",
                    "key " + k.idempotency_key + " is now bound to message " + row.text(2) +
                        " with this payload");
      }
      if (!same_fingerprint) {
        throw error(error_class::idempotency_key_reuse, "store.replay_fingerprint_mismatch",
                    "key " + k.idempotency_key +
                        " stays bound to the original payload (an effect may have happened or "
                        "it was never freed); a corrected payload needs a new key");
      }
      out.key = *key_state_from_string(row.text(1));
      if (out.key != key_state::unresolved) {
        tx.execute("UPDATE idempotency_keys SET state = 'pending', updated_ms = ?" +
                       std::string(key_where),
                   {now, k.connection, k.object, k.op, k.idempotency_key});
        out.key = key_state::pending;
      }
    }

    std::string payload = m.payload;  // as stored: already protected
    if (stored_correction) {
      out.payload_version = m.payload_version + 1;
      payload = *stored_correction;
      tx.execute(
          "INSERT INTO payload_versions (message_id, version, payload, fingerprint, "
          "reason, actor, created_ms) VALUES (?, ?, ?, ?, 'replay', ?, ?)",
          {m.id, out.payload_version, payload, out.fingerprint, actor, now});
      notify(tx, {"payload_version", k.connection, m.id, m.correlation_id,
                  nlohmann::json{{"version", out.payload_version},
                                 {"fingerprint", out.fingerprint},
                                 {"actor", actor}}
                      .dump(),
                  now});
    }
    tx.execute(
        "UPDATE messages SET state = 'pending', queue = NULL, attempt = 0, "
        "next_attempt_ms = ?, payload = ?, payload_version = ?, fingerprint = ?, "
        "updated_ms = ? WHERE id = ?",
        {now, payload, out.payload_version, out.fingerprint, now, m.id});
    notify(tx, {"replayed", k.connection, m.id, m.correlation_id,
                nlohmann::json{{"actor", actor},
                               {"payload_version", out.payload_version},
                               {"key_state", to_string(out.key)}}
                    .dump(),
                now});
    return out;
  });
}

key_state exception_queues::discard(const std::string& message_id, const std::string& actor,
                                    const std::string& reason) {
  return db_.transact([&](transaction& tx) {
    const std::int64_t now = db_.clock().now_unix_ms();
    const message_record m = *queued_message(tx, message_id);
    const key_scope& k = m.key;
    tx.execute("UPDATE messages SET state = 'discarded', updated_ms = ? WHERE id = ?", {now, m.id});
    const auto key = tx.execute(
        "SELECT state, message_id FROM idempotency_keys" + std::string(key_where) + for_update(tx),
        {k.connection, k.object, k.op, k.idempotency_key});
    key_state after = key_state::free;
    if (!key.rows.empty()) {
      after = *key_state_from_string(key.rows[0].text(0));
      if (key.rows[0].text(1) == m.id && after == key_state::pending) {
        tx.execute(
            "UPDATE idempotency_keys SET state = 'free', updated_ms = ?" + std::string(key_where),
            {now, k.connection, k.object, k.op, k.idempotency_key});
        after = key_state::free;
      }
    }
    notify(tx,
           {"discarded", k.connection, m.id, m.correlation_id,
            nlohmann::json{{"actor", actor}, {"reason", reason}, {"key_state", to_string(after)}}
                .dump(),
            now});
    return after;
  });
}

std::int64_t exception_queues::depth(exception_queue queue) {
  return db_.transact([&](transaction& tx) {
    return tx
        .execute("SELECT COUNT(*) FROM messages WHERE queue = ? AND state = 'queued'",
                 {std::string(to_string(queue))})
        .rows.at(0)
        .int64(0);
  });
}

std::map<std::string, std::int64_t> exception_queues::state_counts() {
  return db_.transact([&](transaction& tx) {
    std::map<std::string, std::int64_t> counts;
    for (const auto s :
         {message_state::pending, message_state::in_flight, message_state::waiting_retry,
          message_state::succeeded, message_state::queued, message_state::discarded}) {
      counts[std::string(to_string(s))] = 0;
    }
    const auto r = tx.execute("SELECT state, COUNT(*) FROM messages GROUP BY state");
    for (const sql_row& row : r.rows) counts[row.text(0)] = row.int64(1);
    return counts;
  });
}

}  // namespace erpc
