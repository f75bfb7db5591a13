#pragma once
// One database transaction on a connection leased from the database's pool (RAII: destroying
// it without commit() rolls back). SQLite begins with BEGIN IMMEDIATE (the write lock is taken
// up front, so a transaction never fails half way on a lock upgrade); PostgreSQL runs READ
// COMMITTED and the SQL takes explicit row locks (docs/store.md).
//
// SQL is written once with `?` placeholders; the PostgreSQL backend rewrites them to `$n`.
// Each distinct SQL text is prepared once per connection and reused.

#include <erpc/host/database_config.hpp>
#include <erpc/host/sql_result.hpp>
#include <erpc/host/sql_value.hpp>

#include <functional>
#include <memory>
#include <string_view>
#include <vector>

namespace erpc {

class database;

namespace detail {
class backend_connection;
class connection_lease;
}  // namespace detail

class transaction {
 public:
  explicit transaction(database& db);
  ~transaction();
  transaction(const transaction&) = delete;
  transaction& operator=(const transaction&) = delete;

  // Throws erpc::error with a store.* code; the retryable ones (store.busy,
  // store.serialization_failure, store.deadlock, store.unique_violation) make
  // database::transact run the whole body again.
  sql_result execute(std::string_view sql, const std::vector<sql_value>& params = {});

  void commit();
  database_backend backend() const noexcept { return backend_; }

  // Inside database::transact: `action` runs once this transaction has committed and its
  // connection is released (so it may open transactions of its own); a rolled back or retried
  // attempt drops its actions. Actions should not throw: the commit stands, so an exception
  // from one is swallowed. A transaction made outside database::transact never runs them.
  void after_commit(std::function<void()> action);

 private:
  friend class database;
  std::vector<std::function<void()>> after_commit_;
  std::unique_ptr<detail::connection_lease> lease_;
  database_backend backend_;
  bool finished_ = false;
};

}  // namespace erpc
