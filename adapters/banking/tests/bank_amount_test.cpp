#include "bank_amount.hpp"

#include "statement_test_support.hpp"

using namespace erpc::banking;

TEST_CASE("camt amounts are exact, up to 5 fraction digits") {
  CHECK(detail::parse_camt_amount("119.00", 1).to_string() == "119.00");
  CHECK(detail::parse_camt_amount("1200.12345", 1).to_string() == "1200.12345");
  CHECK(detail::parse_camt_amount("0", 1).is_zero());
  CHECK(detail::parse_camt_amount("007.5", 1).to_string() == "7.5");
  test::expect_failure([] { detail::parse_camt_amount("1.123456", 3); },
                       "statement.amount_invalid");
  test::expect_failure([] { detail::parse_camt_amount("-1.00", 3); }, "statement.amount_invalid");
  test::expect_failure([] { detail::parse_camt_amount("1e3", 3); }, "statement.amount_invalid");
  test::expect_failure([] { detail::parse_camt_amount("1.", 3); }, "statement.amount_invalid");
  test::expect_failure([] { detail::parse_camt_amount("", 3); }, "statement.amount_invalid");
}

TEST_CASE("an amount of 30 digits is refused, not rounded") {
  const auto e = test::expect_failure(
      [] { detail::parse_camt_amount("123456789012345678901234567890", 7); },
      "statement.amount_too_long");
  CHECK(test::line_of(e) == "/line/7");
  test::expect_failure([] { detail::parse_swift_amount("1234567890123456789012345678,90", 2); },
                       "statement.amount_too_long");
  test::expect_failure(
      [] { detail::parse_bai2_amount("123456789012345678901234567890", 2, false, 2); },
      "statement.amount_too_long");
  // 18 digits is the most any format allows, and it is read exactly.
  CHECK(detail::parse_camt_amount("1234567890123.12345", 1).to_string() ==
        "1234567890123.12345");
}

TEST_CASE("SWIFT amounts have a mandatory decimal comma") {
  CHECK(detail::parse_swift_amount("119,00", 1).to_string() == "119.00");
  CHECK(detail::parse_swift_amount("119,", 1).to_string() == "119");
  CHECK(detail::parse_swift_amount("0,5", 1).to_string() == "0.5");
  test::expect_failure([] { detail::parse_swift_amount("119.00", 1); },
                       "statement.amount_invalid");
  test::expect_failure([] { detail::parse_swift_amount("11900", 1); }, "statement.amount_invalid");
  test::expect_failure([] { detail::parse_swift_amount(",50", 1); }, "statement.amount_invalid");
}

TEST_CASE("BAI2 amounts have implied decimals by currency") {
  CHECK(detail::parse_bai2_amount("300000", 2, false, 1).to_string() == "3000.00");
  CHECK(detail::parse_bai2_amount("5", 2, false, 1).to_string() == "0.05");
  CHECK(detail::parse_bai2_amount("1000000", 0, false, 1).to_string() == "1000000");  // JPY
  CHECK(detail::parse_bai2_amount("12345", 3, false, 1).to_string() == "12.345");    // KWD
  CHECK(detail::parse_bai2_amount("-100000", 2, true, 1).to_string() == "-1000.00");
  CHECK(detail::parse_bai2_amount("+100", 2, true, 1).to_string() == "1.00");
  test::expect_failure([] { detail::parse_bai2_amount("-100", 2, false, 1); },
                       "statement.amount_invalid");
  test::expect_failure([] { detail::parse_bai2_amount("10.00", 2, false, 1); },
                       "statement.amount_invalid");
}
