#pragma once
// Fresh ledger databases for tests, the same cases on both backends: SQLite in a new temporary
// directory, PostgreSQL in a new schema of the fixture cluster (cmake/ErpcPostgresFixture.cmake).
// Without the fixture the PostgreSQL variants fail loudly; they are never skipped.

#include <erpc/host/database.hpp>
#include <erpc/host/host_clock.hpp>

#include <cstdint>
#include <memory>
#include <string>

namespace erpc::test {

const char* backend_name(database_backend backend);

// The libpq conninfo of the fixture cluster; throws std::runtime_error naming
// ERPC_TEST_PG_CONNINFO_FILE when it is unset or unreadable.
std::string postgres_test_conninfo();

// A place for one test's ledger. config() is stable, so destroying the database and opening a
// new one on config() is a host restart.
class test_site {
 public:
  explicit test_site(database_backend backend);
  ~test_site();
  test_site(const test_site&) = delete;
  test_site& operator=(const test_site&) = delete;

  const database_config& config() const { return config_; }
  std::unique_ptr<database> open(int pool_size = 4) const;
  manual_host_clock& clock() { return clock_; }

 private:
  database_config config_;
  std::string temp_dir_;
  std::string schema_;
  manual_host_clock clock_;
};

// Row counts of the store tables, to prove that an operation wrote nothing.
struct table_counts {
  std::int64_t keys = 0;
  std::int64_t messages = 0;
  std::int64_t payload_versions = 0;
  std::int64_t dependencies = 0;
  friend bool operator==(const table_counts&, const table_counts&) = default;
};
table_counts count_tables(database& db);

}  // namespace erpc::test
