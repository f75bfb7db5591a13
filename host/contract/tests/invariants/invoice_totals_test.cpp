#include "contract_test_support.hpp"
#include "invariants/invariants.hpp"

#include <catch2/catch.hpp>

using namespace erpc::contract_test;
using nlohmann::json;

namespace {
json eur(const char* amount) { return {{"amount", amount}, {"currency", "EUR"}}; }
}  // namespace

TEST_CASE("line gross = net + tax", "[contract][invoice]") {
  auto inv = load_example("Invoice");
  inv["lines"][0]["gross"] = eur("119.02");
  const auto errors = validator().validate("Invoice", inv);
  INFO(describe(errors));
  CHECK(only_finding(errors, "/lines/0/gross", "invoice.line_gross_mismatch"));
}

TEST_CASE("the declared rounding tolerance is honoured", "[contract][invoice]") {
  auto inv = load_example("Invoice");
  REQUIRE(inv["rounding_tolerance"] == "0.01");
  inv["lines"][0]["gross"] = eur("119.01");
  CHECK(validator().validate("Invoice", inv).empty());
  inv.erase("rounding_tolerance");  // absent means exact
  CHECK(only_finding(validator().validate("Invoice", inv), "/lines/0/gross",
                     "invoice.line_gross_mismatch"));
}

TEST_CASE("total gross = total net + total tax", "[contract][invoice]") {
  auto inv = load_example("Invoice");
  inv["totals"]["gross"] = eur("118.00");
  inv["amount_payable"] = eur("118.00");
  const auto errors = validator().validate("Invoice", inv);
  INFO(describe(errors));
  CHECK(only_finding(errors, "/totals/gross", "invoice.gross_mismatch"));
}

TEST_CASE("lines' net sums to the total net", "[contract][invoice]") {
  auto inv = load_example("Invoice");
  inv["totals"]["net"] = eur("90.00");
  inv["totals"]["gross"] = eur("109.00");
  inv["amount_payable"] = eur("109.00");
  const auto errors = validator().validate("Invoice", inv);
  INFO(describe(errors));
  CHECK(only_finding(errors, "/totals/net", "invoice.net_total_mismatch"));
}

TEST_CASE("reverse charge is recorded but outside the total and payable", "[contract][invoice]") {
  auto inv = load_example("Invoice");
  inv["tax_lines"].push_back({{"tax_code", "RC19"},
                              {"taxable_amount", eur("100.00")},
                              {"tax_amount", eur("19.00")},
                              {"reverse_charge", true}});
  CHECK(validator().validate("Invoice", inv).empty());
  inv["tax_lines"][1]["reverse_charge"] = false;
  const auto errors = validator().validate("Invoice", inv);
  INFO(describe(errors));
  CHECK(only_finding(errors, "/totals/tax", "invoice.tax_total_mismatch"));
}

TEST_CASE("withholding reduces the amount payable, not the gross", "[contract][invoice]") {
  auto inv = load_example("Invoice");
  inv["withholding"] = json::array({{{"rate_percent", "10"}, {"amount", eur("10.00")}}});
  const auto errors = validator().validate("Invoice", inv);
  INFO(describe(errors));
  CHECK(only_finding(errors, "/amount_payable", "invoice.payable_mismatch"));
  inv["amount_payable"] = eur("109.00");
  CHECK(validator().validate("Invoice", inv).empty());
}

TEST_CASE("a credit note has positive amounts", "[contract][invoice]") {
  auto inv = load_example("Invoice");
  inv["document_type"] = "credit_note";
  inv["original_invoice"] = {{"number", "AC-2026-0001"}};
  CHECK(validator().validate("Invoice", inv).empty());
  inv["lines"][0]["net"] = eur("-100.00");
  CHECK(has_finding(validator().validate("Invoice", inv), "/lines/0/net/amount",
                    "schema.pattern"));
}

TEST_CASE("an invoice has one currency", "[contract][invoice]") {
  auto inv = load_example("Invoice");
  inv["tax_lines"][0]["tax_amount"]["currency"] = "USD";
  const auto errors = validator().validate("Invoice", inv);
  INFO(describe(errors));
  CHECK(has_finding(errors, "/tax_lines/0/tax_amount/currency", "money.currency_mismatch"));
}

TEST_CASE("amount open (since 1.1): what is still owed, at most the amount payable", "[contract][invoice]") {
  auto inv = load_example("Invoice");
  inv["amount_open"] = eur("40.00");  // partly paid
  CHECK(validator().validate("Invoice", inv).empty());
  inv["amount_open"] = eur("0.00");  // paid in full
  CHECK(validator().validate("Invoice", inv).empty());
  inv["amount_open"] = eur("119.00");  // nothing paid yet
  CHECK(validator().validate("Invoice", inv).empty());
  inv["amount_open"] = eur("119.01");
  auto errors = validator().validate("Invoice", inv);
  INFO(describe(errors));
  CHECK(only_finding(errors, "/amount_open", "invoice.open_exceeds_payable"));
  // Without amount_payable the gross is what is owed.
  inv.erase("amount_payable");
  CHECK(only_finding(validator().validate("Invoice", inv), "/amount_open",
                     "invoice.open_exceeds_payable"));
  inv["amount_open"] = eur("100.00");
  CHECK(validator().validate("Invoice", inv).empty());
  inv["amount_open"]["amount"] = "-1.00";
  CHECK(has_finding(validator().validate("Invoice", inv), "/amount_open/amount", "schema.pattern"));
}
