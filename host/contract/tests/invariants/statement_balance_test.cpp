#include "contract_test_support.hpp"
#include "invariants/invariants.hpp"

#include <catch2/catch.hpp>

using namespace erpc::contract_test;
using nlohmann::json;

TEST_CASE("opening + booked entries = closing", "[contract][statement]") {
  auto st = load_example("BankStatement");
  st["entries"][1]["amount"]["amount"] = "5.01";
  const auto errors = validator().validate("BankStatement", st);
  INFO(describe(errors));
  CHECK(only_finding(errors, "/balances/1/amount", "bank_statement.balance_mismatch"));
}

TEST_CASE("pending entries do not move the booked balance", "[contract][statement]") {
  auto st = load_example("BankStatement");
  st["entries"][2]["amount"]["amount"] = "5000.00";
  CHECK(validator().validate("BankStatement", st).empty());
  st["entries"][2]["status"] = "BOOK";
  CHECK(has_finding(validator().validate("BankStatement", st), "/balances/1/amount",
                    "bank_statement.balance_mismatch"));
}

TEST_CASE("a reversal keeps the sign of its credit_debit", "[contract][statement]") {
  auto st = load_example("BankStatement");
  json rev = {{"amount", {{"amount", "5.00"}, {"currency", "EUR"}}},
              {"credit_debit", "CRDT"},
              {"reversal", true},
              {"status", "BOOK"},
              {"booking_date", "2026-03-10"}};
  st["entries"].push_back(rev);
  st["balances"][1]["amount"]["amount"] = "8753.40";
  CHECK(validator().validate("BankStatement", st).empty());
}

TEST_CASE("a page that closes with an interim balance", "[contract][statement]") {
  auto st = load_example("BankStatement");
  st["page"] = {{"number", 1}, {"last", false}};
  st["balances"][1]["type"] = "ITBD";
  CHECK(validator().validate("BankStatement", st).empty());
  st["balances"][1]["amount"]["amount"] = "1.00";
  CHECK(has_finding(validator().validate("BankStatement", st), "/balances/1/amount",
                    "bank_statement.balance_mismatch"));
}
