// SPDX-License-Identifier: Apache-2.0
// A UTC instant in Unix milliseconds as ISO 8601 text: "2026-11-26T16:27:56Z" (whole seconds,
// the milliseconds dropped) and its calendar date "2026-11-26". Instants are UTC throughout
// (STYLE.md); these are the texts vendors and stored records take. Header-only, std only.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace erpc {

// "2026-11-26T16:27:56Z". The seconds are unix_ms / 1000 rounded toward zero, as gmtime of
// that value gives them.
inline std::string utc_instant_text(std::int64_t unix_ms) {
  using namespace std::chrono;
  const sys_seconds instant{seconds{unix_ms / 1000}};
  const sys_days day = floor<days>(instant);
  const year_month_day date{day};
  const hh_mm_ss<seconds> time{instant - day};
  char out[40];
  std::snprintf(out, sizeof out, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                static_cast<int>(time.seconds().count()));
  return out;
}

// "2026-11-26": the UTC calendar date of the instant.
inline std::string utc_date_text(std::int64_t unix_ms) {
  std::string text = utc_instant_text(unix_ms);
  text.resize(text.find('T'));
  return text;
}

}  // namespace erpc
