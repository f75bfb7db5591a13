// SPDX-License-Identifier: Apache-2.0
// TARGET2 (T2) business days: every day except Saturday, Sunday, 1 January, Good Friday,
// Easter Monday, 1 May, 25 and 26 December. A SEPA ReqdExctnDt must be one (BANKING.md).
#pragma once

#include <string>
#include <string_view>

namespace erpc::banking {

struct calendar_date {
  int year = 0;
  int month = 0;
  int day = 0;
  friend bool operator==(const calendar_date&, const calendar_date&) = default;
};

// "YYYY-MM-DD" on the Gregorian calendar, years 1583..9999; std::nullopt-like failure as
// {0,0,0}.
calendar_date parse_calendar_date(std::string_view text) noexcept;
std::string to_string(const calendar_date& d);

// Western (Gregorian) Easter Sunday of `year` (anonymous Gregorian algorithm).
calendar_date easter_sunday(int year) noexcept;

// 0 = Monday ... 6 = Sunday.
int day_of_week(const calendar_date& d) noexcept;
calendar_date next_day(const calendar_date& d) noexcept;

bool is_target_holiday(const calendar_date& d) noexcept;
bool is_target_business_day(const calendar_date& d) noexcept;
// `d` itself when it is a business day, else the next one.
calendar_date next_target_business_day(const calendar_date& d) noexcept;

}  // namespace erpc::banking
