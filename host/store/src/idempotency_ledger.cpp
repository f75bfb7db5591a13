#include <erpc/host/idempotency_ledger.hpp>

#include "message_columns.hpp"
#include "message_ids.hpp"

#include <erpc/error_abi.hpp>
#include <erpc/host/fingerprint.hpp>
#include <erpc/host/host_clock.hpp>
#include <erpc/host/strict_json.hpp>

#include <nlohmann/json.hpp>

namespace erpc {
namespace {

bool is_valid_key(const std::string& key) {
  if (key.empty() || key.size() > 64) return false;
  for (const char c : key) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '.' || c == ':' || c == '-';
    if (!ok) return false;
  }
  return true;
}

void validate(const accept_request& r) {
  error e(error_class::validation, "store.bad_request", "the accept request is incomplete");
  if (r.key.connection.empty()) e.with_field("/connection", "store.required", "missing");
  if (r.key.object.empty()) e.with_field("/object", "store.required", "missing");
  if (r.key.op.empty()) e.with_field("/op", "store.required", "missing");
  if (!is_valid_key(r.key.idempotency_key)) {
    e.with_field("/idempotency_key", "store.bad_key", "must match [A-Za-z0-9_.:-]{1,64}");
  }
  for (std::size_t i = 0; i < r.depends_on.size(); ++i) {
    if (!is_valid_key(r.depends_on[i])) {
      e.with_field("/depends_on/" + std::to_string(i), "store.bad_key",
                   "must match [A-Za-z0-9_.:-]{1,64}");
    }
  }
  if (!e.field_errors().empty()) throw e;
}

error stale_token(const std::string& message_id) {
  return error(error_class::conflict, "store.stale_fencing_token",
               "message " + message_id +
                   " is no longer leased with this fencing token; nothing was recorded");
}

std::string for_update(const transaction& tx) {
  return tx.backend() == database_backend::postgres ? " FOR UPDATE" : "";
}

const char* const key_where =
    " WHERE connection = ? AND object = ? AND op = ? AND idempotency_key = ?";

}  // namespace

idempotency_ledger::idempotency_ledger(database& db, ledger_observer observer,
                                       std::shared_ptr<const document_protection> protection)
    : db_(db), observer_(std::move(observer)), protection_(std::move(protection)) {}

std::string idempotency_ledger::protect(stored_document kind, const std::string& text) const {
  return protection_ ? protection_->protect(kind, text) : text;
}

std::string idempotency_ledger::reveal(stored_document kind, const std::string& text) const {
  return protection_ ? protection_->reveal(kind, text) : text;
}

void idempotency_ledger::notify(transaction& tx, ledger_event event) const {
  if (observer_) observer_(tx, event);
}

accept_result idempotency_ledger::accept(const accept_request& request) {
  return accept_or_raise(request, nullptr);
}

accept_result idempotency_ledger::raise(const accept_request& request, const error& why,
                                        exception_queue queue) {
  const raised_failure raised{why, queue};
  return accept_or_raise(request, &raised);
}

