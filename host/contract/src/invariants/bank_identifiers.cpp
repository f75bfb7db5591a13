#include "invariants.hpp"

#include "json_money.hpp"
#include "json_pointer.hpp"

#include <erpc/identifiers.hpp>

#include <string>

namespace erpc::contract_detail {
namespace {

bool is_creditor_reference_key(std::string_view key) {
  return key == "creditor_reference" || key == "payment_reference";
}

// Identifiers are not echoed in full: messages may reach logs (ARCHITECTURE §5).
void check_string(std::string_view key, std::string_view value, const pointer_path& at,
                  findings& out) {
  if (key == "iban" && !is_valid_iban(value)) {
    out.push_back({at.str(), "bank_account.invalid_iban",
                   "IBAN " + mask_account(value) + " fails its length or mod-97 check"});
  } else if (key == "bic" && !is_valid_bic(value)) {
    out.push_back({at.str(), "bank_account.invalid_bic",
                   "BIC must be 4 letters, an ISO country code and 2 or 5 letters/digits"});
  } else if (key == "country" && !is_country_code(value)) {
    out.push_back({at.str(), "country.unknown",
                   "'" + std::string(value.substr(0, 8)) + "' is not an ISO 3166-1 alpha-2 code"});
  }
}

void walk(const nlohmann::json& node, pointer_path& at, findings& out) {
  if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) {
      at.push(i);
      walk(node[i], at, out);
      at.pop();
    }
    return;
  }
  if (!node.is_object()) return;
  for (const auto& [key, value] : node.get_ref<const nlohmann::json::object_t&>()) {
    at.push(key);
    if (value.is_string()) {
      check_string(key, value.get_ref<const std::string&>(), at, out);
      at.pop();
      continue;
    }
    if (is_creditor_reference_key(key)) {
      // ISO 11649: only references that claim to be RF references can be checked.
      if (const auto ref = string_member(value, "reference");
          ref && ref->starts_with("RF") && !is_valid_rf_creditor_reference(*ref)) {
        out.push_back({at.str("reference"), "remittance.invalid_rf_reference",
                       "RF creditor reference fails its ISO 11649 mod-97 check"});
      }
    }
    walk(value, at, out);
    at.pop();
  }
}

}  // namespace

void check_bank_identifiers(const nlohmann::json& doc, std::string_view base, findings& out) {
  pointer_path at(base);
  walk(doc, at, out);
}

}  // namespace erpc::contract_detail
