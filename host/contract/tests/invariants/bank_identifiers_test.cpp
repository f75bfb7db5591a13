#include "contract_test_support.hpp"
#include "invariants/invariants.hpp"

#include <catch2/catch.hpp>

using namespace erpc::contract_test;

TEST_CASE("IBAN mod-97", "[contract][identifiers]") {
  auto pay = load_example("Payment");
  pay["creditor_account"]["iban"] = "DE89370400440532013001";
  const auto errors = validator().validate("Payment", pay);
  INFO(describe(errors));
  CHECK(only_finding(errors, "/creditor_account/iban", "bank_account.invalid_iban"));
  CHECK(errors[0].message.find("0532013001") == std::string::npos);  // never the full number
}

TEST_CASE("IBAN length for its country", "[contract][identifiers]") {
  auto sup = load_example("Supplier");
  sup["bank_accounts"][0]["iban"] = "DE8937040044053201300";
  const auto errors = validator().validate("Supplier", sup);
  INFO(describe(errors));
  CHECK(only_finding(errors, "/bank_accounts/0/iban", "bank_account.invalid_iban"));
}

TEST_CASE("BIC shape and country", "[contract][identifiers]") {
  auto inv = load_example("Invoice");
  SECTION("digits where the bank code letters go") {
    inv["remit_to"]["bic"] = "C0BADEFF";
    const auto errors = validator().validate("Invoice", inv);
    INFO(describe(errors));
    CHECK(only_finding(errors, "/remit_to/bic", "bank_account.invalid_bic"));
  }
  SECTION("a country that does not exist") {
    inv["remit_to"]["bic"] = "COBAQQFFXXX";
    const auto errors = validator().validate("Invoice", inv);
    INFO(describe(errors));
    CHECK(only_finding(errors, "/remit_to/bic", "bank_account.invalid_bic"));
  }
  SECTION("the wrong length is already a schema finding, reported once") {
    inv["remit_to"]["bic"] = "COBADEFFX";
    const auto errors = validator().validate("Invoice", inv);
    INFO(describe(errors));
    CHECK(only_finding(errors, "/remit_to/bic", "schema.pattern"));
  }
}

TEST_CASE("country codes", "[contract][identifiers]") {
  auto le = load_example("LegalEntity");
  le["country"] = "XY";
  le["postal_address"]["country"] = "QQ";
  const auto errors = validator().validate("LegalEntity", le);
  INFO(describe(errors));
  CHECK(errors.size() == 2);
  CHECK(has_finding(errors, "/country", "country.unknown"));
  CHECK(has_finding(errors, "/postal_address/country", "country.unknown"));
}

TEST_CASE("RF creditor reference mod-97", "[contract][identifiers]") {
  auto pay = load_example("Payment");
  pay["remittance"]["structured"]["creditor_reference"]["reference"] = "RF19539007547034";
  auto errors = validator().validate("Payment", pay);
  INFO(describe(errors));
  CHECK(only_finding(errors, "/remittance/structured/creditor_reference/reference",
                     "remittance.invalid_rf_reference"));

  auto inv = load_example("Invoice");
  inv["payment_reference"]["reference"] = "RF18539007547035";
  errors = validator().validate("Invoice", inv);
  INFO(describe(errors));
  CHECK(only_finding(errors, "/payment_reference/reference", "remittance.invalid_rf_reference"));

  // A national (non-RF) reference is not an ISO 11649 reference and is not checked.
  inv["payment_reference"]["reference"] = "123456789";
  CHECK(validator().validate("Invoice", inv).empty());
}
