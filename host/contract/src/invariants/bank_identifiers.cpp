#include "invariants.hpp"

#include "document_scan.hpp"
#include "json_money.hpp"
#include "json_pointer.hpp"

#include <erpc/identifiers.hpp>

#include <string>

namespace erpc::contract_detail {
// Identifiers are not echoed in full: messages may reach logs (ARCHITECTURE §5).
void check_bank_string_member(std::string_view key, const std::string& value,
                              const pointer_path& at, findings& out) {
  if (key == "iban" && !is_valid_iban(value)) {
    out.push_back({at.str(), "bank_account.invalid_iban",
                   "IBAN " + mask_account(value) + " fails its length or mod-97 check"});
  } else if (key == "bic" && !is_valid_bic(value)) {
    out.push_back({at.str(), "bank_account.invalid_bic",
                   "BIC must be 4 letters, an ISO country code and 2 or 5 letters/digits"});
  } else if (key == "country" && !is_country_code(value)) {
    out.push_back({at.str(), "country.unknown",
                   "'" + value.substr(0, 8) + "' is not an ISO 3166-1 alpha-2 code"});
  }
}

// ISO 11649: only references that claim to be RF references can be checked.
void check_creditor_reference_member(std::string_view key, const nlohmann::json& value,
                                     const pointer_path& at, findings& out) {
  if (!is_creditor_reference_key(key)) return;
  if (const auto ref = string_member(value, "reference");
      ref && ref->starts_with("RF") && !is_valid_rf_creditor_reference(*ref)) {
    out.push_back({at.str("reference"), "remittance.invalid_rf_reference",
                   "RF creditor reference fails its ISO 11649 mod-97 check"});
  }
}

void check_bank_identifiers(const nlohmann::json& doc, std::string_view base, findings& out) {
  scan_appending(doc, base,
                 {.limits = false, .money = std::nullopt, .bank = true, .single_currency = {}},
                 &scan_findings::bank, out);
}

}  // namespace erpc::contract_detail
