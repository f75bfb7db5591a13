// SPDX-License-Identifier: Apache-2.0
// The Dynamics 365 Finance & Operations simulator (vendors.md §5; docs/simulators-dynamics-fo.md):
// OData v4 data entities under /data — VendorsV2, VendorInvoiceHeaders + VendorInvoiceLines,
// LedgerJournalHeaders + LedgerJournalLines — addressed by their full key
// `(dataAreaId='usmf',Key='…')`, with $filter (eq/ne joined by and), $top/$skip, server-driven
// paging (@odata.nextLink), `cross-company=true`, number sequences (invoice header references,
// journal batch numbers: a new one on every POST), duplicates as HTTP 500 with an empty
// error.code and the Infolog in innererror (§5.3), the "check invoice number used" parameter,
// 429 + Retry-After (§5.4), behind Microsoft Entra client credentials (§5.2).
//
//   erpc::sim::simulator_server sim(erpc::sim::make_dynamics_fo_simulator());
//   sim.start();   // data entities under sim.base_url() + "/data"
#pragma once

#include <erpc/sim/vendor_simulator.hpp>

#include <memory>

namespace erpc::sim {

// vendor() is "dynamics_fo" (the name `erpc sim` takes).
std::unique_ptr<vendor_simulator> make_dynamics_fo_simulator();

}  // namespace erpc::sim
