#include "bank_date.hpp"

#include "statement_test_support.hpp"

using namespace erpc::banking;

TEST_CASE("bank dates are read as written, never through UTC") {
  CHECK(detail::parse_iso_date("2026-03-02", 1) == "2026-03-02");
  // 00:30 at +01:00 is 23:30 UTC the day before; the bank's date is still the 2nd.
  CHECK(detail::date_of_iso_date_time("2026-03-02T00:30:00+01:00", 1) == "2026-03-02");
  CHECK(detail::date_of_iso_date_time("2026-03-02T23:59:59-05:00", 1) == "2026-03-02");
  CHECK(detail::parse_yymmdd("260302", 1) == "2026-03-02");
  CHECK(detail::parse_yymmdd("991231", 1) == "1999-12-31");
  CHECK(detail::parse_yymmdd("240229", 1) == "2024-02-29");
  test::expect_failure([] { detail::parse_yymmdd("250229", 4); }, "statement.date_invalid");
  test::expect_failure([] { detail::parse_iso_date("2026-13-01", 4); }, "statement.date_invalid");
  test::expect_failure([] { detail::parse_iso_date("2026-3-1", 4); }, "statement.date_invalid");
  test::expect_failure([] { detail::date_of_iso_date_time("2026-03-02", 4); },
                       "statement.date_invalid");
}

TEST_CASE("an MT940 entry date takes its year from the value date across New Year") {
  CHECK(detail::entry_date_from_value_date("0302", "2026-03-02", 1) == "2026-03-02");
  // Value 2 January, booked 31 December: the previous year.
  CHECK(detail::entry_date_from_value_date("1231", "2026-01-02", 1) == "2025-12-31");
  // Value 31 December, booked 2 January: the next year.
  CHECK(detail::entry_date_from_value_date("0102", "2025-12-31", 1) == "2026-01-02");
  test::expect_failure([] { detail::entry_date_from_value_date("0230", "2026-02-01", 9); },
                       "statement.date_invalid");
}
