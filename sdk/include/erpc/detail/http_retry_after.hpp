// SPDX-License-Identifier: Apache-2.0
// Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP-date, turned into a wait in ms.
#pragma once

#include <erpc/detail/http_date.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>

namespace erpc {

// Milliseconds to wait from `now_unix_ms`; a date in the past gives 0; garbage gives nullopt.
constexpr std::optional<std::int64_t> parse_retry_after_ms(std::string_view value,
                                                           std::int64_t now_unix_ms) noexcept {
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  if (value.empty()) return std::nullopt;

  if (value.front() >= '0' && value.front() <= '9') {
    constexpr std::int64_t max_seconds = std::numeric_limits<std::int64_t>::max() / 1000;
    std::int64_t seconds = 0;
    for (char c : value) {
      if (c < '0' || c > '9') return std::nullopt;
      // Saturate rather than overflow: an absurd delay is still "wait a very long time".
      seconds = seconds > (max_seconds - (c - '0')) / 10 ? max_seconds : seconds * 10 + (c - '0');
    }
    return seconds * 1000;
  }

  const auto date = detail::parse_http_date(value, now_unix_ms / 1000);
  if (!date) return std::nullopt;
  const std::int64_t wait = *date * 1000 - now_unix_ms;
  return wait > 0 ? wait : 0;
}

}  // namespace erpc
