// Dates the flows accept: exactly YYYY-MM-DD and a real calendar day.
#include "calendar_date.hpp"

#include <catch2/catch.hpp>

using erpc::flows_detail::calendar_date;

TEST_CASE("a calendar date is exactly YYYY-MM-DD and a real day", "[flows][dates]") {
  using namespace std::chrono;
  CHECK(calendar_date("2026-03-10") == sys_days{2026y / March / 10});
  CHECK(calendar_date("2028-02-29") == sys_days{2028y / February / 29});  // leap year
  for (const char* bad : {"2026-02-29", "2026-02-30", "2026-13-01", "2026-00-10", "2026-03-00",
                          "2026-1-011", "2026/03/10", "+026-03-10", "2026-03-1 ", "20260310",
                          "2026-03-10T00:00:00Z", ""}) {
    INFO(bad);
    CHECK_FALSE(calendar_date(bad));
  }
}
