// SPDX-License-Identifier: Apache-2.0
#include <erpc/utc_instant.hpp>

#include <catch2/catch.hpp>

#include <ctime>

namespace {

// What the three private formatters this replaced produced (gmtime_r + strftime).
std::string strftime_utc(std::int64_t unix_ms, const char* format) {
  const std::time_t seconds = static_cast<std::time_t>(unix_ms / 1000);
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  char out[40];
  std::strftime(out, sizeof out, format, &parts);
  return out;
}

}  // namespace

TEST_CASE("utc_instant_text writes whole seconds in ISO 8601 with Z") {
  CHECK(erpc::utc_instant_text(0) == "1970-01-01T00:00:00Z");
  CHECK(erpc::utc_instant_text(1'795'710'476'000) == "2026-11-26T16:27:56Z");
  // Milliseconds are dropped, not rounded.
  CHECK(erpc::utc_instant_text(1'795'710'476'999) == "2026-11-26T16:27:56Z");
  // Leap day and the last second of a year.
  CHECK(erpc::utc_instant_text(951'782'400'000) == "2000-02-29T00:00:00Z");
  CHECK(erpc::utc_instant_text(1'767'225'599'000) == "2025-12-31T23:59:59Z");
}

TEST_CASE("utc_instant_text agrees with gmtime, before the epoch too") {
  const std::int64_t instants[] = {-1,         -1'000,           -86'400'001,           1,
                                   86'399'999, 4'102'444'800'000, 253'402'300'799'000};
  for (const std::int64_t ms : instants) {
    CAPTURE(ms);
    CHECK(erpc::utc_instant_text(ms) == strftime_utc(ms, "%Y-%m-%dT%H:%M:%SZ"));
    CHECK(erpc::utc_date_text(ms) == strftime_utc(ms, "%Y-%m-%d"));
  }
}

TEST_CASE("utc_date_text is the UTC calendar date of the instant") {
  CHECK(erpc::utc_date_text(1'795'710'476'000) == "2026-11-26");
  // 23:59:59.999 UTC is still that day, whatever the local zone.
  CHECK(erpc::utc_date_text(1'795'737'599'999) == "2026-11-26");
  CHECK(erpc::utc_date_text(1'795'737'600'000) == "2026-11-27");
}
