// SPDX-License-Identifier: Apache-2.0
// The Oracle Fusion Cloud Financials simulator: ADF REST under
// /fscmRestApi/resources/11.13.18.05/ (vendors.md §3; docs/simulators.md has every setting).
//
//   suppliers                       POST create (201 + the item), GET collection (q, paging)
//   suppliers/{SupplierId}          GET, PATCH
//   suppliers/{SupplierId}/child/sites       POST, GET
//   invoices                        POST create with the invoiceLines child inline; the
//                                   invoice number is unique per supplier (§3.3)
//   invoices/{invoicesUniqID}       GET: the id is an opaque hash key the collection's links
//                                   give (§3.1 hash-key rule), never the InvoiceId
//   invoices/{invoicesUniqID}/child/invoiceLines   GET
//   payablesPayments                POST (Manual only, §3.1), GET collection
//   payablesPayments/{CheckId}      GET, PATCH (VoidDate / VoidAccountingDate voids, §3.1)
//   /oauth2/v1/token                client-credentials token (§3.2)
// Collections answer {items, count, hasMore, limit, offset, links[, totalResults]} (§3.5).
// Errors are plain text, or the ADF error JSON when the client asks for
// application/vnd.oracle.adf.error+json (§3.4). `Upsert-Mode: true` on a POST follows a setting
// (§3.3: its matching rule is unconfirmed).
#pragma once

#include <erpc/sim/vendor_simulator.hpp>

#include <memory>

namespace erpc::sim::oracle_fusion {

class oracle_fusion_simulator final : public vendor_simulator {
 public:
  oracle_fusion_simulator();
  ~oracle_fusion_simulator() override;

  std::string_view vendor() const override { return "oracle_fusion"; }
  std::vector<setting_spec> settings() const override;
  void install(http_router& router, simulator_context& context) override;
  void reset() override;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

std::unique_ptr<vendor_simulator> make_oracle_fusion_simulator();

}  // namespace erpc::sim::oracle_fusion
