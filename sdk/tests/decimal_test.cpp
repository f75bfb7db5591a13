// SPDX-License-Identifier: Apache-2.0
#include <erpc/decimal.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <string_view>

using erpc::decimal;
using erpc::rounding;

namespace {

decimal d(const char* text) {
  const auto v = decimal::parse(text);
  REQUIRE(v.has_value());
  return *v;
}

std::string round_trip(const char* text) { return d(text).to_string(); }

}  // namespace

TEST_CASE("decimal parses plain notation and keeps the scale as written", "[decimal]") {
  CHECK(round_trip("0") == "0");
  CHECK(round_trip("1234.50") == "1234.50");
  CHECK(round_trip("-1234.5") == "-1234.5");
  CHECK(round_trip("0.000001") == "0.000001");
  CHECK(round_trip("10") == "10");
  CHECK(d("1234.50").scale() == 2);
  CHECK(d("7").scale() == 0);
}

TEST_CASE("decimal negative zero is zero without a sign", "[decimal]") {
  const decimal z = d("-0.00");
  CHECK(z.is_zero());
  CHECK_FALSE(z.is_negative());
  CHECK(z.to_string() == "0.00");
  CHECK(z.scale() == 2);
  CHECK(d("-0") == d("0"));
}

TEST_CASE("decimal rejects everything but -?digits(.digits)?", "[decimal]") {
  for (const char* bad : {"", "-", "00.1", "01", "-01", "1e3", "1E3", ".5", "5.", "-.5", "+1",
                          " 1", "1 ", "1,5", "1.2.3", "0x10", "NaN", "inf", "--1", "1-",
                          "1..2", "١"}) {
    INFO(bad);
    CHECK_FALSE(decimal::parse(bad).has_value());
  }
}

TEST_CASE("decimal accepts 18 fraction digits and rejects 19", "[decimal]") {
  CHECK(round_trip("0.123456789012345678") == "0.123456789012345678");
  CHECK(d("0.123456789012345678").scale() == 18);
  CHECK_FALSE(decimal::parse("0.1234567890123456789").has_value());
}

TEST_CASE("decimal covers the int64 limits and 38 digits, rejects 39", "[decimal]") {
  CHECK(round_trip("9223372036854775807") == "9223372036854775807");
  CHECK(round_trip("-9223372036854775808") == "-9223372036854775808");
  CHECK(round_trip("9223372036854775808") == "9223372036854775808");
  const char* max38 = "99999999999999999999999999999999999999";
  CHECK(round_trip(max38) == max38);
  CHECK(round_trip("-99999999999999999999.999999999999999999") ==
        "-99999999999999999999.999999999999999999");
  CHECK_FALSE(decimal::parse("100000000000000000000000000000000000000").has_value());
  CHECK_FALSE(decimal::parse("170141183460469231731687303715884105728").has_value());
  CHECK_FALSE(decimal::parse("999999999999999999999999.999999999999999").has_value());
}

TEST_CASE("decimal to_minor_units and from_minor_units are exact", "[decimal]") {
  CHECK(d("1234.50").to_minor_units(2) == 123450);
  CHECK(d("1234.5").to_minor_units(2) == 123450);
  CHECK_FALSE(d("1234.505").to_minor_units(2).has_value());
  CHECK(d("-9223372036854775808").to_minor_units(0) == INT64_MIN);
  CHECK_FALSE(d("9223372036854775808").to_minor_units(0).has_value());
  CHECK_FALSE(d("92233720368547758.08").to_minor_units(3).has_value());
  CHECK(decimal::from_minor_units(123450, 2)->to_string() == "1234.50");
  CHECK(decimal::from_minor_units(-5, 3)->to_string() == "-0.005");
  CHECK_FALSE(decimal::from_minor_units(1, 19).has_value());
  CHECK_FALSE(decimal::from_minor_units(1, -1).has_value());
}

TEST_CASE("decimal normalized drops trailing fraction zeros only", "[decimal]") {
  CHECK(d("1234.50").normalized().to_string() == "1234.5");
  CHECK(d("10.00").normalized().to_string() == "10");
  CHECK(d("100").normalized().to_string() == "100");
  CHECK(d("0.000").normalized().to_string() == "0");
  CHECK(d("-0.10").normalized().to_string() == "-0.1");
}

TEST_CASE("decimal compares by value", "[decimal]") {
  CHECK(d("1.5") == d("1.50"));
  CHECK_FALSE(d("1.5").same_representation(d("1.50")));
  CHECK(d("1.5").same_representation(d("1.5")));
  CHECK(d("1.49") < d("1.5"));
  CHECK(d("-1.5") < d("-1.25"));
  CHECK(d("-0.5") < d("0.5"));
  CHECK(d("-1") < d("-0.9"));
  CHECK(d("1") > d("0.999999999999999999"));
  CHECK(d("99999999999999999999999999999999999999") > d("99999999999999999999.999999999999999999"));
  CHECK(d("2") != d("2.000000000000000001"));
}

TEST_CASE("decimal rescale is exact or nothing", "[decimal]") {
  CHECK(d("1234.5").rescale(2)->to_string() == "1234.50");
  CHECK(d("1234.50").rescale(1)->to_string() == "1234.5");
  CHECK_FALSE(d("1234.55").rescale(1).has_value());
  CHECK_FALSE(d("1").rescale(19).has_value());
  CHECK_FALSE(d("99999999999999999999999999999999999999").rescale(1).has_value());
  CHECK(d("9999999999999999999").rescale(18)->to_string() ==
        "9999999999999999999.000000000000000000");
}

