// One pass over a document for every check that looks at each node wherever it is: the
// precheck's limits (nesting depth, string length), the money rules, the bank identifiers and
// the invoice's one-currency rule.
// They used to be four walks of the DOM per validation, which cost more than the checks
// themselves; one walk visits each node once and keeps each check's findings apart, in the
// order its own walk used to give them.
#pragma once

#include "invariants/invariants.hpp"
#include "invariants/json_money.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string_view>

namespace erpc::contract_detail {

// No schema string is longer than this; longer strings are refused before any pattern runs,
// so no schema check ever works on a megabyte string.
inline constexpr std::size_t k_max_string = 4096;
inline constexpr std::size_t k_max_depth = 64;

// Which checks run; a check that is off finds nothing.
struct scan_checks {
  bool limits = false;                    // the precheck: depth and string length
  std::optional<amount_precision> money;  // check_money_rules at this precision
  bool bank = false;                      // check_bank_identifiers
  // Every Money outside the parties is in this currency (check_invoice_currency).
  std::optional<std::string_view> single_currency;
  // When set, the money, bank and currency checks look only at this node of the document and
  // below (a request's payload: one scan for the envelope's limits and the payload's checks).
  const nlohmann::json* invariants_within = nullptr;
};

struct scan_findings {
  // Nodes nested deeper than k_max_depth and strings longer than k_max_string, in the order
  // the precheck has always reported them (last member first). Once there is one, the other
  // checks stop: the validator reports only these.
  findings limits;
  findings money;
  findings bank;
  findings currency;  // single_currency
};

// With `limits` off the walk goes as deep as the document does, so it is for documents whose
// depth is already known to be within the limit.
void scan_document(const nlohmann::json& doc, std::string_view base, const scan_checks& checks,
                   scan_findings& out);

// One check run on its own (check_money_rules, check_bank_identifiers, check_invoice_currency):
// a scan with `checks`, whose findings `which` are appended to `out`.
void scan_appending(const nlohmann::json& doc, std::string_view base, const scan_checks& checks,
                    findings scan_findings::*which, findings& out);

// The per-node parts of the checks (money_rules.cpp, bank_identifiers.cpp, invoice_totals.cpp).
// `at` is the path of the object (check_money_node, check_amount_currency) or of the member.
// The scan calls the member checks only for the member names they look at, so the names are
// tested here, inline, and the checks called for a few members instead of every one.
class pointer_path;

// "currency" or "*_currency": a currency-code field.
inline bool is_currency_key(std::string_view key) {
  return is_key(key, "currency") || key_ends_with(key, "_currency");
}
// The string members check_bank_string_member looks at.
inline bool is_bank_identifier_key(std::string_view key) {
  return is_key(key, "iban") || is_key(key, "bic") || is_key(key, "country");
}
// The members check_creditor_reference_member looks at.
inline bool is_creditor_reference_key(std::string_view key) {
  return is_key(key, "creditor_reference") || is_key(key, "payment_reference");
}

void check_money_node(const nlohmann::json::object_t& node, amount_precision precision,
                      const pointer_path& at, findings& out);
void check_currency_member(std::string_view key, const std::string& value,
                           const pointer_path& at, findings& out);
void check_bank_string_member(std::string_view key, const std::string& value,
                              const pointer_path& at, findings& out);
void check_creditor_reference_member(std::string_view key, const nlohmann::json& value,
                                     const pointer_path& at, findings& out);

// The invoice currency rule's nodes: two members, one of them "amount" (a Money node, or what
// is left of one), whose currency is checked and below which the rule does not look; and the
// party members (remit_to, supplier, customer), which hold no Money.
bool is_amount_pair(const nlohmann::json::object_t& node);
bool is_party_member(std::string_view key);
void check_amount_currency(const nlohmann::json::object_t& node, std::string_view currency,
                           const pointer_path& at, findings& out);

}  // namespace erpc::contract_detail
