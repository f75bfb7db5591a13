// A bank or document date as the flows read it: exactly YYYY-MM-DD, a real calendar day. Dates
// stay dates (no time zone): execution dates are the bank's, invoice dates the supplier's.
#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace erpc::flows_detail {

inline std::optional<std::chrono::sys_days> calendar_date(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int digits[8];
  int n = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i == 4 || i == 7) continue;
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    digits[n++] = text[i] - '0';
  }
  const int year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3];
  const unsigned month = static_cast<unsigned>(digits[4] * 10 + digits[5]);
  const unsigned day = static_cast<unsigned>(digits[6] * 10 + digits[7]);
  const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month},
                                        std::chrono::day{day}};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days{ymd};
}

}  // namespace erpc::flows_detail
