#pragma once
// What a backend implements: one connection that runs transactions and statements. The
// database owns a pool of them; a transaction leases one.

#include <erpc/host/database_config.hpp>
#include <erpc/host/sql_result.hpp>
#include <erpc/host/sql_value.hpp>

#include <memory>
#include <string_view>
#include <vector>

namespace erpc::detail {

class backend_connection {
 public:
  virtual ~backend_connection() = default;
  virtual void begin() = 0;
  virtual void commit() = 0;
  virtual void rollback() noexcept = 0;
  virtual sql_result execute(std::string_view sql, const std::vector<sql_value>& params) = 0;
};

// sqlite_connection.cpp
std::unique_ptr<backend_connection> open_sqlite_connection(const database_config& config);
// postgres_connection.cpp
std::unique_ptr<backend_connection> open_postgres_connection(const database_config& config);

}  // namespace erpc::detail
