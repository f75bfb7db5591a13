// PostgreSQL specifics: typed, password-free errors for a bad conninfo or an unreachable server.
#include <erpc/error.hpp>
#include <erpc/host/database.hpp>

#include "test_databases.hpp"

#include <catch2/catch.hpp>

using namespace erpc;

namespace {

const std::string password = "s3cr3t-pw";

error open_failure(const std::string& conninfo) {
  manual_host_clock clock;
  database_config config;
  config.backend = database_backend::postgres;
  config.conninfo = conninfo;
  config.pool_size = 1;
  try {
    database db(config, clock);
  } catch (const error& e) {
    return e;
  }
  FAIL("connected with " << conninfo);
  return error(error_class::internal, "unreachable", "");
}

}  // namespace

TEST_CASE("a malformed conninfo is store.bad_conninfo without the password", "[store][postgres]") {
  for (const std::string& conninfo :
       {"host=127.0.0.1 password=" + password + " port", "host=127.0.0.1 " + password,
        "host=127.0.0.1 password='" + password, "postgresql://erpc:" + password + "@[::1"}) {
    INFO(conninfo);
    const error e = open_failure(conninfo);
    CHECK(e.code() == "store.bad_conninfo");
    CHECK(e.cls() == error_class::configuration);
    CHECK(e.message().find(password) == std::string::npos);
  }
}

TEST_CASE("an unreachable server is store.connect_failed without the password",
          "[store][postgres]") {
  for (const std::string& conninfo :
       {"host=127.0.0.1 port=1 user=erpc password=" + password + " connect_timeout=2",
        "postgresql://erpc:" + password + "@127.0.0.1:1/ledger?connect_timeout=2"}) {
    INFO(conninfo);
    const error e = open_failure(conninfo);
    CHECK(e.code() == "store.connect_failed");
    CHECK(e.cls() == error_class::unavailable);
    CHECK(e.message().find(password) == std::string::npos);
    CHECK(e.message().find("127.0.0.1") != std::string::npos);
  }
}

TEST_CASE("a refused login on the fixture server is store.connect_failed without the password",
          "[store][postgres]") {
  const error e =
      open_failure(test::postgres_test_conninfo() + " dbname=no_such_db password=" + password);
  CHECK(e.code() == "store.connect_failed");
  CHECK(e.message().find(password) == std::string::npos);
  CHECK(e.message().find("no_such_db") != std::string::npos);
}
