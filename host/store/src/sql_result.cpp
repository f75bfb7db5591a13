#include <erpc/host/sql_result.hpp>

#include <erpc/error.hpp>

#include <charconv>

namespace erpc {

namespace {
error bad_column(std::size_t column, const char* why) {
  return error(error_class::internal, "store.bad_column",
               "column " + std::to_string(column) + ": " + why);
}
}  // namespace

const sql_value& sql_row::at(std::size_t column) const {
  if (column >= values_.size()) throw bad_column(column, "out of range");
  return values_[column];
}

bool sql_row::is_null(std::size_t column) const {
  return std::holds_alternative<std::monostate>(at(column));
}

std::int64_t sql_row::int64(std::size_t column) const {
  const sql_value& v = at(column);
  if (const auto* n = std::get_if<std::int64_t>(&v)) return *n;
  if (const auto* s = std::get_if<std::string>(&v)) {
    // PostgreSQL returns every value as text.
    std::int64_t n = 0;
    const auto [end, ec] = std::from_chars(s->data(), s->data() + s->size(), n);
    if (ec == std::errc() && end == s->data() + s->size()) return n;
    throw bad_column(column, "not an integer");
  }
  throw bad_column(column, "NULL where an integer was expected");
}

std::string sql_row::text(std::size_t column) const {
  const sql_value& v = at(column);
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* n = std::get_if<std::int64_t>(&v)) return std::to_string(*n);
  throw bad_column(column, "NULL where text was expected");
}

std::optional<std::int64_t> sql_row::optional_int64(std::size_t column) const {
  if (is_null(column)) return std::nullopt;
  return int64(column);
}

std::optional<std::string> sql_row::optional_text(std::size_t column) const {
  if (is_null(column)) return std::nullopt;
  return text(column);
}

}  // namespace erpc
