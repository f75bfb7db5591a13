// SPDX-License-Identifier: Apache-2.0
#include <erpc/identifiers.hpp>

#include <catch2/catch.hpp>

TEST_CASE("IBAN: published examples pass", "[identifiers]") {
  for (const char* iban : {"DE89370400440532013000", "GB82WEST12345698765432",
                           "BE68539007547034", "FR1420041010050500013M02606",
                           "CH9300762011623852957", "NO9386011117947"}) {
    INFO(iban);
    CHECK(erpc::is_valid_iban(iban));
  }
  static_assert(erpc::is_valid_iban("DE89370400440532013000"));
}

TEST_CASE("IBAN: check digits, length, charset and country are enforced", "[identifiers]") {
  CHECK_FALSE(erpc::is_valid_iban("DE89370400440532013001"));   // one digit changed
  CHECK_FALSE(erpc::is_valid_iban("DE88370400440532013000"));   // check digits changed
  CHECK_FALSE(erpc::is_valid_iban("DE8937040044053201300"));    // one short
  CHECK_FALSE(erpc::is_valid_iban("DE893704004405320130000"));  // one long
  CHECK_FALSE(erpc::is_valid_iban("DE89 3704 0044 0532 0130 00"));
  CHECK_FALSE(erpc::is_valid_iban("de89370400440532013000"));
  CHECK_FALSE(erpc::is_valid_iban("GB82west12345698765432"));
  CHECK_FALSE(erpc::is_valid_iban("US89370400440532013000"));   // no IBAN country
  CHECK_FALSE(erpc::is_valid_iban("DEXX370400440532013000"));
  CHECK_FALSE(erpc::is_valid_iban(""));
  CHECK_FALSE(erpc::is_valid_iban("DE89"));
  CHECK_FALSE(erpc::is_valid_iban("DE89370400440532013000DE89370400440532013000"));
}

TEST_CASE("IBAN: normalize_iban turns the printed form into the electronic one", "[identifiers]") {
  CHECK(erpc::normalize_iban("de89 3704 0044 0532 0130 00") == "DE89370400440532013000");
  CHECK(erpc::is_valid_iban(erpc::normalize_iban("GB82 WEST 1234 5698 7654 32")));
}

TEST_CASE("BIC: ISO 9362 shape", "[identifiers]") {
  CHECK(erpc::is_valid_bic("DEUTDEFF"));
  CHECK(erpc::is_valid_bic("DEUTDEFF500"));
  CHECK(erpc::is_valid_bic("NEDSZAJJXXX"));
  CHECK_FALSE(erpc::is_valid_bic("DEUTDEF"));
  CHECK_FALSE(erpc::is_valid_bic("DEUTDEFF5"));
  CHECK_FALSE(erpc::is_valid_bic("DEUTDEFF50"));
  CHECK_FALSE(erpc::is_valid_bic("deutdeff"));
  CHECK_FALSE(erpc::is_valid_bic("DEU1DEFF"));
  CHECK_FALSE(erpc::is_valid_bic("DEUTZZFF"));  // ZZ is not a country
  CHECK_FALSE(erpc::is_valid_bic("DEUTDEF!"));
}

TEST_CASE("country codes: ISO 3166-1 alpha-2", "[identifiers]") {
  CHECK(erpc::is_country_code("DE"));
  CHECK(erpc::is_country_code("AX"));
  CHECK(erpc::is_country_code("ZW"));
  CHECK(erpc::is_country_code("SS"));
  CHECK_FALSE(erpc::is_country_code("de"));
  CHECK_FALSE(erpc::is_country_code("UK"));
  CHECK_FALSE(erpc::is_country_code("XK"));
  CHECK_FALSE(erpc::is_country_code("D"));
  CHECK_FALSE(erpc::is_country_code("DEU"));
  CHECK(std::is_sorted(erpc::detail::iso3166_alpha2.begin(), erpc::detail::iso3166_alpha2.end()));
}

TEST_CASE("RF creditor reference: ISO 11649", "[identifiers]") {
  CHECK(erpc::is_valid_rf_creditor_reference("RF18539007547034"));
  CHECK_FALSE(erpc::is_valid_rf_creditor_reference("RF18539007547035"));
  CHECK(erpc::is_valid_rf_creditor_reference("RF712348231"));
  CHECK_FALSE(erpc::is_valid_rf_creditor_reference("RF18 5390 0754 7034"));
  CHECK_FALSE(erpc::is_valid_rf_creditor_reference("rf18539007547034"));
  CHECK_FALSE(erpc::is_valid_rf_creditor_reference("RF18"));
  CHECK_FALSE(erpc::is_valid_rf_creditor_reference("XX18539007547034"));
  CHECK_FALSE(erpc::is_valid_rf_creditor_reference("RF1853900754703412345678901"));  // 22 chars
}

TEST_CASE("mask_account keeps only the last four characters", "[identifiers]") {
  CHECK(erpc::mask_account("DE89370400440532013000") == "DE89\xE2\x80\xA6" "3000");
  CHECK(erpc::mask_account("DE89 3704 0044 0532 0130 00") == "DE89\xE2\x80\xA6" "3000");
  CHECK(erpc::mask_account("0532013000") == "\xE2\x80\xA6" "3000");
  CHECK(erpc::mask_account("1234") == "\xE2\x80\xA6");
  CHECK(erpc::mask_account("") == "\xE2\x80\xA6");
}
