// SPDX-License-Identifier: Apache-2.0
// TARGET2 closing days (ECB): Saturdays, Sundays, New Year's Day, Good Friday, Easter Monday,
// 1 May (Labour Day), 25 December and 26 December.
#include <erpc/banking/target_calendar.hpp>

#include <cstdio>

namespace erpc::banking {
namespace {

bool is_leap(int y) noexcept { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) noexcept {
  constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

// Days since 1970-01-01 (H. Hinnant's days_from_civil).
long days_from_civil(const calendar_date& d) noexcept {
  const int y = d.year - (d.month <= 2 ? 1 : 0);
  const int era = y / 400;
  const int yoe = y - era * 400;
  const int mp = (d.month + 9) % 12;
  const int doy = (153 * mp + 2) / 5 + d.day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<long>(era) * 146097 + doe - 719468;
}

calendar_date add_days(calendar_date d, int n) noexcept {
  for (int k = 0; k < n; ++k) d = next_day(d);
  return d;
}

}  // namespace

calendar_date parse_calendar_date(std::string_view t) noexcept {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return {};
  int v[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8};
  const std::size_t lens[3] = {4, 2, 2};
  for (int k = 0; k < 3; ++k) {
    for (std::size_t j = 0; j < lens[k]; ++j) {
      const char c = t[starts[k] + j];
      if (c < '0' || c > '9') return {};
      v[k] = v[k] * 10 + (c - '0');
    }
  }
  if (v[0] < 1583 || v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > days_in_month(v[0], v[1])) {
    return {};
  }
  return {v[0], v[1], v[2]};
}

std::string to_string(const calendar_date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

calendar_date easter_sunday(int year) noexcept {
  const int a = year % 19;
  const int b = year / 100;
  const int c = year % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return {year, month, day};
}

int day_of_week(const calendar_date& d) noexcept {
  const long z = days_from_civil(d);  // 1970-01-01 was a Thursday (3)
  return static_cast<int>(((z % 7) + 7 + 3) % 7);
}

calendar_date next_day(const calendar_date& d) noexcept {
  calendar_date n = d;
  if (++n.day > days_in_month(n.year, n.month)) {
    n.day = 1;
    if (++n.month > 12) {
      n.month = 1;
      ++n.year;
    }
  }
  return n;
}

bool is_target_holiday(const calendar_date& d) noexcept {
  if ((d.month == 1 && d.day == 1) || (d.month == 5 && d.day == 1) ||
      (d.month == 12 && (d.day == 25 || d.day == 26))) {
    return true;
  }
  const calendar_date easter = easter_sunday(d.year);
  const long z = days_from_civil(d);
  const long e = days_from_civil(easter);
  return z == e - 2 || z == e + 1;  // Good Friday, Easter Monday
}

bool is_target_business_day(const calendar_date& d) noexcept {
  return day_of_week(d) < 5 && !is_target_holiday(d);
}

calendar_date next_target_business_day(const calendar_date& d) noexcept {
  calendar_date n = d;
  while (!is_target_business_day(n)) n = add_days(n, 1);
  return n;
}

}  // namespace erpc::banking
