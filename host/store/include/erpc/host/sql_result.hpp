#pragma once
// The rows a statement returned, read by column index with typed accessors. A column of the
// wrong type or out of range is erpc::error(INTERNAL) "store.bad_column", never UB.

#include <erpc/host/sql_value.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace erpc {

class sql_row {
 public:
  explicit sql_row(std::vector<sql_value> values) : values_(std::move(values)) {}

  std::size_t size() const noexcept { return values_.size(); }
  bool is_null(std::size_t column) const;
  std::int64_t int64(std::size_t column) const;
  std::string text(std::size_t column) const;
  std::optional<std::int64_t> optional_int64(std::size_t column) const;
  std::optional<std::string> optional_text(std::size_t column) const;

 private:
  const sql_value& at(std::size_t column) const;
  std::vector<sql_value> values_;
};

struct sql_result {
  std::vector<sql_row> rows;
  std::int64_t affected = 0;  // rows changed by INSERT/UPDATE/DELETE
};

}  // namespace erpc
