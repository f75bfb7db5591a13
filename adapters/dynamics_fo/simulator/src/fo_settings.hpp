// SPDX-License-Identifier: Apache-2.0
// Every setting of the F&O simulator: the behaviours vendors.md §5 marks unconfirmed or
// setup-dependent, and the test credentials — each with its default and the line it stands for
// (docs/simulators-dynamics-fo.md has the table). The auth.* and rate_limit.* names are the ones
// the reused Business Central token endpoint and rate window (bc_auth) read.
#pragma once

#include <erpc/sim/simulator_settings.hpp>

#include <vector>

namespace erpc::sim::fo::setting {

// Authentication (vendors.md §5.2), read by bc_auth.
inline constexpr const char* tenant_id = "auth.tenant_id";
inline constexpr const char* client_id = "auth.client_id";
inline constexpr const char* client_secret = "auth.client_secret";
inline constexpr const char* token_ttl = "auth.token_ttl_seconds";
// The legal entity a request without cross-company=true sees (§5.1).
inline constexpr const char* default_company = "odata.default_company";
inline constexpr const char* companies = "odata.companies";
// Server-driven paging (§5.1: max page 10,000).
inline constexpr const char* page_size = "odata.page_size";
// Accounts payable parameter "check invoice number used" (BANKING.md "F&O").
inline constexpr const char* check_invoice_number = "invoices.check_invoice_number_used";
// Vendor invoice header key (§5.1: HeaderReference unconfirmed): a number sequence.
inline constexpr const char* header_reference_prefix = "invoices.header_reference_prefix";
inline constexpr const char* tax_percentages = "invoices.tax_percentages";
// Journal batch numbers come from a number sequence (BANKING.md "F&O").
inline constexpr const char* journal_batch_prefix = "journals.batch_number_prefix";
// Throttling (§5.4), read by bc_auth.
inline constexpr const char* rate_limit_requests = "rate_limit.requests";
inline constexpr const char* rate_limit_window = "rate_limit.window_seconds";
inline constexpr const char* retry_after_seconds = "rate_limit.retry_after_seconds";

std::vector<setting_spec> all();

}  // namespace erpc::sim::fo::setting
