// SPDX-License-Identifier: Apache-2.0
// The SAP-generated EDMX documents in metadata/, compiled in by embed_metadata.cmake so the
// simulator serves `$metadata` and validates payloads against them wherever it runs.
#pragma once

#include <string_view>

namespace erpc::sim::sap {

std::string_view business_partner_edmx() noexcept;  // API_BUSINESS_PARTNER
std::string_view supplier_invoice_edmx() noexcept;  // API_SUPPLIERINVOICE_PROCESS_SRV

}  // namespace erpc::sim::sap