TEST_CASE("decimal rounds half-even, half-up and down", "[decimal]") {
  CHECK(d("2.345").round(2, rounding::half_even).to_string() == "2.34");
  CHECK(d("2.355").round(2, rounding::half_even).to_string() == "2.36");
  CHECK(d("2.3451").round(2, rounding::half_even).to_string() == "2.35");
  CHECK(d("-2.345").round(2, rounding::half_even).to_string() == "-2.34");
  CHECK(d("-2.355").round(2, rounding::half_even).to_string() == "-2.36");
  CHECK(d("2.345").round(2, rounding::half_up).to_string() == "2.35");
  CHECK(d("-2.345").round(2, rounding::half_up).to_string() == "-2.35");
  CHECK(d("2.344").round(2, rounding::half_up).to_string() == "2.34");
  CHECK(d("2.349").round(2, rounding::down).to_string() == "2.34");
  CHECK(d("-2.349").round(2, rounding::down).to_string() == "-2.34");
  CHECK(d("0.5").round(0, rounding::half_even).to_string() == "0");
  CHECK(d("1.5").round(0, rounding::half_even).to_string() == "2");
  CHECK(d("999.995").round(2, rounding::half_up).to_string() == "1000.00");
  CHECK(d("1.5").round(3, rounding::down).to_string() == "1.500");
  CHECK_THROWS_AS(d("1").round(19, rounding::down), erpc::error);
  CHECK_THROWS_AS(d("1").round(-1, rounding::down), erpc::error);
}

TEST_CASE("decimal addition and subtraction align scales exactly", "[decimal]") {
  CHECK((d("1.5") + d("0.25")).to_string() == "1.75");
  CHECK((d("1.50") + d("1")).to_string() == "2.50");
  CHECK((d("0.1") + d("0.2")) == d("0.3"));
  CHECK((d("1") - d("1.01")).to_string() == "-0.01");
  CHECK((-d("5.5")).to_string() == "-5.5");
  CHECK(d("-3.2").abs().to_string() == "3.2");
  decimal acc = d("0.00");
  for (int i = 0; i < 10; ++i) acc += d("0.10");
  CHECK(acc.to_string() == "1.00");
}

TEST_CASE("decimal arithmetic overflow throws decimal.overflow", "[decimal]") {
  const decimal max = d("99999999999999999999999999999999999999");
  try {
    (void)(max + d("1"));
    FAIL("expected overflow");
  } catch (const erpc::error& e) {
    CHECK(e.code() == "decimal.overflow");
    CHECK(e.cls() == erpc::error_class::internal);
  }
  CHECK_THROWS_AS(-max - d("1"), erpc::error);
  CHECK_THROWS_AS(max + d("0.1"), erpc::error);
  CHECK_THROWS_AS(max * d("10"), erpc::error);
  CHECK((max - d("1")).to_string() == "99999999999999999999999999999999999998");
  CHECK((-max).to_string() == "-99999999999999999999999999999999999999");
}

TEST_CASE("decimal multiplication is exact with summed scale", "[decimal]") {
  CHECK((d("100.00") * d("1.0825")).to_string() == "108.250000");
  CHECK((d("-3") * d("0.5")).to_string() == "-1.5");
  const decimal amount = d("1234.56");
  const decimal rate = d("0.913742");
  const decimal exact = amount * rate;
  CHECK(exact.to_string() == "1128.06932352");
  CHECK(exact.round(2, rounding::half_even).to_string() == "1128.07");
  // Summed scale 20 > 18: trailing zeros are dropped if that makes it fit, else overflow.
  CHECK((d("0.0000000010") * d("0.0000000010")).to_string() == "0.000000000000000001");
  CHECK_THROWS_AS(d("0.000000001") * d("0.0000000001"), erpc::error);
}

TEST_CASE("decimal multiply rounds once at the target scale", "[decimal]") {
  const decimal rate = d("1.123456789012");
  const decimal amount = d("123456.789012");
  CHECK(amount.multiply(rate, 2, rounding::half_even).to_string() == "138698.37");
  CHECK(d("0.000000001").multiply(d("0.0000000001"), 18, rounding::half_up).to_string() ==
        "0.000000000000000000");
  CHECK(d("0.000000005").multiply(d("0.0000000001"), 18, rounding::half_up).to_string() ==
        "0.000000000000000001");
  CHECK(d("2").multiply(d("3"), 2, rounding::down).to_string() == "6.00");
  CHECK(d("-2.5").multiply(d("1"), 0, rounding::half_even).to_string() == "-2");
}

TEST_CASE("decimal parses up to 18 digits in 64 bits, exactly as the 128-bit path would",
          "[decimal]") {
  // The coefficient the 128-bit digit loop builds, for text parse() accepted.
  auto coefficient_of = [](std::string_view text) {
    erpc::decimal::coefficient_type c = 0;
    for (const char ch : text) {
      if (ch >= '0' && ch <= '9') c = c * 10 + (ch - '0');
    }
    return text.starts_with('-') ? -c : c;
  };
  for (const char* text : {"0", "-0", "7", "999999999999999999", "-999999999999999999",
                           "99999999999999999.9", "0.999999999999999999",
                           "-0.000000000000000001", "1234567890123456.78", "9999999999999999999",
                           "1000000000000000000", "18446744073709551615",
                           "18446744073709551616.5"}) {
    INFO(text);
    const auto d = erpc::decimal::parse(text);
    REQUIRE(d.has_value());
    CHECK(d->coefficient() == coefficient_of(text));
    CHECK(d->to_string() == std::string(text == std::string_view("-0") ? "0" : text));
  }
  static_assert(erpc::decimal::parse("123.45")->coefficient() == 12345);
}
