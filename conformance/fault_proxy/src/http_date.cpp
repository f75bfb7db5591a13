// SPDX-License-Identifier: Apache-2.0
#include "http_date.hpp"

#include <chrono>
#include <cstdio>

namespace erpc::conformance {

std::string format_http_date(std::int64_t unix_seconds) {
  // Day and month names are fixed English tokens in the grammar, so no strftime (locale).
  static constexpr const char* day_names[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
  static constexpr const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  using namespace std::chrono;
  const sys_seconds at{seconds(unix_seconds)};
  const auto day = floor<std::chrono::days>(at);
  const year_month_day date{day};
  const hh_mm_ss<seconds> time{at - day};
  const auto day_number = day.time_since_epoch().count();
  const auto weekday_index = ((day_number % 7) + 7) % 7;  // 1970-01-01 was a Thursday
  char text[40];
  std::snprintf(text, sizeof text, "%s, %02u %s %04d %02d:%02d:%02d GMT", day_names[weekday_index],
                static_cast<unsigned>(date.day()), months[static_cast<unsigned>(date.month()) - 1],
                static_cast<int>(date.year()), static_cast<int>(time.hours().count()),
                static_cast<int>(time.minutes().count()),
                static_cast<int>(time.seconds().count()));
  return text;
}

}  // namespace erpc::conformance
