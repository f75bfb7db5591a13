// SQLite specifics: one host per file (the lock file), WAL, synchronous=FULL, foreign keys.
#include <erpc/error.hpp>
#include <erpc/host/database.hpp>

#include "test_databases.hpp"

#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <chrono>
#include <thread>

using namespace erpc;

TEST_CASE("a second opener of a SQLite ledger is refused with store.database_locked",
          "[store][sqlite]") {
  test::test_site site(database_backend::sqlite);
  auto first = site.open();
  try {
    auto second = site.open();
    FAIL("two hosts opened one SQLite ledger");
  } catch (const error& e) {
    CHECK(e.code() == "store.database_locked");
    CHECK(e.cls() == error_class::unavailable);
    CHECK(e.message().find(site.config().path) != std::string::npos);
  }
  first.reset();
  CHECK_NOTHROW(site.open());  // the lock went with the first host
}

TEST_CASE("the SQLite connection runs WAL, synchronous FULL and foreign keys", "[store][sqlite]") {
  test::test_site site(database_backend::sqlite);
  auto db = site.open();
  const auto pragma = [&](const char* name) {
    return db->transact([&](transaction& tx) {
      return tx.execute(std::string("PRAGMA ") + name).rows.at(0).text(0);
    });
  };
  CHECK(pragma("journal_mode") == "wal");
  CHECK(pragma("synchronous") == "2");  // FULL
  CHECK(pragma("foreign_keys") == "1");
}

TEST_CASE("an unusable SQLite path is a typed error", "[store][sqlite]") {
  manual_host_clock clock;
  database_config config;
  config.backend = database_backend::sqlite;
  config.path = "/nonexistent-dir/ledger.db";
  try {
    database db(config, clock);
    FAIL("opened a ledger in a missing directory");
  } catch (const error& e) {
    CHECK(e.code() == "store.open_failed");
  }
  config.path.clear();
  try {
    database db(config, clock);
    FAIL("opened a ledger without a path");
  } catch (const error& e) {
    CHECK(e.code() == "store.bad_config");
  }
}

TEST_CASE("SQLITE_BUSY is retried by transact, then reported as store.busy", "[store][sqlite]") {
  test::test_site site(database_backend::sqlite);
  database_config config = site.config();
  config.busy_timeout_ms = 20;
  config.max_transaction_attempts = 3;
  sqlite3* other = nullptr;
  int runs = 0;
  const auto body = [&](transaction& tx) {
    ++runs;
    tx.execute("SELECT 1");
  };
  {
    database db(config, site.clock());
    // A foreign writer (not an erpc host: it ignores the lock file) holds the write lock.
    REQUIRE(sqlite3_open(config.path.c_str(), &other) == SQLITE_OK);
    REQUIRE(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
    try {
      db.transact(body);
      FAIL("wrote while another connection held the lock");
    } catch (const error& e) {
      CHECK(e.code() == "store.busy");
      CHECK(e.cls() == error_class::unavailable);
    }
    CHECK(runs == 0);  // BEGIN IMMEDIATE itself waited and failed, three times
  }
  // Released while the opening host retries (opening checks migrations in a write
  // transaction, through transact): a later attempt goes through.
  config.max_transaction_attempts = 500;
  std::thread release([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr);
  });
  database db(config, site.clock());
  release.join();
  db.transact(body);
  CHECK(runs == 1);
  sqlite3_close(other);
}
