// SPDX-License-Identifier: Apache-2.0
// The SAP S/4HANA simulator (docs/simulators-sap.md; vendors.md §2): API_BUSINESS_PARTNER and
// API_SUPPLIERINVOICE_PROCESS_SRV over OData v2, journal entries over SOAP, Basic and OAuth 2.0
// client credentials, the CSRF handshake, Gateway error bodies and the duplicate-invoice check,
// with every unconfirmed behaviour a setting.
//
//   erpc::sim::simulator_server sim(erpc::sim::make_sap_s4hana_simulator());
//   sim.start();   // OData under sim.base_url() + "/sap/opu/odata/sap/…"
#pragma once

#include <erpc/sim/vendor_simulator.hpp>

#include <memory>

namespace erpc::sim {

// vendor() is "sap_s4hana" (the name `erpc sim` takes).
std::unique_ptr<vendor_simulator> make_sap_s4hana_simulator();

}  // namespace erpc::sim
