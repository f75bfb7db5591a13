// The PostgreSQL backend on plain libpq: READ COMMITTED transactions (the ledger SQL takes
// explicit row locks), statements prepared once per connection, text-format parameters.
#include "backend_connection.hpp"
#include "conninfo_redaction.hpp"
#include "placeholder_translation.hpp"

#include <erpc/error.hpp>

#include <libpq-fe.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <unordered_map>

namespace erpc::detail {
namespace {

struct result_deleter {
  void operator()(PGresult* r) const noexcept { PQclear(r); }
};
using result_ptr = std::unique_ptr<PGresult, result_deleter>;

std::string trimmed(const char* text) {
  std::string s = text ? text : "";
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

class postgres_connection final : public backend_connection {
 public:
  explicit postgres_connection(const database_config& config) : conninfo_(config.conninfo) {
    char* parse_error = nullptr;
    PQconninfoOption* options = PQconninfoParse(conninfo_.c_str(), &parse_error);
    if (options == nullptr) {
      std::string why = parse_error ? redact_quoted(trimmed(parse_error)) : "out of memory";
      PQfreemem(parse_error);
      throw error(error_class::configuration, "store.bad_conninfo",
                  "the PostgreSQL conninfo is malformed: " + why);
    }
    PQconninfoFree(options);
    connect();
  }

  ~postgres_connection() override { PQfinish(conn_); }

  void begin() override {
    if (PQstatus(conn_) != CONNECTION_OK) reconnect();
    run_simple("BEGIN ISOLATION LEVEL READ COMMITTED");
  }
  void commit() override { run_simple("COMMIT"); }
  void rollback() noexcept override {
    if (PQstatus(conn_) != CONNECTION_OK) return;
    if (PQtransactionStatus(conn_) == PQTRANS_IDLE) return;
    PQclear(PQexec(conn_, "ROLLBACK"));
  }

  sql_result execute(std::string_view sql, const std::vector<sql_value>& params) override {
    const std::string& name = prepared(sql);
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (std::size_t i = 0; i < params.size(); ++i) {
      if (const auto* n = std::get_if<std::int64_t>(&params[i])) {
        texts[i] = std::to_string(*n);
        values[i] = texts[i].c_str();
      } else if (const auto* s = std::get_if<std::string>(&params[i])) {
        values[i] = s->c_str();
      }
    }
    result_ptr res(PQexecPrepared(conn_, name.c_str(), static_cast<int>(params.size()),
                                  values.data(), nullptr, nullptr, 0));
    check(res.get(), "statement failed");
    sql_result result;
    if (PQresultStatus(res.get()) == PGRES_TUPLES_OK) {
      const int rows = PQntuples(res.get());
      const int columns = PQnfields(res.get());
      result.rows.reserve(static_cast<std::size_t>(rows));
      for (int r = 0; r < rows; ++r) {
        std::vector<sql_value> row;
        row.reserve(static_cast<std::size_t>(columns));
        for (int c = 0; c < columns; ++c) {
          if (PQgetisnull(res.get(), r, c)) {
            row.emplace_back(std::monostate{});
          } else {
            row.emplace_back(std::string(PQgetvalue(res.get(), r, c),
                                         static_cast<std::size_t>(PQgetlength(res.get(), r, c))));
          }
        }
        result.rows.emplace_back(std::move(row));
      }
    }
    const char* tuples = PQcmdTuples(res.get());
    result.affected = tuples && *tuples ? std::strtoll(tuples, nullptr, 10) : 0;
    return result;
  }

 private:
  void connect() {
    conn_ = PQconnectdb(conninfo_.c_str());
    if (conn_ == nullptr || PQstatus(conn_) != CONNECTION_OK) {
      std::string why = conn_ ? trimmed(PQerrorMessage(conn_)) : "out of memory";
      PQfinish(conn_);
      conn_ = nullptr;
      throw error(
          error_class::unavailable, "store.connect_failed",
          "cannot connect to the PostgreSQL ledger: " + redact_conninfo_secrets(why, conninfo_));
    }
    // NOTICEs ("relation already exists, skipping") would go to stderr otherwise.
    PQsetNoticeProcessor(
        conn_, [](void*, const char*) {}, nullptr);
    statements_.clear();
  }

  void reconnect() {
    PQfinish(conn_);
    conn_ = nullptr;
    connect();
  }

  void run_simple(const char* sql) {
    result_ptr res(PQexec(conn_, sql));
    check(res.get(), sql);
  }

  const std::string& prepared(std::string_view sql) {
    std::string key(sql);
    if (auto it = statements_.find(key); it != statements_.end()) return it->second;
    std::string name = "erpc_" + std::to_string(statements_.size() + 1);
    const std::string translated = to_postgres_placeholders(sql);
    result_ptr res(PQprepare(conn_, name.c_str(), translated.c_str(), 0, nullptr));
    check(res.get(), "prepare");
    return statements_.emplace(std::move(key), std::move(name)).first->second;
  }

  void check(PGresult* res, std::string_view what) {
    const ExecStatusType status = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return;
    if (PQstatus(conn_) != CONNECTION_OK) {
      throw error(error_class::unavailable, "store.connection_lost",
                  "lost the PostgreSQL ledger connection: " +
                      redact_conninfo_secrets(trimmed(PQerrorMessage(conn_)), conninfo_));
    }
    const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
    const std::string sqlstate = state ? state : "";
    const char* primary = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    std::string message = std::string(what) + ": " +
                          (primary ? std::string(primary) : trimmed(PQerrorMessage(conn_))) +
                          " (SQLSTATE " + (sqlstate.empty() ? "?" : sqlstate) + ")";
    if (sqlstate == "40001") {
      throw error(error_class::unavailable, "store.serialization_failure", std::move(message));
    }
    if (sqlstate == "40P01") throw error(error_class::unavailable, "store.deadlock", message);
    if (sqlstate == "23505") {
      throw error(error_class::conflict, "store.unique_violation", std::move(message));
    }
    if (sqlstate.rfind("23", 0) == 0) {
      throw error(error_class::conflict, "store.constraint_violation", std::move(message));
    }
    throw error(error_class::internal, "store.query_failed", std::move(message));
  }

  std::string conninfo_;
  PGconn* conn_ = nullptr;
  std::unordered_map<std::string, std::string> statements_;
};

}  // namespace

std::unique_ptr<backend_connection> open_postgres_connection(const database_config& config) {
  if (config.conninfo.empty()) {
    throw error(error_class::configuration, "store.bad_config",
                "the PostgreSQL ledger needs a conninfo");
  }
  return std::make_unique<postgres_connection>(config);
}

}  // namespace erpc::detail
