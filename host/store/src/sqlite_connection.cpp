// The SQLite backend: WAL, synchronous=FULL, foreign keys, a busy timeout, BEGIN IMMEDIATE,
// statements prepared once and cached per SQL text.
#include "backend_connection.hpp"
#include "database_lock_file.hpp"

#include <erpc/error.hpp>

#include <sqlite3.h>

#include <string>
#include <unordered_map>

namespace erpc::detail {
namespace {

error sqlite_error(sqlite3* db, int rc, std::string_view what) {
  const int primary = rc & 0xff;
  std::string message = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
    return error(error_class::unavailable, "store.busy", std::move(message));
  }
  if (primary == SQLITE_CONSTRAINT) {
    return error(error_class::conflict, "store.constraint_violation", std::move(message));
  }
  return error(error_class::internal, "store.query_failed", std::move(message));
}

class sqlite_connection final : public backend_connection {
 public:
  explicit sqlite_connection(const database_config& config) : lock_(config.path) {
    const int rc = sqlite3_open_v2(
        config.path.c_str(), &db_,
        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE,
        nullptr);
    if (rc != SQLITE_OK) {
      std::string message = "cannot open the ledger database " + config.path + ": " +
                            (db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc));
      sqlite3_close(db_);
      throw error(error_class::configuration, "store.open_failed", std::move(message));
    }
    try {
      sqlite3_busy_timeout(db_, config.busy_timeout_ms);
      exec_simple("PRAGMA foreign_keys = ON");
      exec_simple("PRAGMA synchronous = FULL");
      // journal_mode answers with the mode it actually set; anything but wal is refused.
      sqlite_result_text mode;
      exec_simple("PRAGMA journal_mode = WAL", &mode);
      if (mode.value != "wal") {
        throw error(error_class::configuration, "store.open_failed",
                    "the ledger database " + config.path + " cannot use WAL (journal_mode is " +
                        mode.value + ")");
      }
    } catch (...) {
      sqlite3_close(db_);
      throw;
    }
  }

  ~sqlite_connection() override {
    for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
    sqlite3_close(db_);
  }

  void begin() override { exec_simple("BEGIN IMMEDIATE"); }
  void commit() override { exec_simple("COMMIT"); }
  void rollback() noexcept override {
    if (!sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }

  sql_result execute(std::string_view sql, const std::vector<sql_value>& params) override {
    sqlite3_stmt* stmt = prepared(sql);
    struct reset_guard {
      sqlite3_stmt* s;
      ~reset_guard() {
        sqlite3_reset(s);
        sqlite3_clear_bindings(s);
      }
    } guard{stmt};
    if (static_cast<std::size_t>(sqlite3_bind_parameter_count(stmt)) != params.size()) {
      throw error(error_class::internal, "store.bad_parameters",
                  "statement expects " + std::to_string(sqlite3_bind_parameter_count(stmt)) +
                      " parameters, got " + std::to_string(params.size()));
    }
    for (std::size_t i = 0; i < params.size(); ++i) {
      const int index = static_cast<int>(i) + 1;
      int rc = SQLITE_OK;
      if (const auto* n = std::get_if<std::int64_t>(&params[i])) {
        rc = sqlite3_bind_int64(stmt, index, *n);
      } else if (const auto* s = std::get_if<std::string>(&params[i])) {
        rc = sqlite3_bind_text64(stmt, index, s->data(), s->size(), SQLITE_TRANSIENT, SQLITE_UTF8);
      } else {
        rc = sqlite3_bind_null(stmt, index);
      }
      if (rc != SQLITE_OK) throw sqlite_error(db_, rc, "bind");
    }
    sql_result result;
    const int columns = sqlite3_column_count(stmt);
    for (;;) {
      const int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) throw sqlite_error(db_, rc, "statement failed");
      std::vector<sql_value> row;
      row.reserve(static_cast<std::size_t>(columns));
      for (int c = 0; c < columns; ++c) {
        switch (sqlite3_column_type(stmt, c)) {
          case SQLITE_NULL:
            row.emplace_back(std::monostate{});
            break;
          case SQLITE_INTEGER:
            row.emplace_back(sqlite3_column_int64(stmt, c));
            break;
          default: {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
            row.emplace_back(std::string(text ? text : "",
                                         static_cast<std::size_t>(sqlite3_column_bytes(stmt, c))));
          }
        }
      }
      result.rows.emplace_back(std::move(row));
    }
    result.affected = sqlite3_changes64(db_);
    return result;
  }

 private:
  struct sqlite_result_text {
    std::string value;
  };

  void exec_simple(const char* sql, sqlite_result_text* first = nullptr) {
    char* message = nullptr;
    const auto callback = [](void* out, int, char** values, char**) {
      if (out && values[0]) static_cast<sqlite_result_text*>(out)->value = values[0];
      return 0;
    };
    const int rc = sqlite3_exec(db_, sql, first ? +callback : nullptr, first, &message);
    sqlite3_free(message);
    if (rc != SQLITE_OK) throw sqlite_error(db_, rc, sql);
  }

  sqlite3_stmt* prepared(std::string_view sql) {
    std::string key(sql);
    if (auto it = statements_.find(key); it != statements_.end()) return it->second;
    sqlite3_stmt* stmt = nullptr;
    const char* tail = nullptr;
    const int rc = sqlite3_prepare_v3(db_, key.c_str(), static_cast<int>(key.size()),
                                      SQLITE_PREPARE_PERSISTENT, &stmt, &tail);
    if (rc != SQLITE_OK) throw sqlite_error(db_, rc, "prepare");
    if (stmt == nullptr ||
        std::string_view(tail).find_first_not_of(" \t\n;") != std::string_view::npos) {
      sqlite3_finalize(stmt);
      throw error(error_class::internal, "store.bad_statement",
                  "one SQL statement per execute() call");
    }
    statements_.emplace(std::move(key), stmt);
    return stmt;
  }

  database_lock_file lock_;
  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

}  // namespace

std::unique_ptr<backend_connection> open_sqlite_connection(const database_config& config) {
  if (config.path.empty()) {
    throw error(error_class::configuration, "store.bad_config",
                "the SQLite ledger needs a database path");
  }
  return std::make_unique<sqlite_connection>(config);
}

}  // namespace erpc::detail
