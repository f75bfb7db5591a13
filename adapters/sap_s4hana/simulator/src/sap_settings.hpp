// SPDX-License-Identifier: Apache-2.0
// Every setting of the SAP S/4HANA simulator: the behaviours vendors.md §2 marks unconfirmed
// or configurable in a real system, and the BANKING.md "Vendor duplicate semantics" rules for
// SAP — each with its default and the line it stands for (docs/simulators-sap.md has the table).
#pragma once

#include <erpc/sim/simulator_settings.hpp>

#include <vector>

namespace erpc::sim::sap::setting {

// Authentication (vendors.md §2.2).
inline constexpr const char* auth_methods = "sap.auth.methods";  // any | basic | oauth
inline constexpr const char* basic_user = "sap.auth.basic_user";
inline constexpr const char* basic_password = "sap.auth.basic_password";
inline constexpr const char* oauth_client_id = "sap.oauth.client_id";
inline constexpr const char* oauth_client_secret = "sap.oauth.client_secret";
inline constexpr const char* oauth_token_ttl = "sap.oauth.token_ttl_seconds";
// CSRF (vendors.md §2.2).
inline constexpr const char* csrf_required = "sap.csrf.required";
inline constexpr const char* csrf_token_ttl = "sap.csrf.token_ttl_seconds";
inline constexpr const char* csrf_bind_to_session = "sap.csrf.bind_to_session";
// OData (vendors.md §2.1, §2.5).
inline constexpr const char* page_size = "sap.odata.server_page_size";
inline constexpr const char* overlong_strings = "sap.odata.overlong_strings";  // reject|truncate
inline constexpr const char* require_json_request = "sap.odata.require_json_request";
// Supplier invoice (vendors.md §2.1, §2.3; BANKING.md SAP).
inline constexpr const char* require_known_supplier = "sap.invoice.require_known_supplier";
inline constexpr const char* duplicate_check = "sap.duplicate_check.enabled";
inline constexpr const char* duplicate_message_type = "sap.duplicate_check.message_type";
inline constexpr const char* duplicate_http_status = "sap.duplicate_check.http_status";
inline constexpr const char* duplicate_code = "sap.duplicate_check.code";
inline constexpr const char* duplicate_needs_supplier_flag =
    "sap.duplicate_check.requires_supplier_flag";
inline constexpr const char* duplicate_compare_amount = "sap.duplicate_check.compare_amount";
inline constexpr const char* duplicate_compare_currency = "sap.duplicate_check.compare_currency";
inline constexpr const char* duplicate_compare_company_code =
    "sap.duplicate_check.compare_company_code";
inline constexpr const char* duplicate_compare_document_date =
    "sap.duplicate_check.compare_document_date";
inline constexpr const char* duplicate_skips_credit_memos =
    "sap.duplicate_check.skips_credit_memos";
inline constexpr const char* duplicate_ignores_reversed = "sap.duplicate_check.ignores_reversed";
inline constexpr const char* duplicate_counts_parked = "sap.duplicate_check.counts_parked";
// Journal entry SOAP (vendors.md §2.1).
inline constexpr const char* journal_reference_check = "sap.journal.reference_check";

std::vector<setting_spec> all();

}  // namespace erpc::sim::sap::setting
