#include "contract_test_support.hpp"
#include "invariants/invariants.hpp"

#include <catch2/catch.hpp>

using namespace erpc::contract_test;
using erpc::contract_detail::amount_precision;
using erpc::contract_detail::check_money_rules;
using erpc::contract_detail::findings;
using nlohmann::json;

namespace {
findings run(const json& doc, amount_precision p) {
  findings out;
  check_money_rules(doc, p, "", out);
  return out;
}
}  // namespace

TEST_CASE("ledger amounts need exactly the currency's minor digits", "[contract][money]") {
  const json two = {{"m", {{"amount", "10.00"}, {"currency", "EUR"}}}};
  CHECK(run(two, amount_precision::ledger_exact).empty());

  const json one = {{"m", {{"amount", "10.0"}, {"currency", "EUR"}}}};
  CHECK(only_finding(run(one, amount_precision::ledger_exact), "/m/amount", "money.minor_units"));
  CHECK(run(one, amount_precision::at_most_minor).empty());

  const json three = {{"m", {{"amount", "10.001"}, {"currency", "EUR"}}}};
  CHECK(only_finding(run(three, amount_precision::at_most_minor), "/m/amount",
                     "money.minor_units"));
  CHECK(run(three, amount_precision::file_precision).empty());

  const json yen = {{"m", {{"amount", "1000"}, {"currency", "JPY"}}}};
  CHECK(run(yen, amount_precision::ledger_exact).empty());
  const json dinar = {{"m", {{"amount", "1.500"}, {"currency", "KWD"}}}};
  CHECK(run(dinar, amount_precision::ledger_exact).empty());
}

TEST_CASE("gold has no minor unit and cannot be posted", "[contract][money]") {
  const json gold = {{"m", {{"amount", "1"}, {"currency", "XAU"}}}};
  CHECK(only_finding(run(gold, amount_precision::ledger_exact), "/m/amount",
                     "money.minor_units"));
  CHECK(run(gold, amount_precision::file_precision).empty());
}

TEST_CASE("unknown currency codes, in Money and in currency fields", "[contract][money]") {
  const json doc = {{"lines", {{{"net", {{"amount", "1.00"}, {"currency", "EUX"}}}}}},
                    {"functional_currency", "ABC"},
                    {"currency", "EUR"}};
  const auto out = run(doc, amount_precision::ledger_exact);
  INFO(describe(out));
  CHECK(out.size() == 2);
  CHECK(has_finding(out, "/lines/0/net/currency", "money.unknown_currency"));
  CHECK(has_finding(out, "/functional_currency", "money.unknown_currency"));
}

TEST_CASE("too many decimals for the currency in a sample invoice", "[contract][money]") {
  auto inv = load_example("Invoice");
  inv["lines"][0]["tax"]["amount"] = "19.001";
  inv["lines"][0]["gross"]["amount"] = "119.001";
  const auto errors = validator().validate("Invoice", inv);
  INFO(describe(errors));
  CHECK(has_finding(errors, "/lines/0/tax/amount", "money.minor_units"));
  CHECK(has_finding(errors, "/lines/0/gross/amount", "money.minor_units"));
  CHECK(errors.size() == 2);
}

TEST_CASE("unknown currency in a sample payment", "[contract][money]") {
  auto pay = load_example("Payment");
  pay["amount"]["currency"] = "EUX";
  const auto errors = validator().validate("Payment", pay);
  INFO(describe(errors));
  CHECK(has_finding(errors, "/amount/currency", "money.unknown_currency"));
}

TEST_CASE("bank statements keep the file's precision up to 5 decimals", "[contract][money]") {
  auto st = load_example("BankStatement");
  REQUIRE(st["entries"][2]["amount"]["amount"] == "0.00001");
  CHECK(validator().validate("BankStatement", st).empty());
  st["entries"][2]["amount"]["amount"] = "0.000001";
  const auto errors = validator().validate("BankStatement", st);
  INFO(describe(errors));
  CHECK(only_finding(errors, "/entries/2/amount/amount", "schema.pattern"));
}
