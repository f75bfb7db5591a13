// SPDX-License-Identifier: Apache-2.0
// Canonical objects ↔ Business Central API v2.0 entities, both directions, and the fields a
// natural-key read-back compares (BANKING.md "Vendor duplicate semantics": supplier, amount,
// currency, date and lines). supplier_mapping.cpp: Supplier ↔ vendor; invoice_mapping.cpp:
// Invoice (invoice or credit note) ↔ purchaseInvoice / purchaseCreditMemo with lines. A present
// canonical field BC cannot hold here is refused (UNSUPPORTED bc.field_unsupported), never
// dropped.
#pragma once

#include "bc_config.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace erpc::bc {

// The version of the canonical ↔ BC mapping, in the manifest's mapping_version.
inline constexpr const char* mapping_version = "business_central-1";

// Supplier ↔ vendor. `number` is required: it is the vendor's natural key (No., Code[20]).
nlohmann::json supplier_to_vendor(const nlohmann::json& payload, const connection_config& config);
nlohmann::json supplier_from_vendor(const nlohmann::json& vendor, const connection_config& config);
nlohmann::json supplier_compared_fields(const nlohmann::json& vendor_body);

// The two purchase document kinds (vendors.md §4.1).
struct document_entity {
  const char* entity_set;  // purchaseInvoices | purchaseCreditMemos
  const char* lines;       // purchaseInvoiceLines | purchaseCreditMemoLines
  const char* date_field;  // invoiceDate | creditMemoDate
  const char* reference;   // vendorInvoiceNumber | externalDocumentNumber (the natural key)
  const char* label;       // purchase invoice | purchase credit memo
};
const document_entity& invoice_entity();
const document_entity& credit_memo_entity();

struct purchase_document {
  const document_entity* entity = nullptr;
  nlohmann::json body;  // the POST body, lines by deep insert
};

// Invoice (payable invoice or credit note) → a purchase document body.
purchase_document invoice_to_vendor(const nlohmann::json& payload, const connection_config& config);
// A purchase document read with its lines expanded.
nlohmann::json invoice_from_vendor(const nlohmann::json& document, const document_entity& entity,
                                   const connection_config& config);
// What a read-back compares: the header fields the body names and every line's account,
// quantity, unit cost and tax code. Works on a POST body and on a read document alike.
nlohmann::json invoice_compared_fields(const nlohmann::json& document,
                                       const document_entity& entity,
                                       const nlohmann::json& sent_body);

// The canonical answer of a create: the payload as sent, with the BC id.
nlohmann::json created_document(nlohmann::json payload, const std::string& vendor_id);

}  // namespace erpc::bc
