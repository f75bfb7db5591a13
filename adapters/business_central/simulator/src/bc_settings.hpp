// SPDX-License-Identifier: Apache-2.0
// Every setting of the Business Central simulator: the behaviours vendors.md §4 marks
// unconfirmed or setup-dependent, and the test credentials — each with its default and the
// line it stands for (adapters/business_central/README.md has the table).
#pragma once

#include <erpc/sim/simulator_settings.hpp>

#include <vector>

namespace erpc::sim::bc::setting {

// Authentication (vendors.md §4.2).
inline constexpr const char* tenant_id = "auth.tenant_id";
inline constexpr const char* client_id = "auth.client_id";
inline constexpr const char* client_secret = "auth.client_secret";
inline constexpr const char* token_ttl = "auth.token_ttl_seconds";
// Company and environment (§4.1).
inline constexpr const char* environment = "api.environment";
inline constexpr const char* company_id = "api.company_id";
// Paging (§4.5).
inline constexpr const char* page_size = "odata.page_size";
// Concurrency control (§4.3).
inline constexpr const char* require_if_match = "etag.require_if_match";
inline constexpr const char* entity_changed_status = "etag.entity_changed_status";
// Duplicate keys (§4.3).
inline constexpr const char* same_key_status = "errors.same_key_status";
// Purchase documents (§4.3; BANKING.md "Business Central").
inline constexpr const char* duplicate_vendor_invoice_number =
    "purchase.duplicate_vendor_invoice_number";  // reject_at_create | reject_at_post
inline constexpr const char* duplicate_error_code = "purchase.duplicate_error_code";
inline constexpr const char* vat_percentages = "purchase.vat_percentages";
// Vendor payment journals (§4.1 vendorPayment; BANKING.md "The pay-and-settle flow").
inline constexpr const char* payment_journal_post = "payments.journal_post";
inline constexpr const char* payables_account = "payments.payables_account";
inline constexpr const char* payment_reversal = "payments.reversal";  // unavailable | bound_action
// Throttling (§4.5).
inline constexpr const char* rate_limit_requests = "rate_limit.requests";
inline constexpr const char* rate_limit_window = "rate_limit.window_seconds";
inline constexpr const char* retry_after_seconds = "rate_limit.retry_after_seconds";

std::vector<setting_spec> all();

}  // namespace erpc::sim::bc::setting
