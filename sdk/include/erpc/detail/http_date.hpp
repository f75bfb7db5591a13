// SPDX-License-Identifier: Apache-2.0
// Parses an HTTP-date (RFC 9110 §5.6.7): IMF-fixdate, and the obsolete RFC 850 and asctime
// forms a recipient must still accept. No locale, no time zone database, no allocation.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace erpc::detail {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
constexpr std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) noexcept {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

// The proleptic Gregorian year of a day count since 1970-01-01 (inverse of the above).
constexpr std::int64_t year_from_days(std::int64_t z) noexcept {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2 ? 1 : 0);
}

class http_date_reader {
 public:
  explicit constexpr http_date_reader(std::string_view s) noexcept : s_(s) {}

  constexpr bool literal(std::string_view lit) noexcept {
    if (s_.substr(pos_, lit.size()) != lit) return false;
    pos_ += lit.size();
    return true;
  }
  // Exactly `digits` decimal digits (1..4); a 1-digit day in asctime may be space-padded.
  constexpr std::optional<unsigned> number(std::size_t digits) noexcept {
    if (pos_ + digits > s_.size()) return std::nullopt;
    unsigned v = 0;
    for (std::size_t i = 0; i < digits; ++i) {
      const char c = s_[pos_ + i];
      if (c < '0' || c > '9') return std::nullopt;
      v = v * 10 + static_cast<unsigned>(c - '0');
    }
    pos_ += digits;
    return v;
  }
  constexpr std::optional<unsigned> month() noexcept {
    constexpr std::array<std::string_view, 12> names{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    for (unsigned i = 0; i < names.size(); ++i) {
      if (literal(names[i])) return i + 1;
    }
    return std::nullopt;
  }
  // Skips a day name from `names`; returns false when none matches.
  template <std::size_t N>
  constexpr bool one_of(const std::array<std::string_view, N>& names) noexcept {
    for (auto n : names) {
      if (literal(n)) return true;
    }
    return false;
  }
  constexpr bool at_end() const noexcept { return pos_ == s_.size(); }

 private:
  std::string_view s_;
  std::size_t pos_ = 0;
};

struct civil_time {
  std::int64_t year;
  unsigned month, day, hour, minute, second;
};

constexpr std::optional<std::int64_t> to_unix_seconds(const civil_time& t) noexcept {
  constexpr std::array<unsigned, 12> days_in{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (t.month < 1 || t.month > 12 || t.day < 1 || t.day > days_in[t.month - 1]) return {};
  const bool leap = (t.year % 4 == 0 && t.year % 100 != 0) || t.year % 400 == 0;
  if (t.month == 2 && t.day == 29 && !leap) return {};
  if (t.hour > 23 || t.minute > 59 || t.second > 60) return {};  // 60: leap second
  return days_from_civil(t.year, t.month, t.day) * 86400 + t.hour * 3600 + t.minute * 60 +
         (t.second == 60 ? 59 : t.second);
}

constexpr bool read_clock(http_date_reader& r, civil_time& t) noexcept {
  auto h = r.number(2);
  if (!h || !r.literal(":")) return false;
  auto m = r.number(2);
  if (!m || !r.literal(":")) return false;
  auto s = r.number(2);
  if (!s) return false;
  t.hour = *h;
  t.minute = *m;
  t.second = *s;
  return true;
}

// Seconds since the Unix epoch, or nullopt when `s` is not an HTTP-date. `now_unix_s` resolves
// the two-digit year of the RFC 850 form.
constexpr std::optional<std::int64_t> parse_http_date(std::string_view s,
                                                      std::int64_t now_unix_s) noexcept {
  constexpr std::array<std::string_view, 7> short_days{"Mon", "Tue", "Wed", "Thu",
                                                       "Fri", "Sat", "Sun"};
  constexpr std::array<std::string_view, 7> long_days{"Monday", "Tuesday", "Wednesday",
                                                      "Thursday", "Friday", "Saturday",
                                                      "Sunday"};
  civil_time t{};
  {  // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT"
    http_date_reader r(s);
    if (r.one_of(short_days) && r.literal(", ")) {
      auto d = r.number(2);
      auto mo = d && r.literal(" ") ? r.month() : std::nullopt;
      auto y = mo && r.literal(" ") ? r.number(4) : std::nullopt;
      if (y && r.literal(" ") && read_clock(r, t) && r.literal(" GMT") && r.at_end()) {
        t.year = *y;
        t.month = *mo;
        t.day = *d;
        return to_unix_seconds(t);
      }
    }
  }
  {  // RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT"
    http_date_reader r(s);
    if (r.one_of(long_days) && r.literal(", ")) {
      auto d = r.number(2);
      auto mo = d && r.literal("-") ? r.month() : std::nullopt;
      auto y = mo && r.literal("-") ? r.number(2) : std::nullopt;
      if (y && r.literal(" ") && read_clock(r, t) && r.literal(" GMT") && r.at_end()) {
        // RFC 9110: a two-digit year that looks more than 50 years in the future is the most
        // recent past year with those digits.
        const std::int64_t now_year = year_from_days(now_unix_s / 86400);
        t.year = now_year - now_year % 100 + *y;
        if (t.year > now_year + 50) t.year -= 100;
        t.month = *mo;
        t.day = *d;
        return to_unix_seconds(t);
      }
    }
  }
  {  // asctime: "Sun Nov  6 08:49:37 1994"
    http_date_reader r(s);
    if (r.one_of(short_days) && r.literal(" ")) {
      auto mo = r.month();
      std::optional<unsigned> d;
      if (mo && r.literal(" ")) d = r.literal(" ") ? r.number(1) : r.number(2);
      if (d && r.literal(" ") && read_clock(r, t) && r.literal(" ")) {
        auto y = r.number(4);
        if (y && r.at_end()) {
          t.year = *y;
          t.month = *mo;
          t.day = *d;
          return to_unix_seconds(t);
        }
      }
    }
  }
  return std::nullopt;
}

}  // namespace erpc::detail
