// SPDX-License-Identifier: Apache-2.0
// Statement dates are bank-local calendar dates (BANKING.md "Dates"): read as written, never
// converted through UTC, and checked against the calendar.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace erpc::banking::detail {

bool is_calendar_date(int year, int month, int day) noexcept;

// "YYYY-MM-DD" (camt Dt).
std::string parse_iso_date(std::string_view text, std::uint64_t line);

// The date part of an ISO date-time (camt DtTm, "2026-03-02T23:30:00+01:00"): the bank's own
// local date, whatever offset follows.
std::string date_of_iso_date_time(std::string_view text, std::uint64_t line);

// "YYMMDD" (MT940, BAI2); years 00–79 are 20xx, 80–99 19xx.
std::string parse_yymmdd(std::string_view text, std::uint64_t line);

// An MT940 entry date "MMDD" takes its year from the value date "YYYY-MM-DD", allowing for the
// December/January rollover (BANKING.md "MT940").
std::string entry_date_from_value_date(std::string_view mmdd, std::string_view value_date,
                                       std::uint64_t line);

}  // namespace erpc::banking::detail
