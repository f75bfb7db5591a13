#include "test_databases.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <stdexcept>

namespace erpc::test {
namespace {

std::string random_suffix() {
  static std::mt19937_64 rng{std::random_device{}()};
  static constexpr char hex[] = "0123456789abcdef";
  std::string s;
  auto bits = rng();
  for (int i = 0; i < 12; ++i, bits >>= 4) s += hex[bits & 0xf];
  return s;
}

void on_admin_connection(const std::string& sql) {
  static manual_host_clock clock;
  database_config admin;
  admin.backend = database_backend::postgres;
  admin.conninfo = postgres_test_conninfo();
  admin.pool_size = 1;
  database db(admin, clock);
  db.transact([&](transaction& tx) { tx.execute(sql); });
}

}  // namespace

const char* backend_name(database_backend backend) {
  return backend == database_backend::sqlite ? "sqlite" : "postgres";
}

std::string postgres_test_conninfo() {
  const char* file = std::getenv("ERPC_TEST_PG_CONNINFO_FILE");
  if (file == nullptr || *file == '\0') {
    throw std::runtime_error(
        "ERPC_TEST_PG_CONNINFO_FILE is not set: run the PostgreSQL tests through ctest (fixture "
        "postgres.start) or start scripts/pg_test_cluster.sh by hand (docs/store.md)");
  }
  std::ifstream in(file);
  std::string conninfo;
  if (!in || !std::getline(in, conninfo) || conninfo.empty()) {
    throw std::runtime_error(std::string("cannot read the PostgreSQL conninfo from ") + file +
                             ": did the postgres.start fixture run?");
  }
  return conninfo;
}

test_site::test_site(database_backend backend) {
  config_.backend = backend;
  if (backend == database_backend::sqlite) {
    temp_dir_ =
        (std::filesystem::temp_directory_path() / ("erpc_store_" + random_suffix())).string();
    std::filesystem::create_directories(temp_dir_);
    config_.path = temp_dir_ + "/ledger.db";
  } else {
    schema_ = "t_" + random_suffix();
    const std::string base = postgres_test_conninfo();
    on_admin_connection("CREATE SCHEMA " + schema_);
    config_.conninfo = base + " options='-c search_path=" + schema_ + "'";
  }
}

test_site::~test_site() {
  try {
    if (!temp_dir_.empty()) std::filesystem::remove_all(temp_dir_);
    if (!schema_.empty()) on_admin_connection("DROP SCHEMA " + schema_ + " CASCADE");
  } catch (...) {
    // A leftover schema dies with the throwaway cluster.
  }
}

std::unique_ptr<database> test_site::open(int pool_size) const {
  database_config c = config_;
  c.pool_size = pool_size;
  return std::make_unique<database>(c, clock_);
}

table_counts count_tables(database& db) {
  return db.transact([](transaction& tx) {
    const auto count = [&](const char* table) {
      return tx.execute(std::string("SELECT COUNT(*) FROM ") + table).rows.at(0).int64(0);
    };
    return table_counts{count("idempotency_keys"), count("messages"), count("payload_versions"),
                        count("message_dependencies")};
  });
}

}  // namespace erpc::test
