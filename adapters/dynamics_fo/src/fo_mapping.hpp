// SPDX-License-Identifier: Apache-2.0
// Canonical objects ↔ F&O data entities, both directions, and the fields a natural-key
// read-back compares (BANKING.md "Vendor duplicate semantics": supplier, amount, currency, date
// and lines). supplier_mapping.cpp: Supplier ↔ VendorsV2; invoice_mapping.cpp: Invoice (invoice
// or credit note) ↔ VendorInvoiceHeaders + VendorInvoiceLines; journal_mapping.cpp: JournalEntry
// ↔ LedgerJournalHeaders + LedgerJournalLines. A present canonical field F&O cannot hold here is
// refused (UNSUPPORTED fo.field_unsupported), never dropped.
#pragma once

#include "fo_config.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace erpc::fo {

// The version of the canonical ↔ F&O mapping, in the manifest's mapping_version.
inline constexpr const char* mapping_version = "dynamics_fo-1";

// Supplier ↔ VendorsV2 row. `number` is required: it is VendorAccountNumber, the key.
nlohmann::json supplier_to_vendor(const nlohmann::json& payload, const connection_config& config);
nlohmann::json supplier_from_vendor(const nlohmann::json& vendor, const connection_config& config);
// What a read-back compares: every field supplier_to_vendor writes.
nlohmann::json supplier_compared_fields(const nlohmann::json& vendor_row);

struct vendor_invoice {
  nlohmann::json header;  // VendorInvoiceHeaders body (no HeaderReference: a number sequence)
  nlohmann::json lines;   // VendorInvoiceLines bodies, LineNumber 1..n, without HeaderReference
};
// Invoice (payable invoice or credit note) → header + lines. A credit note is the same entity
// with negative quantities and line amounts (F&O has no separate credit memo entity).
vendor_invoice invoice_to_vendor(const nlohmann::json& payload, const connection_config& config);
nlohmann::json invoice_from_vendor(const nlohmann::json& header, const nlohmann::json& lines,
                                   const connection_config& config);
nlohmann::json invoice_header_compared(const nlohmann::json& header);
nlohmann::json invoice_line_compared(const nlohmann::json& line);

// The reference an idempotency key travels in on a journal header (Description) and its lines
// (Document): "ERPC" + 16 base32 characters of SHA-256(key) — journal batch numbers change on
// every POST (BANKING.md "F&O"), so the key must be carried, not derived from the number.
std::string journal_reference(std::string_view idempotency_key);

struct ledger_journal {
  nlohmann::json header;  // LedgerJournalHeaders body (no JournalBatchNumber: a number sequence)
  nlohmann::json lines;   // LedgerJournalLines bodies, LineNumber 1..n, without JournalBatchNumber
};
ledger_journal journal_to_vendor(const nlohmann::json& payload, const connection_config& config,
                                 const std::string& reference);
nlohmann::json journal_from_vendor(const nlohmann::json& header, const nlohmann::json& lines,
                                   const connection_config& config);
nlohmann::json journal_line_compared(const nlohmann::json& line);

}  // namespace erpc::fo
