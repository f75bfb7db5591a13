// SPDX-License-Identifier: Apache-2.0
#include <erpc/currency.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <string_view>

TEST_CASE("currency minor units follow ISO 4217", "[currency]") {
  CHECK(erpc::currency_minor_units("EUR") == 2);
  CHECK(erpc::currency_minor_units("USD") == 2);
  CHECK(erpc::currency_minor_units("JPY") == 0);
  CHECK(erpc::currency_minor_units("KRW") == 0);
  CHECK(erpc::currency_minor_units("ISK") == 0);
  CHECK(erpc::currency_minor_units("KWD") == 3);
  CHECK(erpc::currency_minor_units("BHD") == 3);
  CHECK(erpc::currency_minor_units("TND") == 3);
  CHECK(erpc::currency_minor_units("CLF") == 4);
  CHECK(erpc::currency_minor_units("UYW") == 4);
  CHECK(erpc::currency_minor_units("UYI") == 0);
}

TEST_CASE("currency codes are exact, uppercase and current", "[currency]") {
  CHECK(erpc::is_currency_code("EUR"));
  CHECK(erpc::is_currency_code("CHW"));
  CHECK_FALSE(erpc::is_currency_code("eur"));
  CHECK_FALSE(erpc::is_currency_code("EU"));
  CHECK_FALSE(erpc::is_currency_code("EURO"));
  CHECK_FALSE(erpc::is_currency_code(""));
  CHECK_FALSE(erpc::is_currency_code("DEM"));  // withdrawn 2002
  CHECK_FALSE(erpc::is_currency_code("HRK"));  // withdrawn 2023, Croatia uses EUR
  CHECK_FALSE(erpc::currency_minor_units("ABC").has_value());
}

TEST_CASE("currency codes without minor units exist but cannot give a scale", "[currency]") {
  for (const char* code : {"XAU", "XAG", "XDR", "XXX", "XTS"}) {
    INFO(code);
    CHECK(erpc::is_currency_code(code));
    CHECK_FALSE(erpc::currency_minor_units(code).has_value());
  }
}

TEST_CASE("currency table is sorted, unique and well formed", "[currency]") {
  const auto& t = erpc::detail::iso4217_table;
  CHECK(std::is_sorted(t.begin(), t.end(),
                       [](const auto& a, const auto& b) { return a.code < b.code; }));
  CHECK(std::adjacent_find(t.begin(), t.end(), [](const auto& a, const auto& b) {
          return a.code == b.code;
        }) == t.end());
  for (const auto& e : t) {
    INFO(e.code);
    CHECK(e.code.size() == 3);
    CHECK(std::all_of(e.code.begin(), e.code.end(), [](char c) { return c >= 'A' && c <= 'Z'; }));
    CHECK(e.minor_units >= -1);
    CHECK(e.minor_units <= 4);
    CHECK(erpc::is_currency_code(e.code));
  }
  static_assert(erpc::currency_minor_units("JPY") == 0);
}

TEST_CASE("the slot lookup finds exactly what a search of the table finds", "[currency]") {
  const auto& t = erpc::detail::iso4217_table;
  auto searched = [&](std::string_view code) {
    for (std::size_t i = 0; i < t.size(); ++i) {
      if (t[i].code == code) return static_cast<int>(i);
    }
    return -1;
  };
  std::string code = "AAA";
  for (char a = 'A'; a <= 'Z'; ++a) {
    for (char b = 'A'; b <= 'Z'; ++b) {
      for (char c = 'A'; c <= 'Z'; ++c) {
        code = {a, b, c};
        REQUIRE(erpc::detail::find_currency(code) == searched(code));
      }
    }
  }
  for (const char* other : {"", "E", "EU", "EURO", "eur", "Eur", "EU1", "@UR", "[UR", "EU\x80",
                            "E\0R"}) {
    INFO(other);
    CHECK(erpc::detail::find_currency(other) == -1);
  }
  CHECK(erpc::detail::find_currency(std::string_view("EUR\0", 4)) == -1);
  static_assert(erpc::is_currency_code("EUR") && !erpc::is_currency_code("EUX"));
}
