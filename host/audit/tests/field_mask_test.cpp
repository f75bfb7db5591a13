#include <erpc/host/field_mask.hpp>

#include "audit_test_support.hpp"

#include <erpc/host/field_cipher.hpp>

#include <catch2/catch.hpp>

using namespace erpc;

TEST_CASE("a masked value keeps its last four characters") {
  REQUIRE(mask_value("DE89370400440532013000") == "****3000");
  REQUIRE(mask_value("12345678") == "****5678");
  REQUIRE(mask_value("ÄÖÜßäöüé") == "****äöüé");  // characters, not bytes
}

TEST_CASE("short values and ciphertexts are masked completely") {
  REQUIRE(mask_value("1234567") == "****");
  REQUIRE(mask_value("") == "****");
  REQUIRE(mask_value("enc:v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA") == "****");
}

TEST_CASE("mask_fields masks listed fields of a copy and leaves the rest") {
  const nlohmann::json doc = {{"tax_id", "DE123456789"},
                              {"remit_to", {{"iban", "DE89370400440532013000"}}},
                              {"account_number", 123456789012},
                              {"name", "ACME"}};
  const auto masked =
      mask_fields(doc, {"/tax_id", "/remit_to/iban", "/account_number", "/missing"});
  REQUIRE(masked == nlohmann::json{{"tax_id", "****6789"},
                                   {"remit_to", {{"iban", "****3000"}}},
                                   {"account_number", "****9012"},
                                   {"name", "ACME"}});
  REQUIRE(doc["tax_id"] == "DE123456789");
  REQUIRE(audit_testing::error_text([&] {
            mask_fields(doc, {"tax_id"});
          }).rfind("crypto.bad_pointer", 0) == 0);
}
