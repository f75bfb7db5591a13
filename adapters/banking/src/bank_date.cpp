// SPDX-License-Identifier: Apache-2.0
#include "bank_date.hpp"

#include "statement_failure.hpp"

#include <cstdio>

namespace erpc::banking::detail {
namespace {

bool digits(std::string_view s) {
  for (const char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

int number(std::string_view s) {
  int n = 0;
  for (const char c : s) n = n * 10 + (c - '0');
  return n;
}

std::string format_date(int year, int month, int day) {
  // Room for any three ints, so -O2's -Wformat-truncation has nothing to say; callers pass a
  // checked calendar date, which takes 10 bytes.
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

[[noreturn]] void invalid(std::string_view text, std::uint64_t line, std::string_view form) {
  fail("statement.date_invalid", line,
       "date " + quote(text) + " is not a calendar date " + std::string(form));
}

}  // namespace

bool is_calendar_date(int year, int month, int day) noexcept {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= days[month - 1] + (month == 2 && leap ? 1 : 0);
}

std::string parse_iso_date(std::string_view text, std::uint64_t line) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !digits(text.substr(0, 4)) ||
      !digits(text.substr(5, 2)) || !digits(text.substr(8, 2))) {
    invalid(text, line, "(YYYY-MM-DD)");
  }
  const int y = number(text.substr(0, 4)), m = number(text.substr(5, 2)),
            d = number(text.substr(8, 2));
  if (!is_calendar_date(y, m, d)) invalid(text, line, "(YYYY-MM-DD)");
  return std::string(text);
}

std::string date_of_iso_date_time(std::string_view text, std::uint64_t line) {
  if (text.size() < 19 || text[10] != 'T') invalid(text, line, "and time (YYYY-MM-DDThh:mm:ss)");
  return parse_iso_date(text.substr(0, 10), line);
}

std::string parse_yymmdd(std::string_view text, std::uint64_t line) {
  if (text.size() != 6 || !digits(text)) invalid(text, line, "(YYMMDD)");
  const int yy = number(text.substr(0, 2)), m = number(text.substr(2, 2)),
            d = number(text.substr(4, 2));
  const int y = yy < 80 ? 2000 + yy : 1900 + yy;
  if (!is_calendar_date(y, m, d)) invalid(text, line, "(YYMMDD)");
  return format_date(y, m, d);
}

std::string entry_date_from_value_date(std::string_view mmdd, std::string_view value_date,
                                       std::uint64_t line) {
  if (mmdd.size() != 4 || !digits(mmdd)) invalid(mmdd, line, "(MMDD)");
  const int m = number(mmdd.substr(0, 2)), d = number(mmdd.substr(2, 2));
  int y = number(value_date.substr(0, 4));
  const int value_month = number(value_date.substr(5, 2));
  // Booked on 31 Dec, value 2 Jan (or the reverse): the entry date is in the neighbouring year.
  if (value_month == 1 && m == 12) --y;
  if (value_month == 12 && m == 1) ++y;
  if (!is_calendar_date(y, m, d)) invalid(mmdd, line, "(MMDD)");
  return format_date(y, m, d);
}

}  // namespace erpc::banking::detail