accept_result idempotency_ledger::accept_or_raise(const accept_request& request,
                                                  const raised_failure* raised) {
  validate(request);
  const std::string fingerprint = payload_fingerprint(parse_strict(request.payload));
  // The fingerprint is of the plaintext; only the stored copy is protected.
  const std::string stored_payload = protect(stored_document::payload, request.payload);
  const key_scope& k = request.key;
  auto accepted = db_.transact([&](transaction& tx) {
    const std::int64_t now = db_.clock().now_unix_ms();
    accept_result result;
    result.fingerprint = fingerprint;
    const auto existing =
        tx.execute("SELECT fingerprint, state, message_id, response FROM idempotency_keys" +
                       std::string(key_where) + for_update(tx),
                   {k.connection, k.object, k.op, k.idempotency_key});
    const bool bound = !existing.rows.empty() && existing.rows[0].text(1) != "free";
    if (bound) {
      const sql_row& row = existing.rows[0];
      result.message_id = row.text(2);
      const auto corr =
          tx.execute("SELECT correlation_id FROM messages WHERE id = ?", {result.message_id});
      if (!corr.rows.empty()) result.correlation_id = corr.rows[0].text(0);
      const std::string state = row.text(1);
      if (row.text(0) != fingerprint) {
        result.kind = accept_kind::reuse;
      } else if (state == "completed") {
        result.kind = accept_kind::replay;
        result.stored_response = row.optional_text(3);
      } else if (state == "in_flight") {
        result.kind = accept_kind::in_progress;
      } else {
        result.kind = accept_kind::existing;
      }
      return result;
    }

    result.kind = accept_kind::accepted;
    result.message_id = detail::new_random_id("msg_");
    result.correlation_id =
        request.correlation_id.empty() ? detail::new_random_id("") : request.correlation_id;
    // The counter row stays locked to commit: accept_seq order is commit order.
    const auto seq = tx.execute(
        "UPDATE store_counters SET value = value + 1 WHERE name = 'accept_seq' RETURNING value");
    if (existing.rows.empty()) {
      tx.execute(
          "INSERT INTO idempotency_keys (connection, object, op, idempotency_key, "
          "fingerprint, state, message_id, fencing_token, updated_ms) "
          "VALUES (?, ?, ?, ?, ?, 'pending', ?, 0, ?)",
          {k.connection, k.object, k.op, k.idempotency_key, fingerprint, result.message_id, now});
    } else {
      tx.execute(
          "UPDATE idempotency_keys SET fingerprint = ?, state = 'pending', message_id = ?, "
          "owner = NULL, lease_expiry_ms = NULL, response = NULL, effect = NULL, "
          "updated_ms = ?" +
              std::string(key_where),
          {fingerprint, result.message_id, now, k.connection, k.object, k.op, k.idempotency_key});
    }
    tx.execute(
        "INSERT INTO messages (id, accept_seq, connection, object, op, idempotency_key, "
        "fingerprint, correlation_id, traceparent, ordering_key, depends_on, payload, "
        "payload_version, state, attempt, next_attempt_ms, fencing_token, created_ms, "
        "updated_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 'pending', 0, ?, 0, ?, ?)",
        {result.message_id, seq.rows.at(0).int64(0), k.connection, k.object, k.op,
         k.idempotency_key, fingerprint, result.correlation_id, sql_nullable(request.traceparent),
         sql_nullable(request.ordering_key), detail::depends_on_to_json(request.depends_on),
         stored_payload, now, now, now});
    tx.execute(
        "INSERT INTO payload_versions (message_id, version, payload, fingerprint, reason, "
        "actor, created_ms) VALUES (?, 1, ?, ?, 'received', ?, ?)",
        {result.message_id, stored_payload, fingerprint, request.actor, now});
    for (const std::string& dependency : request.depends_on) {
      if (dependency == k.idempotency_key) continue;  // a message cannot wait for itself
      tx.execute(
          "INSERT INTO message_dependencies (message_id, connection, idempotency_key) "
          "VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
          {result.message_id, k.connection, dependency});
    }
    notify(tx, {"received", k.connection, result.message_id, result.correlation_id,
                nlohmann::json{{"object", k.object},
                               {"op", k.op},
                               {"idempotency_key", k.idempotency_key},
                               {"fingerprint", fingerprint},
                               {"payload_version", 1},
                               {"actor", request.actor}}
                    .dump(),
                now});
    if (raised != nullptr) {
      // Never attempted, so no effect: the key stays pending (bound to this message) until a
      // replay's attempt completes it or a discard frees it.
      const nlohmann::json error_json = error_to_json(raised->why);
      tx.execute(
          "UPDATE messages SET state = 'queued', queue = ?, last_error = ?, updated_ms = ? "
          "WHERE id = ?",
          {std::string(to_string(raised->queue)), error_json.dump(), now, result.message_id});
      notify(tx, {"queued", k.connection, result.message_id, result.correlation_id,
                  nlohmann::json{{"error", error_json},
                                 {"key_state", to_string(key_state::pending)},
                                 {"queue", to_string(raised->queue)},
                                 {"raised_by", request.actor}}
                      .dump(),
                  now});
    }
    return result;
  });
  if (accepted.stored_response) {
    accepted.stored_response = reveal(stored_document::response, *accepted.stored_response);
  }
  return accepted;
}

