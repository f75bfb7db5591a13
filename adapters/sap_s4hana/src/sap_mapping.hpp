// SPDX-License-Identifier: Apache-2.0
// Canonical objects ↔ SAP S/4HANA records, both directions, and the fields a natural-key
// read-back compares (BANKING.md "Vendor duplicate semantics": supplier, amount, currency, date
// and lines). One concept a file: supplier_mapping.cpp (A_BusinessPartner deep insert),
// invoice_mapping.cpp (A_SupplierInvoice deep insert), journal_soap.cpp (the journal SOAP
// request). A present canonical field that SAP cannot hold here is refused (UNSUPPORTED
// `sap.field_unsupported`), never dropped.
#pragma once

#include "sap_config.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <string_view>

namespace erpc::sap {

// The version of the canonical ↔ SAP mapping, in the manifest's mapping_version.
inline constexpr const char* mapping_version = "sap_s4hana-1";

// Supplier ↔ A_BusinessPartner (+ to_BusinessPartnerRole, to_BusinessPartnerAddress,
// to_Supplier → to_SupplierCompany). The key marker (BusinessPartnerIDByExtSystem) is added by
// the create protocol.
nlohmann::json supplier_to_vendor(const nlohmann::json& payload, const connection_config& config);
// An A_BusinessPartner read with $expand=to_BusinessPartnerAddress,to_Supplier/to_SupplierCompany.
nlohmann::json supplier_from_vendor(const nlohmann::json& partner, const value_maps& maps);
nlohmann::json supplier_compared_fields(const nlohmann::json& partner);
std::string supplier_pointer(std::string_view property);

// Invoice (payable invoice or credit note) ↔ A_SupplierInvoice (+ to_SupplierInvoiceItemGLAcct,
// to_SupplierInvoiceTax). The key marker (DocumentHeaderText) is added by the create protocol.
// `resolve_supplier` turns the canonical supplier party into the SAP supplier number (it may
// cost a request: a lookup by SearchTerm1); VALIDATION at `pointer` when it names none.
using supplier_resolver =
    std::function<std::string(const nlohmann::json& party, const std::string& pointer)>;
nlohmann::json invoice_to_vendor(const nlohmann::json& payload, const value_maps& maps,
                                 const supplier_resolver& resolve_supplier);
// An A_SupplierInvoice read with $expand=to_SupplierInvoiceItemGLAcct,to_SupplierInvoiceTax.
nlohmann::json invoice_from_vendor(const nlohmann::json& invoice, const value_maps& maps);
nlohmann::json invoice_compared_fields(const nlohmann::json& invoice);
std::string invoice_pointer(std::string_view property);
// "5105600001/2026": the canonical id of an invoice (SupplierInvoice/FiscalYear).
std::string invoice_vendor_id(const nlohmann::json& invoice);

// The canonical answer of a create: the payload as sent, with the SAP id.
nlohmann::json created_document(nlohmann::json payload, const std::string& vendor_id);

}  // namespace erpc::sap
