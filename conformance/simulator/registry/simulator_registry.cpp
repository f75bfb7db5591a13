// SPDX-License-Identifier: Apache-2.0
#include "erpc/sim/simulator_registry.hpp"

#include <erpc/error.hpp>
#include <erpc/sim/bank/bank_simulator.hpp>
#include <erpc/sim/bill/bill_simulator.hpp>
#include <erpc/sim/business_central_simulator.hpp>
#include <erpc/sim/coupa/coupa_simulator.hpp>
#include <erpc/sim/dynamics_fo_simulator.hpp>
#include <erpc/sim/netsuite/netsuite_simulator.hpp>
#include <erpc/sim/openbanking_uk_simulator.hpp>
#include <erpc/sim/oracle_fusion/oracle_fusion_simulator.hpp>
#include <erpc/sim/sap_s4hana_simulator.hpp>

#include <array>
#include <string>

namespace erpc::sim {

namespace {

// One line a vendor.
constexpr std::array simulators = {
    registered_simulator{"netsuite", "Oracle NetSuite SuiteTalk REST (vendors.md §1)",
                         &netsuite::make_netsuite_simulator},
    registered_simulator{"sap_s4hana",
                         "SAP S/4HANA OData v2 + journal entry SOAP (vendors.md §2)",
                         &make_sap_s4hana_simulator},
    registered_simulator{"openbanking_uk",
                         "UK Open Banking Payment Initiation v3.1.11 (vendors.md §8)",
                         &make_openbanking_uk_simulator},
    registered_simulator{"bank", "Bank file gateway: pain.001 in, pain.002 + camt.053/MT940/BAI2 "
                         "out (vendors.md §6, §7; docs/simulators-bank.md)",
                         &bank::make_bank_simulator},
    registered_simulator{"business_central",
                         "Dynamics 365 Business Central API v2.0 (vendors.md §4)",
                         &make_business_central_simulator},
    registered_simulator{"oracle_fusion", "Oracle Fusion Cloud Financials ADF REST (vendors.md §3)",
                         &oracle_fusion::make_oracle_fusion_simulator},
    registered_simulator{"coupa", "Coupa Core API: suppliers, invoices, export flag (vendors.md §10.1)",
                         &coupa::make_coupa_simulator},
    registered_simulator{"dynamics_fo",
                         "Dynamics 365 Finance & Operations OData data entities (vendors.md §5)",
                         &make_dynamics_fo_simulator},
    registered_simulator{"bill", "BILL v3 API: vendors, bills, payments, mass payments "
                         "(vendors.md §10.2; docs/simulators-bill.md)",
                         &bill::make_bill_simulator},
};

}  // namespace

std::span<const registered_simulator> registered_simulators() { return simulators; }

std::unique_ptr<vendor_simulator> make_simulator(std::string_view vendor) {
  std::string known;
  for (const auto& s : simulators) {
    if (s.vendor == vendor) return s.make();
    known += (known.empty() ? "" : ", ") + std::string(s.vendor);
  }
  throw error(error_class::configuration, "sim.unknown_vendor",
              "no simulator for '" + std::string(vendor) + "' (there are: " + known + ")");
}

}  // namespace erpc::sim