std::vector<claimed_message> idempotency_ledger::claim(const claim_request& request) {
  if (request.owner.empty() || request.limit < 1 || request.lease_ms < 1) {
    throw error(error_class::validation, "store.bad_request",
                "claim needs an owner, a limit >= 1 and a lease >= 1 ms");
  }
  auto claimed_messages = db_.transact([&](transaction& tx) {
    std::vector<claimed_message> claimed;
    const bool pg = tx.backend() == database_backend::postgres;
    std::string sql =
        "SELECT m.id FROM messages m "
        "WHERE m.state IN ('pending', 'waiting_retry') AND m.next_attempt_ms <= ?";
    std::vector<sql_value> params{request.now_ms};
    if (request.connection) {
      sql += " AND m.connection = ?";
      params.emplace_back(*request.connection);
    }
    // FIFO per ordering key: anything earlier that is not finished (succeeded or discarded)
    // holds it, a queued one included. depends_on: every listed key completed.
    sql +=
        " AND NOT EXISTS (SELECT 1 FROM messages e WHERE e.connection = m.connection"
        " AND e.ordering_key = m.ordering_key AND e.accept_seq < m.accept_seq"
        " AND e.state NOT IN ('succeeded', 'discarded'))"
        " AND NOT EXISTS (SELECT 1 FROM message_dependencies d WHERE d.message_id = m.id"
        " AND NOT EXISTS (SELECT 1 FROM idempotency_keys k WHERE k.connection = d.connection"
        " AND k.idempotency_key = d.idempotency_key AND k.state = 'completed'))"
        " ORDER BY m.accept_seq LIMIT ?";
    params.emplace_back(static_cast<std::int64_t>(request.limit));
    if (pg) sql += " FOR UPDATE OF m SKIP LOCKED";
    const auto due = tx.execute(sql, params);

    const std::int64_t expiry = request.now_ms + request.lease_ms;
    for (const sql_row& row : due.rows) {
      const std::string id = row.text(0);
      const auto updated = tx.execute(
          "UPDATE messages SET state = 'in_flight', lease_owner = ?, lease_expiry_ms = ?, "
          "fencing_token = fencing_token + 1, attempt = attempt + 1, updated_ms = ? "
          "WHERE id = ? AND state IN ('pending', 'waiting_retry') RETURNING " +
              detail::message_columns(""),
          {request.owner, expiry, request.now_ms, id});
      if (updated.rows.empty()) continue;
      const message_record m = detail::message_from_row(updated.rows[0]);
      tx.execute(
          "UPDATE idempotency_keys SET state = 'in_flight', owner = ?, lease_expiry_ms = ?, "
          "fencing_token = ?, updated_ms = ?" +
              std::string(key_where) + " AND message_id = ?",
          {request.owner, expiry, m.fencing_token, request.now_ms, m.key.connection, m.key.object,
           m.key.op, m.key.idempotency_key, m.id});
      claimed_message c;
      c.message_id = m.id;
      c.key = m.key;
      c.fingerprint = m.fingerprint;
      c.correlation_id = m.correlation_id;
      c.traceparent = m.traceparent;
      c.ordering_key = m.ordering_key;
      c.payload = m.payload;
      c.payload_version = m.payload_version;
      c.attempt = m.attempt;
      c.prior_outcome = m.prior_outcome;
      c.fencing_token = m.fencing_token;
      c.lease_expiry_ms = expiry;
      notify(tx, {"claimed", m.key.connection, m.id, m.correlation_id,
                  nlohmann::json{{"owner", request.owner},
                                 {"attempt", m.attempt},
                                 {"fencing_token", m.fencing_token},
                                 {"lease_expiry_ms", expiry}}
                      .dump(),
                  request.now_ms});
      claimed.push_back(std::move(c));
    }
    return claimed;
  });
  // Revealed after the commit: a payload that cannot be revealed must not roll the claim back,
  // or that one message would block every claim; the caller records its failure instead.
  for (claimed_message& c : claimed_messages) {
    try {
      c.payload = reveal(stored_document::payload, c.payload);
    } catch (const error& e) {
      c.payload.clear();
      c.payload_unreadable = std::make_shared<const error>(e);
    }
  }
  return claimed_messages;
}

