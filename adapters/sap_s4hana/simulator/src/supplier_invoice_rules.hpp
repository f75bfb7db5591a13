// SPDX-License-Identifier: Apache-2.0
// API_SUPPLIERINVOICE_PROCESS_SRV behaviour (vendors.md §2.1, §2.3; BANKING.md SAP):
//   - POST A_SupplierInvoice (deep insert of G/L, PO-reference and tax items): required header
//     fields; the invoicing party must exist in the company code
//     (sap.invoice.require_known_supplier); SupplierInvoice from the number range 5105600001…,
//     FiscalYear = the posting date's year; SupplierInvoiceStatus "5" (posted) unless the client
//     parks ("A") or holds ("D") the invoice; the duplicate-invoice check
//     (duplicate_invoice_check.hpp) refuses — or, as a warning, posts with sap-message;
//   - function imports Post (a parked/held invoice → posted), Release (clears the payment
//     block) and Cancel (reverses a posted invoice: a reversal document, IsReversed on the
//     original) with their EDMX parameters as OData literals in the query;
//   - invoices are not updated through PUT/PATCH/MERGE (the API offers no update).
// Natural key in the effects log: "<InvoicingParty>/<SupplierInvoiceIDByInvcgParty>".
#pragma once

#include "odata_service.hpp"

#include <erpc/sim/simulator_settings.hpp>

namespace erpc::sim::sap {

class supplier_invoice_rules final : public service_rules {
 public:
  explicit supplier_invoice_rules(const simulator_settings& settings) : settings_(settings) {}

  void before_create(pending_record& root, entity_store& store,
                     std::vector<gateway_message>& warnings) override;
  void before_update(std::string_view set, const nlohmann::json& current,
                     const nlohmann::json& updated) const override;
  std::string natural_key(std::string_view set, const nlohmann::json& record) const override;
  std::optional<nlohmann::json> call_function(std::string_view name, const http_params& params,
                                              record_writer& writer) override;

 private:
  const simulator_settings& settings_;
};

std::vector<navigation_link> supplier_invoice_navigations();

}  // namespace erpc::sim::sap
