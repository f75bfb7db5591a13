// SPDX-License-Identifier: Apache-2.0
#include <erpc/detail/http_retry_after.hpp>

#include <catch2/catch.hpp>

namespace {
// 1994-11-06T08:49:37Z, the RFC 9110 example instant.
constexpr std::int64_t example_s = 784111777;
constexpr std::int64_t example_ms = example_s * 1000;
}  // namespace

TEST_CASE("parse_http_date reads all three RFC 9110 forms", "[retry_after]") {
  const std::int64_t now = 1767225600;  // 2026-01-01
  CHECK(erpc::detail::parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT", now) == example_s);
  CHECK(erpc::detail::parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT", now) == example_s);
  CHECK(erpc::detail::parse_http_date("Sun Nov  6 08:49:37 1994", now) == example_s);
  CHECK(erpc::detail::parse_http_date("Thu, 01 Jan 1970 00:00:00 GMT", now) == 0);
  CHECK(erpc::detail::parse_http_date("Thu, 29 Feb 2024 23:59:59 GMT", now) == 1709251199);
  // RFC 850 two-digit years: more than 50 years ahead means the previous century.
  CHECK(erpc::detail::parse_http_date("Friday, 01-Jan-27 00:00:00 GMT", now) == 1798761600);
  CHECK(erpc::detail::parse_http_date("Friday, 01-Jan-99 00:00:00 GMT", now) == 915148800);
}

TEST_CASE("parse_http_date rejects near misses", "[retry_after]") {
  const std::int64_t now = 1767225600;
  for (const char* bad : {"", "Sun, 06 Nov 1994 08:49:37 UTC", "Sun, 6 Nov 1994 08:49:37 GMT",
                          "Sun, 06 Foo 1994 08:49:37 GMT", "Sun, 31 Nov 1994 08:49:37 GMT",
                          "Sun, 29 Feb 1900 08:49:37 GMT", "Sun, 06 Nov 1994 24:00:00 GMT",
                          "Sun, 06 Nov 1994 08:49:37 GMT ", "Xyz, 06 Nov 1994 08:49:37 GMT",
                          "Sunday, 06-Nov-1994 08:49:37 GMT", "Sun Nov 6 08:49:37 1994"}) {
    INFO(bad);
    CHECK_FALSE(erpc::detail::parse_http_date(bad, now).has_value());
  }
}

TEST_CASE("parse_retry_after_ms handles delta-seconds", "[retry_after]") {
  CHECK(erpc::parse_retry_after_ms("120", example_ms) == 120000);
  CHECK(erpc::parse_retry_after_ms("0", example_ms) == 0);
  CHECK(erpc::parse_retry_after_ms(" 7 ", example_ms) == 7000);
  // Absurd values saturate instead of overflowing into a negative wait.
  const auto huge = erpc::parse_retry_after_ms("99999999999999999999999", example_ms);
  REQUIRE(huge.has_value());
  CHECK(*huge > 0);
}

TEST_CASE("parse_retry_after_ms handles HTTP-dates relative to now", "[retry_after]") {
  CHECK(erpc::parse_retry_after_ms("Sun, 06 Nov 1994 08:50:37 GMT", example_ms) == 60000);
  CHECK(erpc::parse_retry_after_ms("Sun Nov  6 08:49:47 1994", example_ms + 500) == 9500);
  // A date in the past means "now", never a negative wait.
  CHECK(erpc::parse_retry_after_ms("Sun, 06 Nov 1994 08:00:00 GMT", example_ms) == 0);
}

TEST_CASE("parse_retry_after_ms rejects garbage", "[retry_after]") {
  for (const char* bad : {"", "  ", "-5", "1.5", "12abc", "soon", "0x10", "+3"}) {
    INFO(bad);
    CHECK_FALSE(erpc::parse_retry_after_ms(bad, example_ms).has_value());
  }
}