void idempotency_ledger::record_success(const std::string& message_id, std::int64_t fencing_token,
                                        const std::string& response_json) {
  const std::string stored_response = protect(stored_document::response, response_json);
  db_.transact([&](transaction& tx) {
    const std::int64_t now = db_.clock().now_unix_ms();
    const auto updated = tx.execute(
        "UPDATE messages SET state = 'succeeded', response = ?, lease_owner = NULL, "
        "lease_expiry_ms = NULL, queue = NULL, updated_ms = ? "
        "WHERE id = ? AND fencing_token = ? AND state = 'in_flight' "
        "RETURNING connection, object, op, idempotency_key, correlation_id",
        {stored_response, now, message_id, fencing_token});
    if (updated.rows.empty()) throw stale_token(message_id);
    const sql_row& m = updated.rows[0];
    tx.execute(
        "UPDATE idempotency_keys SET state = 'completed', response = ?, effect = 'committed', "
        "owner = NULL, lease_expiry_ms = NULL, updated_ms = ?" +
            std::string(key_where) + " AND message_id = ?",
        {stored_response, now, m.text(0), m.text(1), m.text(2), m.text(3), message_id});
    notify(tx, {"succeeded", m.text(0), message_id, m.text(4),
                nlohmann::json{{"fencing_token", fencing_token}}.dump(), now});
  });
}

failure_recorded idempotency_ledger::record_failure(const std::string& message_id,
                                                    std::int64_t fencing_token,
                                                    const error& failure,
                                                    const failure_decision& decision) {
  const std::string error_json = error_to_json(failure).dump();
  return db_.transact([&](transaction& tx) {
    const std::int64_t now = db_.clock().now_unix_ms();
    const auto current = tx.execute(
        "SELECT connection, object, op, idempotency_key, correlation_id, prior_outcome "
        "FROM messages WHERE id = ? AND fencing_token = ? AND state = 'in_flight'" +
            for_update(tx),
        {message_id, fencing_token});
    if (current.rows.empty()) throw stale_token(message_id);
    const sql_row& m = current.rows[0];
    // Once an attempt may have had an effect, the key stays bound for good.
    const bool effect_possible = failure.cls() == error_class::outcome_unknown ||
                                 failure.effect() != effect::none ||
                                 m.optional_text(5).value_or("") == "unknown";
    const bool definitive = !is_retryable(failure.cls());
    const std::optional<std::string> prior =
        effect_possible ? std::optional<std::string>("unknown") : m.optional_text(5);

    failure_recorded out;
    if (decision.what == failure_decision::action::retry) {
      out.message = message_state::waiting_retry;
      out.key = effect_possible ? key_state::unresolved : key_state::pending;
      tx.execute(
          "UPDATE messages SET state = 'waiting_retry', next_attempt_ms = ?, "
          "prior_outcome = ?, last_error = ?, lease_owner = NULL, lease_expiry_ms = NULL, "
          "updated_ms = ? WHERE id = ?",
          {decision.next_attempt_ms, sql_nullable(prior), error_json, now, message_id});
    } else {
      out.message = message_state::queued;
      out.queue = decision.queue.value_or(queue_for(failure.cls()));
      out.key = effect_possible ? key_state::unresolved
                : definitive    ? key_state::free
                                : key_state::pending;
      tx.execute(
          "UPDATE messages SET state = 'queued', queue = ?, prior_outcome = ?, "
          "last_error = ?, lease_owner = NULL, lease_expiry_ms = NULL, updated_ms = ? "
          "WHERE id = ?",
          {std::string(to_string(*out.queue)), sql_nullable(prior), error_json, now, message_id});
    }
    const std::string effect_text = effect_possible && failure.effect() == effect::none
                                        ? "possible"
                                        : std::string(to_string(failure.effect()));
    tx.execute(
        "UPDATE idempotency_keys SET state = ?, effect = ?, owner = NULL, "
        "lease_expiry_ms = NULL, updated_ms = ?" +
            std::string(key_where) + " AND message_id = ?",
        {std::string(to_string(out.key)), effect_text, now, m.text(0), m.text(1), m.text(2),
         m.text(3), message_id});
    nlohmann::json detail = {{"error", nlohmann::json::parse(error_json)},
                             {"key_state", to_string(out.key)}};
    if (out.queue) {
      detail["queue"] = to_string(*out.queue);
    } else {
      detail["next_attempt_ms"] = decision.next_attempt_ms;
    }
    notify(tx, {out.queue ? "queued" : "retry_scheduled", m.text(0), message_id, m.text(4),
                detail.dump(), now});
    return out;
  });
}

