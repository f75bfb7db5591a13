#pragma once
// Values that cross the database boundary: NULL, a 64-bit integer or text. Money and JSON are
// stored as text; there is no floating point column.

#include <cstdint>
#include <optional>
#include <string>
#include <variant>

namespace erpc {

using sql_value = std::variant<std::monostate, std::int64_t, std::string>;

inline sql_value sql_null() { return std::monostate{}; }

inline sql_value sql_nullable(const std::optional<std::string>& text) {
  return text ? sql_value(*text) : sql_value(std::monostate{});
}

inline sql_value sql_nullable(const std::optional<std::int64_t>& number) {
  return number ? sql_value(*number) : sql_value(std::monostate{});
}

}  // namespace erpc
