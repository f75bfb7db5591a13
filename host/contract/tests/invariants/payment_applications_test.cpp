#include "contract_test_support.hpp"
#include "invariants/invariants.hpp"

#include <catch2/catch.hpp>

using namespace erpc::contract_test;
using nlohmann::json;

TEST_CASE("invoices minus credit notes sum to the payment amount", "[contract][payment]") {
  auto pay = load_example("Payment");
  pay["applications"][1]["amount"]["amount"] = "178.49";
  const auto errors = validator().validate("Payment", pay);
  INFO(describe(errors));
  CHECK(only_finding(errors, "/applications", "payment.applications_mismatch"));
}

TEST_CASE("a credit note counted as an invoice breaks the sum", "[contract][payment]") {
  auto pay = load_example("Payment");
  pay["applications"][2]["document_type"] = "invoice";
  CHECK(only_finding(validator().validate("Payment", pay), "/applications",
                     "payment.applications_mismatch"));
}

TEST_CASE("discount, withholding and short payment are not cash", "[contract][payment]") {
  auto pay = load_example("Payment");
  pay["applications"][1]["withholding"] = {{"amount", "17.85"}, {"currency", "EUR"}};
  pay["applications"][1]["short_payment"] = {
      {"amount", {{"amount", "5.00"}, {"currency", "EUR"}}}, {"reason_code", "AM09"}};
  CHECK(validator().validate("Payment", pay).empty());
}

TEST_CASE("applications are in the payment's currency", "[contract][payment]") {
  auto pay = load_example("Payment");
  pay["applications"][0]["discount_taken"]["currency"] = "USD";
  const auto errors = validator().validate("Payment", pay);
  INFO(describe(errors));
  CHECK(only_finding(errors, "/applications/0/discount_taken/currency",
                     "money.currency_mismatch"));
}

TEST_CASE("a payment without applications has nothing to sum", "[contract][payment]") {
  auto pay = load_example("Payment");
  pay.erase("applications");
  CHECK(validator().validate("Payment", pay).empty());
}
