#pragma once
// The ledger database: one interface, two backends (SQLite for one host, PostgreSQL for several
// hosts sharing work). Opening applies the store's own migrations; other modules add theirs
// with register_migrations. Every failure is an erpc::error with a store.* code and no secret
// in its message (docs/store.md lists the codes).

#include <erpc/host/database_config.hpp>
#include <erpc/host/migration.hpp>
#include <erpc/host/transaction.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace erpc {

class host_clock;

namespace detail {
class connection_pool;
}

class database {
 public:
  // Connects (SQLite: takes `<path>.lock`, else store.database_locked), configures the
  // connection and applies the store's migrations.
  database(const database_config& config, const host_clock& clock);
  ~database();
  database(const database&) = delete;
  database& operator=(const database&) = delete;

  database_backend backend() const noexcept { return backend_; }
  const host_clock& clock() const noexcept { return clock_; }

  // Runs `body` in a transaction and commits; on a retryable conflict (SQLITE_BUSY, a
  // serialization failure, a deadlock, a unique-key race) rolls back and runs it again, up to
  // max_transaction_attempts. `body` must therefore only act through the transaction. Any other
  // exception rolls back and propagates. Never nest: a transaction holds a pooled connection.
  template <class Body>
  auto transact(Body&& body) -> std::invoke_result_t<Body&, transaction&> {
    using result = std::invoke_result_t<Body&, transaction&>;
    if constexpr (std::is_void_v<result>) {
      run_transaction([&](transaction& tx) { body(tx); });
    } else {
      std::optional<result> out;
      run_transaction([&](transaction& tx) { out.emplace(body(tx)); });
      return std::move(*out);
    }
  }

  // Applies the not yet applied migrations of `module` in order, each in its own transaction,
  // serialised between hosts (PostgreSQL advisory lock; SQLite's single writer). Idempotent.
  // Throws store.bad_migration (versions not strictly increasing, no statements) and
  // store.schema_too_new (the database holds a version this list does not know).
  void register_migrations(std::string_view module, const std::vector<migration>& list);

  // The highest applied version of `module`, 0 if none.
  std::int64_t schema_version(std::string_view module);

 private:
  friend class transaction;
  void run_transaction(const std::function<void(transaction&)>& body);

  database_backend backend_;
  int max_attempts_;
  const host_clock& clock_;
  std::unique_ptr<detail::connection_pool> pool_;
};

}  // namespace erpc
