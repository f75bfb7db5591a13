#include <erpc/host/database.hpp>

#include "connection_pool.hpp"
#include "store_migrations.hpp"

#include <erpc/error.hpp>
#include <erpc/host/host_clock.hpp>

#include <chrono>
#include <string>
#include <thread>

namespace erpc {
namespace {

bool is_retryable_conflict(const error& e) {
  return e.code() == "store.busy" || e.code() == "store.serialization_failure" ||
         e.code() == "store.deadlock" || e.code() == "store.unique_violation";
}

std::unique_ptr<detail::connection_pool> open_pool(const database_config& config) {
  std::vector<std::unique_ptr<detail::backend_connection>> connections;
  if (config.backend == database_backend::sqlite) {
    connections.push_back(detail::open_sqlite_connection(config));
  } else {
    const int size = config.pool_size < 1 ? 1 : config.pool_size;
    for (int i = 0; i < size; ++i) connections.push_back(detail::open_postgres_connection(config));
  }
  return std::make_unique<detail::connection_pool>(std::move(connections));
}

constexpr const char* schema_version_table =
    "CREATE TABLE IF NOT EXISTS schema_version (module TEXT NOT NULL, version BIGINT NOT NULL, "
    "name TEXT NOT NULL, applied_ms BIGINT NOT NULL, PRIMARY KEY (module, version))";

const std::vector<std::string>& statements_for(database_backend backend, const migration& m) {
  if (backend == database_backend::sqlite && !m.sqlite_statements.empty()) {
    return m.sqlite_statements;
  }
  if (backend == database_backend::postgres && !m.postgres_statements.empty()) {
    return m.postgres_statements;
  }
  return m.statements;
}

}  // namespace

transaction::transaction(database& db)
    : lease_(std::make_unique<detail::connection_lease>(*db.pool_)), backend_(db.backend()) {
  (*lease_)->begin();
}

transaction::~transaction() {
  if (!finished_) (*lease_)->rollback();
}

sql_result transaction::execute(std::string_view sql, const std::vector<sql_value>& params) {
  if (finished_) {
    throw error(error_class::internal, "store.transaction_finished",
                "statement on a committed transaction");
  }
  return (*lease_)->execute(sql, params);
}

void transaction::commit() {
  if (finished_) return;
  try {
    (*lease_)->commit();
  } catch (...) {
    (*lease_)->rollback();
    finished_ = true;
    throw;
  }
  finished_ = true;
}

database::database(const database_config& config, const host_clock& clock)
    : backend_(config.backend),
      max_attempts_(config.max_transaction_attempts < 1 ? 1 : config.max_transaction_attempts),
      clock_(clock),
      pool_(open_pool(config)) {
  register_migrations("store", detail::store_migrations());
}

database::~database() = default;

void transaction::after_commit(std::function<void()> action) {
  after_commit_.push_back(std::move(action));
}

void database::run_transaction(const std::function<void(transaction&)>& body) {
  for (int attempt = 1;; ++attempt) {
    try {
      std::vector<std::function<void()>> committed;
      {
        transaction tx(*this);
        body(tx);
        tx.commit();
        committed = std::move(tx.after_commit_);
      }
      // The connection is back in the pool: an action may run transactions of its own. The
      // commit stands whatever an action does, so its failure must not look like the
      // transaction's (the caller would retry what is already committed).
      for (auto& action : committed) {
        try {
          action();
        } catch (...) {
        }
      }
      return;
    } catch (const error& e) {
      if (!is_retryable_conflict(e) || attempt >= max_attempts_) throw;
    }
    // Back off a little, growing, so contending hosts spread out (database contention, not
    // vendor time: the host clock is not involved).
    std::this_thread::sleep_for(std::chrono::microseconds(200 * (attempt < 20 ? attempt : 20)));
  }
}

std::int64_t database::schema_version(std::string_view module) {
  return transact([&](transaction& tx) {
    tx.execute(schema_version_table);
    const auto r = tx.execute("SELECT MAX(version) FROM schema_version WHERE module = ?",
                              {std::string(module)});
    return r.rows.empty() ? std::int64_t{0} : r.rows[0].optional_int64(0).value_or(0);
  });
}

void database::register_migrations(std::string_view module, const std::vector<migration>& list) {
  const std::string name(module);
  if (name.empty()) {
    throw error(error_class::internal, "store.bad_migration", "a migration module needs a name");
  }
  std::int64_t previous = 0;
  for (const migration& m : list) {
    if (m.version <= previous || statements_for(backend_, m).empty()) {
      throw error(error_class::internal, "store.bad_migration",
                  "migrations of " + name +
                      " must have strictly increasing versions and "
                      "statements (version " +
                      std::to_string(m.version) + ")");
    }
    previous = m.version;
  }
  const auto apply = [&](const migration* m) {
    transact([&](transaction& tx) {
      if (backend_ == database_backend::postgres) {
        // Two hosts starting together: one migrates, the other waits and then sees it done.
        tx.execute("SELECT pg_advisory_xact_lock(7406283)");
      }
      tx.execute(schema_version_table);
      const auto r = tx.execute("SELECT MAX(version) FROM schema_version WHERE module = ?", {name});
      const std::int64_t current = r.rows.empty() ? 0 : r.rows[0].optional_int64(0).value_or(0);
      if (m == nullptr) {
        if (current > previous) {
          throw error(error_class::configuration, "store.schema_too_new",
                      "the ledger database has " + name + " schema version " +
                          std::to_string(current) + "; this host knows up to " +
                          std::to_string(previous));
        }
        return;
      }
      if (current >= m->version) return;
      for (const std::string& sql : statements_for(backend_, *m)) {
        try {
          tx.execute(sql);
        } catch (const error& e) {
          if (is_retryable_conflict(e)) throw;
          throw error(error_class::internal, "store.migration_failed",
                      name + " migration " + std::to_string(m->version) + " (" + m->name +
                          ") failed: " + e.message());
        }
      }
      tx.execute(
          "INSERT INTO schema_version (module, version, name, applied_ms) "
          "VALUES (?, ?, ?, ?)",
          {name, m->version, m->name, clock_.now_unix_ms()});
    });
  };
  apply(nullptr);
  for (const migration& m : list) apply(&m);
}

}  // namespace erpc
