#include "contract_test_support.hpp"
#include "invariants/invariants.hpp"

#include <catch2/catch.hpp>

using namespace erpc::contract_test;
using nlohmann::json;

namespace {
json line(std::string side, std::string amount, std::string currency, std::string functional) {
  return {{"account", "1000"},
          {"side", side},
          {"amount", {{"amount", amount}, {"currency", currency}}},
          {"functional_amount", {{"amount", functional}, {"currency", "EUR"}}}};
}
}  // namespace

TEST_CASE("journal must balance in functional currency", "[contract][journal]") {
  auto je = load_example("JournalEntry");
  je["lines"][1]["functional_amount"]["amount"] = "999.99";
  const auto errors = validator().validate("JournalEntry", je);
  INFO(describe(errors));
  CHECK(only_finding(errors, "/lines", "journal.unbalanced"));
}

TEST_CASE("a journal in one document currency also balances in it", "[contract][journal]") {
  auto je = load_example("JournalEntry");
  je["lines"][1]["amount"]["amount"] = "1080.01";
  const auto errors = validator().validate("JournalEntry", je);
  INFO(describe(errors));
  CHECK(only_finding(errors, "/lines", "journal.unbalanced_document_currency"));
}

TEST_CASE("mixed document currencies balance in functional currency only",
          "[contract][journal]") {
  auto je = load_example("JournalEntry");
  je["lines"] = json::array({line("debit", "1080.00", "USD", "1000.00"),
                             line("credit", "900.00", "GBP", "600.00"),
                             line("credit", "400.00", "EUR", "400.00")});
  const auto errors = validator().validate("JournalEntry", je);
  INFO(describe(errors));
  CHECK(errors.empty());

  je["lines"][2]["functional_amount"]["amount"] = "400.01";
  const auto bad = validator().validate("JournalEntry", je);
  INFO(describe(bad));
  CHECK(has_finding(bad, "/lines", "journal.unbalanced"));
  CHECK(has_finding(bad, "/lines/2/functional_amount", "journal.functional_amount_mismatch"));
}

TEST_CASE("functional amounts are in the functional currency", "[contract][journal]") {
  auto je = load_example("JournalEntry");
  je["lines"][0]["functional_amount"]["currency"] = "USD";
  const auto errors = validator().validate("JournalEntry", je);
  INFO(describe(errors));
  CHECK(has_finding(errors, "/lines/0/functional_amount/currency", "money.currency_mismatch"));
}

TEST_CASE("a journal needs two lines", "[contract][journal]") {
  auto je = load_example("JournalEntry");
  je["lines"].erase(1);
  const auto errors = validator().validate("JournalEntry", je);
  INFO(describe(errors));
  CHECK(has_finding(errors, "/lines", "schema.min_items"));
}
