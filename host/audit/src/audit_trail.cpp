#include <erpc/host/audit_trail.hpp>

#include <erpc/host/audit_chain_verifier.hpp>
#include <erpc/host/audit_migrations.hpp>

#include <erpc/error.hpp>
#include <erpc/host/canonical_json.hpp>
#include <erpc/host/database.hpp>
#include <erpc/host/host_clock.hpp>
#include <erpc/host/transaction.hpp>

#include <spdlog/spdlog.h>

#include <map>
#include <set>
#include <utility>

namespace erpc {

namespace {

constexpr std::int64_t verify_page_rows = 1000;

constexpr const char* entry_columns =
    "connection, seq, ts_ms, correlation_id, event, detail, prev_mac, mac";

audit_entry entry_from_row(const sql_row& row) {
  audit_entry e;
  e.connection = row.text(0);
  e.seq = row.int64(1);
  e.ts_ms = row.int64(2);
  e.correlation_id = row.text(3);
  e.event = row.text(4);
  const std::string detail = row.text(5);
  e.detail = nlohmann::json::parse(detail, nullptr, false);
  // Text that is no longer JSON was edited; kept as a string it can never match the MAC.
  if (e.detail.is_discarded()) e.detail = detail;
  e.prev_mac = row.text(6);
  e.mac = row.text(7);
  return e;
}

std::optional<audit_head> read_head(transaction& tx, std::string_view connection, bool for_update) {
  const bool lock = for_update && tx.backend() == database_backend::postgres;
  const auto result = tx.execute(lock ? "SELECT seq, mac FROM audit_heads WHERE connection = ? "
                                        "FOR UPDATE"
                                      : "SELECT seq, mac FROM audit_heads WHERE connection = ?",
                                 {std::string(connection)});
  if (result.rows.empty()) return std::nullopt;
  return audit_head{result.rows[0].int64(0), result.rows[0].text(1)};
}

std::optional<std::int64_t> readable_seq(const sql_row& row) {
  try {
    return row.int64(1);
  } catch (const error&) {
    return std::nullopt;
  }
}

std::string readable_mac(const sql_row& row) {
  try {
    return row.text(7);
  } catch (const error&) {
    return {};
  }
}

audit_checkpoint checkpoint_from_row(const sql_row& row) {
  return {row.text(0), row.int64(1), row.text(2), row.int64(3), row.text(4)};
}

}  // namespace

audit_trail::audit_trail(database& db, const audit_keys& keys, audit_trail_options options)
    : db_(db),
      chain_(keys.chain),
      signer_(keys.checkpoint),
      anchor_(options.anchor_path),
      checkpoint_every_(options.checkpoint_every) {
  if (options.checkpoint_every < 1 || options.anchor_path.empty()) {
    throw error(error_class::configuration, "audit.bad_options",
                "audit trail needs an anchor path and checkpoint_every of at least 1");
  }
  register_audit_migrations(db_);
}

std::int64_t audit_trail::append(std::string_view connection, std::string_view correlation_id,
                                 std::string_view event, const nlohmann::json& detail) {
  validate_audit_entry(connection, correlation_id, event, detail);
  // The periodic checkpoint runs from the transaction's after-commit action.
  return db_.transact(
      [&](transaction& tx) { return append(tx, connection, correlation_id, event, detail); });
}

std::int64_t audit_trail::append(transaction& tx, std::string_view connection,
                                 std::string_view correlation_id, std::string_view event,
                                 const nlohmann::json& detail) {
  validate_audit_entry(connection, correlation_id, event, detail);
  const auto head = read_head(tx, connection, true);

  audit_entry e;
  e.connection = std::string(connection);
  e.seq = head ? head->seq + 1 : 1;
  e.ts_ms = db_.clock().now_unix_ms();
  e.correlation_id = std::string(correlation_id);
  e.event = std::string(event);
  e.detail = detail;
  chain_.seal(e, head ? head->mac : audit_chain::genesis_mac());

  tx.execute(std::string("INSERT INTO audit_entries (") + entry_columns +
                 ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
             {e.connection, e.seq, e.ts_ms, e.correlation_id, e.event, canonicalize(e.detail),
              e.prev_mac, e.mac});
  if (head) {
    tx.execute("UPDATE audit_heads SET seq = ?, mac = ? WHERE connection = ?",
               {e.seq, e.mac, e.connection});
  } else {
    // Two first appends race to this insert on PostgreSQL; the loser gets a unique violation
    // and database::transact runs it again, then finding the winner's head.
    tx.execute("INSERT INTO audit_heads (connection, seq, mac) VALUES (?, ?, ?)",
               {e.connection, e.seq, e.mac});
  }
  // Only once the entry is committed may an anchor line name it; a rolled back or retried
  // attempt drops this action with the entry.
  if (e.seq % checkpoint_every_ == 0) {
    tx.after_commit([this, connection = e.connection, seq = e.seq] { after_commit(connection, seq); });
  }
  return e.seq;
}

void audit_trail::after_commit(std::string_view connection, std::int64_t seq) noexcept {
  if (seq <= 0 || seq % checkpoint_every_ != 0) return;
  try {
    checkpoint(connection);
  } catch (const error& e) {
    spdlog::error("audit checkpoint of connection '{}' at seq {} failed: {} ({})", connection, seq,
                  e.message(), e.code());
  } catch (const std::exception& e) {
    spdlog::error("audit checkpoint of connection '{}' at seq {} failed: {}", connection, seq,
                  e.what());
  }
}

std::optional<audit_checkpoint> audit_trail::checkpoint(std::string_view connection) {
  const std::lock_guard lock(checkpoint_mutex_);
  auto unsigned_checkpoint = db_.transact([&](transaction& tx) -> std::optional<audit_checkpoint> {
    const auto head = read_head(tx, connection, false);
    if (!head) return std::nullopt;
    const auto last = tx.execute("SELECT MAX(seq) FROM audit_checkpoints WHERE connection = ?",
                                 {std::string(connection)});
    const auto last_seq = last.rows.empty() ? std::nullopt : last.rows[0].optional_int64(0);
    if (last_seq && *last_seq >= head->seq) return std::nullopt;
    const auto rows = tx.execute(std::string("SELECT ") + entry_columns +
                                     " FROM audit_entries WHERE connection = ? AND seq = ?",
                                 {std::string(connection), head->seq});
    if (rows.rows.empty() || entry_from_row(rows.rows[0]).mac != head->mac ||
        !chain_.mac_valid(entry_from_row(rows.rows[0]))) {
      throw error(error_class::internal, "audit.head_corrupt",
                  "audit head of connection '" + std::string(connection) + "' at seq " +
                      std::to_string(head->seq) +
                      " does not match a genuine entry; run erpc audit verify");
    }
    return audit_checkpoint{std::string(connection), head->seq, head->mac,
                            db_.clock().now_unix_ms(), ""};
  });
  if (!unsigned_checkpoint) return std::nullopt;
  audit_checkpoint cp = std::move(*unsigned_checkpoint);
  signer_.sign(cp);
  // Anchor first: a crash before the row leaves an anchor line without a row (harmless), never
  // a row the anchor does not know.
  anchor_.append(cp);
  db_.transact([&](transaction& tx) {
    tx.execute(
        "INSERT INTO audit_checkpoints (connection, seq, head_mac, ts_ms, signature) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        {cp.connection, cp.seq, cp.head_mac, cp.ts_ms, cp.signature});
  });
  return cp;
}

std::vector<audit_checkpoint> audit_trail::checkpoint_all() {
  const auto connections = db_.transact([](transaction& tx) {
    std::vector<std::string> out;
    for (const auto& row :
         tx.execute("SELECT connection FROM audit_heads ORDER BY connection").rows) {
      out.push_back(row.text(0));
    }
    return out;
  });
  std::vector<audit_checkpoint> written;
  for (const auto& c : connections) {
    if (auto cp = checkpoint(c)) written.push_back(std::move(*cp));
  }
  return written;
}

std::vector<audit_entry> audit_trail::show(std::string_view correlation_id) {
  return db_.transact([&](transaction& tx) {
    std::vector<audit_entry> out;
    const auto result = tx.execute(std::string("SELECT ") + entry_columns +
                                       " FROM audit_entries WHERE correlation_id = ? "
                                       "ORDER BY connection, seq",
                                   {std::string(correlation_id)});
    for (const auto& row : result.rows) out.push_back(entry_from_row(row));
    return out;
  });
}

audit_verify_report audit_trail::verify() {
  audit_verify_report report;
  // Read order matters while hosts keep appending: checkpoint rows before the anchor file (a row
  // is written after its line), the anchor before the entries and heads (an anchor only names
  // committed entries).
  std::map<std::string, std::vector<audit_checkpoint>> rows_by_connection;
  std::set<std::string> connections;
  db_.transact([&](transaction& tx) {
    rows_by_connection.clear();
    connections.clear();
    for (const auto& row : tx.execute("SELECT connection, seq, head_mac, ts_ms, signature FROM "
                                      "audit_checkpoints ORDER BY connection, seq")
                               .rows) {
      auto cp = checkpoint_from_row(row);
      rows_by_connection[cp.connection].push_back(std::move(cp));
    }
  });
  const audit_anchor_contents anchor = anchor_.read();
  report.anchor_file_present = anchor.exists;
  for (const std::size_t line : anchor.unreadable_lines) {
    report.problems.push_back({audit_problem_kind::anchor_unreadable, "",
                               static_cast<std::int64_t>(line),
                               "anchor line " + std::to_string(line) + " is not a checkpoint"});
  }
  std::map<std::string, std::vector<audit_anchor_line>> anchors_by_connection;
  for (const auto& line : anchor.checkpoints) {
    anchors_by_connection[line.checkpoint.connection].push_back(line);
  }

  db_.transact([&](transaction& tx) {
    for (const auto& row : tx.execute("SELECT connection FROM audit_heads UNION "
                                      "SELECT connection FROM audit_entries")
                               .rows) {
      connections.insert(row.text(0));
    }
  });
  for (const auto& [c, _] : rows_by_connection) connections.insert(c);
  for (const auto& [c, _] : anchors_by_connection) connections.insert(c);

  for (const auto& connection : connections) {
    audit_chain_verifier verifier(chain_, signer_, connection, rows_by_connection[connection],
                                  anchors_by_connection[connection], anchor.exists, report);
    std::int64_t last_seq = 0;
    // Returns how many entries moved last_seq on, so the catch-up loop below ends even when a
    // row it cannot read keeps coming back.
    const auto read_pages = [&] {
      std::int64_t advanced = 0;
      for (;;) {
        const auto rows = db_.transact([&](transaction& tx) {
          return tx
              .execute(std::string("SELECT ") + entry_columns +
                           " FROM audit_entries WHERE connection = ? AND seq > ? "
                           "ORDER BY seq LIMIT ?",
                       {connection, last_seq, verify_page_rows})
              .rows;
        });
        std::int64_t moved = 0;
        for (const auto& row : rows) {
          const auto seq = readable_seq(row);
          if (!seq || *seq <= last_seq) continue;
          try {
            verifier.add(entry_from_row(row));
          } catch (const error&) {
            // SQLite keeps whatever type an UPDATE writes: a column of the wrong type is an edit.
            verifier.add_unreadable(*seq, readable_mac(row));
          }
          last_seq = *seq;
          ++moved;
        }
        advanced += moved;
        if (static_cast<std::int64_t>(rows.size()) < verify_page_rows || moved == 0) {
          return advanced;
        }
      }
    };
    const auto head_now = [&]() -> std::optional<audit_head> {
      try {
        return db_.transact([&](transaction& tx) { return read_head(tx, connection, false); });
      } catch (const error& e) {
        if (e.code() != "store.bad_column") throw;
        return std::nullopt;  // reported as a missing head
      }
    };
    read_pages();
    auto head = head_now();
    // Entries appended while we read: catch up until the head is no further than what we read
    // or nothing new arrives (then the head row really is ahead of the entries).
    while (head && head->seq > last_seq && read_pages() > 0) head = head_now();
    verifier.finish(head);
  }
  return report;
}

}  // namespace erpc
