#pragma once
// A fresh ledger database and anchor path for one audit test: SQLite in a new temporary
// directory, PostgreSQL in a new schema of the fixture cluster (ERPC_TEST_PG_CONNINFO_FILE).
// Without the fixture a PostgreSQL test fails loudly; it is never skipped.

#include <erpc/host/database.hpp>
#include <erpc/host/host_clock.hpp>

#include <filesystem>
#include <memory>
#include <string>

namespace erpc::audit_testing {

class test_database {
 public:
  explicit test_database(database_backend backend);
  ~test_database();
  test_database(const test_database&) = delete;
  test_database& operator=(const test_database&) = delete;

  database& db() { return *db_; }
  manual_host_clock& clock() { return clock_; }
  const std::filesystem::path& anchor_path() const { return anchor_path_; }

  // Runs SQL as someone with write access to the database but not the audit key.
  void tamper(const std::string& sql);

 private:
  std::filesystem::path dir_;
  std::filesystem::path anchor_path_;
  std::string schema_;
  manual_host_clock clock_;
  std::unique_ptr<database> db_;
};

}  // namespace erpc::audit_testing
