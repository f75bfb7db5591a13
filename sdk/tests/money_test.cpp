// SPDX-License-Identifier: Apache-2.0
#include <erpc/money.hpp>

#include <catch2/catch.hpp>

#include <string>

using erpc::money;

namespace {

std::string code_of(const std::string& amount, const std::string& currency) {
  try {
    (void)money::parse(amount, currency);
  } catch (const erpc::error& e) {
    CHECK(e.cls() == erpc::error_class::validation);
    return e.code();
  }
  return "";
}

}  // namespace

TEST_CASE("money parses a decimal string and an ISO 4217 code", "[money]") {
  const money m = money::parse("1234.50", "EUR");
  CHECK(m.amount.to_string() == "1234.50");
  CHECK(m.currency == "EUR");
  CHECK(m.to_string() == "1234.50 EUR");
}

TEST_CASE("money rejects bad amounts and unknown currencies with stable codes", "[money]") {
  CHECK(code_of("12,50", "EUR") == "money.invalid_amount");
  CHECK(code_of("1e3", "EUR") == "money.invalid_amount");
  CHECK(code_of("", "EUR") == "money.invalid_amount");
  CHECK(code_of("12.50", "eur") == "money.unknown_currency");
  CHECK(code_of("12.50", "EURO") == "money.unknown_currency");
  CHECK(code_of("12.50", "") == "money.unknown_currency");
  CHECK(code_of("12.50", "EUR").empty());
}

TEST_CASE("money ledger rule: exactly the currency's minor digits", "[money]") {
  CHECK(money::parse("1234.50", "EUR").has_minor_units_exactly());
  CHECK_FALSE(money::parse("1234.5", "EUR").has_minor_units_exactly());
  CHECK(money::parse("1234.5", "EUR").fits_minor_units());
  CHECK_FALSE(money::parse("1234.505", "EUR").fits_minor_units());
  CHECK(money::parse("1234", "JPY").has_minor_units_exactly());
  CHECK_FALSE(money::parse("1234.0", "JPY").has_minor_units_exactly());
  CHECK_FALSE(money::parse("1234.0", "JPY").fits_minor_units());
  CHECK(money::parse("1.250", "KWD").has_minor_units_exactly());
  CHECK(money::parse("1.2500", "CLF").has_minor_units_exactly());
  CHECK_FALSE(money::parse("1", "XAU").has_minor_units_exactly());
  CHECK_FALSE(money::parse("1", "XAU").fits_minor_units());
}

TEST_CASE("money adds within one currency only", "[money]") {
  const money a = money::parse("10.50", "EUR");
  const money b = money::parse("0.25", "EUR");
  CHECK((a + b).to_string() == "10.75 EUR");
  CHECK((a - b).to_string() == "10.25 EUR");
  CHECK(money::parse("1.5", "EUR") == money::parse("1.50", "EUR"));
  CHECK_FALSE(money::parse("1.5", "EUR") == money::parse("1.5", "USD"));
  try {
    (void)(a + money::parse("1.00", "USD"));
    FAIL("expected a currency mismatch");
  } catch (const erpc::error& e) {
    CHECK(e.code() == "money.currency_mismatch");
    CHECK(e.cls() == erpc::error_class::validation);
  }
  money acc = money::parse("0.00", "EUR");
  acc += a;
  acc -= b;
  CHECK(acc.to_string() == "10.25 EUR");
}