std::int64_t idempotency_ledger::expire_leases(std::int64_t now_ms) {
  const error lost(error_class::outcome_unknown, "store.lease_expired",
                   "the worker's lease expired before it recorded an outcome");
  const std::string error_json = error_to_json(lost).dump();
  return db_.transact([&](transaction& tx) {
    std::string sql =
        "SELECT id FROM messages WHERE state = 'in_flight' AND lease_expiry_ms <= ? "
        "ORDER BY accept_seq";
    if (tx.backend() == database_backend::postgres) sql += " FOR UPDATE SKIP LOCKED";
    const auto expired = tx.execute(sql, {now_ms});
    std::int64_t count = 0;
    for (const sql_row& row : expired.rows) {
      // A new fencing token: the worker that lost its lease can no longer record anything.
      const auto updated = tx.execute(
          "UPDATE messages SET state = 'waiting_retry', next_attempt_ms = ?, "
          "prior_outcome = 'unknown', last_error = ?, lease_owner = NULL, "
          "lease_expiry_ms = NULL, fencing_token = fencing_token + 1, updated_ms = ? "
          "WHERE id = ? AND state = 'in_flight' "
          "RETURNING connection, object, op, idempotency_key, correlation_id, fencing_token",
          {now_ms, error_json, now_ms, row.text(0)});
      if (updated.rows.empty()) continue;
      const sql_row& m = updated.rows[0];
      tx.execute(
          "UPDATE idempotency_keys SET state = 'unresolved', effect = 'possible', "
          "owner = NULL, lease_expiry_ms = NULL, fencing_token = ?, updated_ms = ?" +
              std::string(key_where) + " AND message_id = ?",
          {m.int64(5), now_ms, m.text(0), m.text(1), m.text(2), m.text(3), row.text(0)});
      notify(tx, {"lease_expired", m.text(0), row.text(0), m.text(4),
                  nlohmann::json{{"key_state", "unresolved"}}.dump(), now_ms});
      ++count;
    }
    return count;
  });
}

retention_result idempotency_ledger::retention(std::int64_t now_ms, std::int64_t keep_ms) {
  const std::int64_t cutoff = now_ms - keep_ms;
  return db_.transact([&](transaction& tx) {
    retention_result out;
    out.keys_deleted =
        tx.execute(
              "DELETE FROM idempotency_keys WHERE state = 'completed' AND updated_ms < ? "
              "AND NOT EXISTS (SELECT 1 FROM message_dependencies d JOIN messages w "
              "ON w.id = d.message_id WHERE d.connection = idempotency_keys.connection "
              "AND d.idempotency_key = idempotency_keys.idempotency_key "
              "AND w.state NOT IN ('succeeded', 'discarded'))",
              {cutoff})
            .affected;
    out.messages_deleted =
        tx.execute(
              "DELETE FROM messages WHERE state = 'succeeded' AND updated_ms < ? "
              "AND NOT EXISTS (SELECT 1 FROM idempotency_keys k "
              "WHERE k.message_id = messages.id AND k.state <> 'completed')",
              {cutoff})
            .affected;
    return out;
  });
}

std::int64_t idempotency_ledger::unfinished_count(const std::string& connection) {
  return db_.transact([&](transaction& tx) {
    return tx
        .execute(
            "SELECT COUNT(*) FROM messages WHERE connection = ? "
            "AND state NOT IN ('succeeded', 'discarded')",
            {connection})
        .rows.at(0)
        .int64(0);
  });
}

std::optional<std::string> idempotency_ledger::message_of(const key_scope& k) {
  return db_.transact([&](transaction& tx) -> std::optional<std::string> {
    const auto r = tx.execute(
        "SELECT message_id FROM idempotency_keys" + std::string(key_where) + " AND state <> 'free'",
        {k.connection, k.object, k.op, k.idempotency_key});
    if (r.rows.empty()) return std::nullopt;
    return r.rows[0].optional_text(0);
  });
}

std::optional<key_state> idempotency_ledger::key_state_of(const key_scope& k) {
  return db_.transact([&](transaction& tx) -> std::optional<key_state> {
    const auto r = tx.execute("SELECT state FROM idempotency_keys" + std::string(key_where),
                              {k.connection, k.object, k.op, k.idempotency_key});
    if (r.rows.empty()) return std::nullopt;
    return key_state_from_string(r.rows[0].text(0));
  });
}

}  // namespace erpc
