// The one walk behind the precheck, the money rules, the bank identifiers and the invoice's
// one-currency rule: each check's findings kept apart and in the order its own walk gave them.
#include "contract_test_support.hpp"
#include "document_scan.hpp"

#include <catch2/catch.hpp>

#include <string>

using erpc::contract_detail::amount_precision;
using erpc::contract_detail::scan_checks;
using erpc::contract_detail::scan_document;
using erpc::contract_detail::scan_findings;
using erpc::contract_test::describe;
using nlohmann::json;

namespace {

scan_findings scan(const json& doc, const scan_checks& checks, std::string_view base = "") {
  scan_findings found;
  scan_document(doc, base, checks, found);
  return found;
}

scan_checks everything(std::optional<std::string_view> currency = std::nullopt) {
  return {.limits = true,
          .money = amount_precision::ledger_exact,
          .bank = true,
          .single_currency = currency,
          .invariants_within = nullptr};
}

std::vector<std::string> pointers(const erpc::contract_detail::findings& f) {
  std::vector<std::string> out;
  for (const auto& e : f) out.push_back(e.pointer + " " + e.code);
  return out;
}

json deep_array(int levels) {
  json deep = "x";
  for (int i = 0; i < levels; ++i) deep = json::array({deep});
  return deep;
}

}  // namespace

TEST_CASE("limit findings come last member first, as the precheck's stack gave them",
          "[contract][scan]") {
  const json doc = {{"a", std::string(5000, 'a')},
                    {"b", {{"c", std::string(5000, 'c')}, {"d", deep_array(70)}}},
                    {"e", json::array({std::string(4097, 'e'), "short"})}};
  const auto found = scan(doc, everything());
  INFO(describe(found.limits));
  std::string deep_pointer = "/b/d";
  for (int i = 0; i < 63; ++i) deep_pointer += "/0";  // d is at depth 2; depth 65 is refused
  CHECK(pointers(found.limits) ==
        std::vector<std::string>{"/e/0 schema.max_length", deep_pointer + " schema.max_depth",
                                 "/b/c schema.max_length", "/a schema.max_length"});
}

TEST_CASE("a string exactly at the limits is not a finding", "[contract][scan]") {
  const json doc = {{"s", std::string(4096, 's')}, {"d", deep_array(63)}};
  CHECK(scan(doc, everything()).limits.empty());
}

TEST_CASE("after a limit finding the invariant checks stop", "[contract][scan]") {
  // The validator reports only the limits then; no IBAN check runs on a megabyte string.
  const json doc = {{"a", std::string(5000, 'a')},
                    {"b", {{"iban", "DE00"}, {"currency", "QQQ"}}}};
  const auto found = scan(doc, everything());
  CHECK(found.limits.size() == 1);
  CHECK(found.money.empty());
  CHECK(found.bank.empty());
}

TEST_CASE("money and bank findings are kept apart, each in document order", "[contract][scan]") {
  const json doc = {
      {"a", {{"iban", "DE00"}, {"currency", "QQQ"}}},
      {"b", {{"amount", "1.5"}, {"currency", "EUR"}}},
      {"c", {{"country", "QQ"}, {"fee_currency", "ABC"}}},
      {"payment_reference", {{"type", "SCOR"}, {"reference", "RF00"}}}};
  const auto found = scan(doc, everything());
  CHECK(pointers(found.money) ==
        std::vector<std::string>{"/a/currency money.unknown_currency",
                                 "/b/amount money.minor_units",
                                 "/c/fee_currency money.unknown_currency"});
  CHECK(pointers(found.bank) ==
        std::vector<std::string>{"/a/iban bank_account.invalid_iban",
                                 "/c/country country.unknown",
                                 "/payment_reference/reference remittance.invalid_rf_reference"});
}

TEST_CASE("the one-currency rule skips the parties and does not look below an amount pair",
          "[contract][scan]") {
  const json doc = {
      {"currency", "EUR"},
      {"supplier", {{"limit", {{"amount", "1.00"}, {"currency", "USD"}}}}},
      {"lines", json::array({{{"net", {{"amount", "1.00"}, {"currency", "USD"}}}}})},
      // An amount pair's currency is checked; what is below it is not.
      {"odd", {{"amount", {{"x", {{"amount", "1"}, {"currency", "CHF"}}}}},
               {"currency", "GBP"}}}};
  const auto found = scan(doc, everything("EUR"));
  CHECK(pointers(found.currency) ==
        std::vector<std::string>{"/lines/0/net/currency money.currency_mismatch",
                                 "/odd/currency money.currency_mismatch"});
}

TEST_CASE("invariants_within: limits everywhere, the other checks only in that subtree",
          "[contract][scan]") {
  const json envelope = {
      {"iban", "DE00"},
      {"currency", "QQQ"},
      {"payload", {{"currency", "EUR"},
                   {"iban", "DE01"},
                   {"m", {{"amount", "1.00"}, {"currency", "USD"}}},
                   {"note", std::string(10, 'n')}}}};
  auto checks = everything("EUR");
  checks.invariants_within = &envelope["payload"];
  const auto found = scan(envelope, checks);
  CHECK(found.limits.empty());
  CHECK(found.money.empty());
  CHECK(pointers(found.bank) ==
        std::vector<std::string>{"/payload/iban bank_account.invalid_iban"});
  CHECK(pointers(found.currency) ==
        std::vector<std::string>{"/payload/m/currency money.currency_mismatch"});

  // The same findings as a scan of the payload alone under its prefix.
  auto alone = everything("EUR");
  alone.limits = false;
  const auto payload_only = scan(envelope["payload"], alone, "/payload");
  CHECK(pointers(payload_only.bank) == pointers(found.bank));
  CHECK(pointers(payload_only.currency) == pointers(found.currency));
}
