// SPDX-License-Identifier: Apache-2.0
// The Dynamics 365 Business Central simulator (vendors.md §4; adapters/business_central/
// README.md): API v2.0 over OData v4 — companies, vendors, purchaseInvoices (+ lines,
// Microsoft.NAV.post → 204), purchaseCreditMemos (+ lines, post) — behind Microsoft Entra
// client credentials, with ETags and If-Match, $filter/$top/@odata.nextLink, the 6,000-per-
// 5-minutes rate limit (429), OData v4 error bodies, and every unconfirmed behaviour a setting.
//
//   erpc::sim::simulator_server sim(erpc::sim::make_business_central_simulator());
//   sim.start();   // API under sim.base_url() + "/v2.0/production/api/v2.0"
#pragma once

#include <erpc/sim/vendor_simulator.hpp>

#include <memory>

namespace erpc::sim {

// vendor() is "business_central" (the name `erpc sim` takes).
std::unique_ptr<vendor_simulator> make_business_central_simulator();

}  // namespace erpc::sim
