// SQLite specifics: one host per file (the lock file), WAL, synchronous=FULL, foreign keys.
#include <erpc/error.hpp>
#include <erpc/host/database.hpp>

#include "test_databases.hpp"

#include <catch2/catch.hpp>

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

TEST_CASE("the SQLite connection runs WAL, synchronous FULL and foreign keys",
          "[store][sqlite]") {
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
