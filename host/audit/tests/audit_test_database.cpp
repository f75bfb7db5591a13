#include "audit_test_database.hpp"

#include <erpc/host/transaction.hpp>

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <random>
#include <stdexcept>

namespace erpc::audit_testing {

namespace {

std::string unique_suffix() {
  static std::atomic<int> counter{0};
  std::random_device rd;
  return std::to_string(::getpid()) + "_" + std::to_string(counter++) + "_" +
         std::to_string(rd() % 100000);
}

std::string postgres_conninfo() {
  const char* file = std::getenv("ERPC_TEST_PG_CONNINFO_FILE");
  if (file == nullptr || *file == '\0') {
    throw std::runtime_error(
        "ERPC_TEST_PG_CONNINFO_FILE is not set: run the PostgreSQL audit tests through ctest "
        "(fixture postgres.start) or start scripts/pg_test_cluster.sh by hand");
  }
  std::ifstream in(file);
  std::string conninfo;
  if (!in || !std::getline(in, conninfo) || conninfo.empty()) {
    throw std::runtime_error(std::string("cannot read the PostgreSQL conninfo from ") + file);
  }
  return conninfo;
}

void on_admin_connection(const std::string& sql) {
  static manual_host_clock clock;
  database_config admin;
  admin.backend = database_backend::postgres;
  admin.conninfo = postgres_conninfo();
  admin.pool_size = 1;
  database db(admin, clock);
  db.transact([&](transaction& tx) { tx.execute(sql); });
}

}  // namespace

test_database::test_database(database_backend backend) {
  const std::string suffix = unique_suffix();
  dir_ = std::filesystem::temp_directory_path() / ("erpc_audit_" + suffix);
  std::filesystem::create_directories(dir_);
  anchor_path_ = dir_ / "audit.anchor";
  database_config config;
  config.backend = backend;
  if (backend == database_backend::sqlite) {
    config.path = (dir_ / "ledger.db").string();
  } else {
    schema_ = "audit_" + suffix;
    const std::string base = postgres_conninfo();
    on_admin_connection("CREATE SCHEMA " + schema_);
    config.conninfo = base + " options='-c search_path=" + schema_ + "'";
  }
  db_ = std::make_unique<database>(config, clock_);
}

test_database::~test_database() {
  db_.reset();
  try {
    std::filesystem::remove_all(dir_);
    if (!schema_.empty()) on_admin_connection("DROP SCHEMA " + schema_ + " CASCADE");
  } catch (...) {
    // A leftover schema dies with the throwaway cluster.
  }
}

void test_database::tamper(const std::string& sql) {
  db_->transact([&](transaction& tx) { tx.execute(sql); });
}

}  // namespace erpc::audit_testing
