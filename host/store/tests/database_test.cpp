// The database layer on both backends: parameters, typed reads, transactions, migrations.
#include <erpc/error.hpp>
#include <erpc/host/database.hpp>

#include "test_databases.hpp"

#include <catch2/catch.hpp>

using namespace erpc;
using erpc::test::test_site;

namespace {

template <class Call>
std::string code_of(Call&& call) {
  try {
    call();
  } catch (const error& e) {
    return e.code();
  }
  return "no error";
}

const std::vector<migration> widget_migrations = {
    {1, "widgets", {"CREATE TABLE widgets (id TEXT PRIMARY KEY, n BIGINT NOT NULL)"}, {}, {}},
    {2, "widget colour", {"ALTER TABLE widgets ADD COLUMN colour TEXT"}, {}, {}},
};

}  // namespace

TEST_CASE("statements take positional parameters and read typed values", "[store][database]") {
  const auto backend = GENERATE(database_backend::sqlite, database_backend::postgres);
  INFO("backend " << test::backend_name(backend));
  test_site site(backend);
  auto db = site.open();
  db->register_migrations("test_widgets", widget_migrations);

  db->transact([](transaction& tx) {
    const auto inserted =
        tx.execute("INSERT INTO widgets (id, n, colour) VALUES (?, ?, ?)",
                   {std::string("w-1"), std::int64_t{9'007'199'254'740'993}, sql_null()});
    CHECK(inserted.affected == 1);
    tx.execute("INSERT INTO widgets (id, n, colour) VALUES (?, ?, ?)",
               {std::string("it's \"w-2\" ?"), std::int64_t{-5}, std::string("blue")});
  });
  const auto rows = db->transact([](transaction& tx) {
    return tx
        .execute("SELECT id, n, colour FROM widgets WHERE n <> ? ORDER BY n", {std::int64_t{0}})
        .rows;
  });
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].text(0) == "it's \"w-2\" ?");
  CHECK(rows[0].int64(1) == -5);
  CHECK(rows[0].optional_text(2) == std::optional<std::string>("blue"));
  CHECK(rows[1].int64(1) == 9'007'199'254'740'993);  // beyond a double's exact range
  CHECK(rows[1].is_null(2));
  CHECK_FALSE(rows[1].optional_text(2));
  CHECK(code_of([&] { (void)rows[1].int64(2); }) == "store.bad_column");
  CHECK(code_of([&] { (void)rows[1].text(7); }) == "store.bad_column");
  CHECK(code_of([&] { (void)rows[0].int64(0); }) == "store.bad_column");
}

TEST_CASE("a transaction commits all or nothing", "[store][database]") {
  const auto backend = GENERATE(database_backend::sqlite, database_backend::postgres);
  INFO("backend " << test::backend_name(backend));
  test_site site(backend);
  auto db = site.open();
  db->register_migrations("test_widgets", widget_migrations);
  const auto count = [&] {
    return db->transact([](transaction& tx) {
      return tx.execute("SELECT COUNT(*) FROM widgets").rows.at(0).int64(0);
    });
  };

  CHECK_THROWS_AS(db->transact([](transaction& tx) {
    tx.execute("INSERT INTO widgets (id, n) VALUES ('a', 1)");
    throw std::runtime_error("the body failed");
  }),
                  std::runtime_error);
  CHECK(count() == 0);
  {
    transaction tx(*db);
    tx.execute("INSERT INTO widgets (id, n) VALUES ('a', 1)");
  }  // no commit: rolled back
  CHECK(count() == 0);
  CHECK(code_of([&] {
          db->transact([](transaction& tx) {
            tx.execute("INSERT INTO widgets (id, n) VALUES ('b', 1)");
            tx.execute("INSERT INTO widgets (id, n) VALUES ('b', 2)");
          });
        }) == (backend == database_backend::sqlite ? "store.constraint_violation"
                                                   : "store.unique_violation"));
  CHECK(count() == 0);
  CHECK(code_of([&] { db->transact([](transaction& tx) { tx.execute("SELEC nonsense"); }); }) ==
        "store.query_failed");
  CHECK(code_of([&] {
          db->transact([](transaction& tx) {
            tx.execute("SELECT ? + 1", {std::int64_t{1}, std::int64_t{2}});
          });
        }) != "no error");
  // The connection is usable after every failure above.
  db->transact([](transaction& tx) { tx.execute("INSERT INTO widgets (id, n) VALUES ('c', 3)"); });
  CHECK(count() == 1);
}

TEST_CASE("migrations are applied once, in order, and survive a reopen", "[store][database]") {
  const auto backend = GENERATE(database_backend::sqlite, database_backend::postgres);
  INFO("backend " << test::backend_name(backend));
  test_site site(backend);
  {
    auto db = site.open();
    CHECK(db->schema_version("store") == 1);
    CHECK(db->schema_version("test_widgets") == 0);
    db->register_migrations("test_widgets", {widget_migrations[0]});
    CHECK(db->schema_version("test_widgets") == 1);
  }
  auto db = site.open();  // applying "store" again is a no-op
  CHECK(db->schema_version("store") == 1);
  db->register_migrations("test_widgets", widget_migrations);
  db->register_migrations("test_widgets", widget_migrations);  // idempotent
  CHECK(db->schema_version("test_widgets") == 2);
  db->transact([](transaction& tx) {
    tx.execute("INSERT INTO widgets (id, n, colour) VALUES ('x', 1, 'red')");
  });

  // A host that knows only version 1 refuses a database migrated further.
  CHECK(code_of([&] { db->register_migrations("test_widgets", {widget_migrations[0]}); }) ==
        "store.schema_too_new");
  CHECK(code_of([&] {
          db->register_migrations("bad", {widget_migrations[1], widget_migrations[0]});
        }) == "store.bad_migration");
  CHECK(code_of([&] {
          db->register_migrations("bad", {{1, "empty", {}, {}, {}}});
        }) == "store.bad_migration");
  CHECK(code_of([&] {
          db->register_migrations("broken", {{1, "typo", {"CREATE TABLE (oops"}, {}, {}}});
        }) == "store.migration_failed");
  CHECK(db->schema_version("broken") == 0);
}

TEST_CASE("a backend-specific migration replaces the portable statements", "[store][database]") {
  const auto backend = GENERATE(database_backend::sqlite, database_backend::postgres);
  INFO("backend " << test::backend_name(backend));
  test_site site(backend);
  auto db = site.open();
  db->register_migrations("test_blobs", {{1,
                                          "blobs",
                                          {"CREATE TABLE never_created (x TEXT)"},
                                          {"CREATE TABLE blobs (b BLOB)"},
                                          {"CREATE TABLE blobs (b BYTEA)"}}});
  CHECK(db->transact([](transaction& tx) {
    return tx.execute("SELECT COUNT(*) FROM blobs").rows.at(0).int64(0);
  }) == 0);
  CHECK(code_of([&] {
          db->transact([](transaction& tx) { tx.execute("SELECT COUNT(*) FROM never_created"); });
        }) == "store.query_failed");
}
