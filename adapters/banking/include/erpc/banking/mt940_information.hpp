// SPDX-License-Identifier: Apache-2.0
// The MT940 `:86:` field: kept verbatim, and read for the structured keys banks commonly put in
// it (BANKING.md "MT940"; vendors.md §7.1 calls the layouts bank-specific). Two layouts:
//   - German DK/ZKA: "166?00SEPA-UEBERWEISUNG?20EREF+E2E-1?21SVWZ+INV-42?30BIC?31IBAN?32Name"
//     (sub-fields ?00…?63; ?20–?29 hold SEPA keywords EREF+, KREF+, MREF+, CRED+, SVWZ+…);
//   - SWIFT-style keys: "/EREF/E2E-1/REMI/INV-42/NAME/Acme GmbH/IBAN/DE89…" (Dutch banks).
// Anything else is free text. Nothing here is trusted for a balance; it helps matching.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace erpc::banking {

struct mt940_information {
  enum class layout { free_text, dk_subfields, swift_keys };
  layout format = layout::free_text;
  std::optional<std::string> end_to_end_id;       // EREF (never "NOTPROVIDED")
  std::optional<std::string> customer_reference;  // KREF
  std::optional<std::string> mandate_id;          // MREF / MARF
  std::optional<std::string> creditor_id;         // CRED / CSID
  std::optional<std::string> remittance;          // SVWZ / REMI, or the purpose lines
  std::optional<std::string> counterparty_name;   // ?32?33 / NAME
  std::optional<std::string> counterparty_account;  // ?31 / IBAN
  std::optional<std::string> counterparty_bic;      // ?30 / BIC
  std::optional<std::string> booking_text;          // ?00
  std::optional<std::string> transaction_code;      // the three digits before ?00 (GVC)
};

// `text` is the field content with line breaks as the file had them.
mt940_information parse_mt940_information(std::string_view text);

}  // namespace erpc::banking
