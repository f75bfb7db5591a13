// SPDX-License-Identifier: Apache-2.0
// One F&O connection: the client (Entra token, data entity URLs) and the dispatch of each
// canonical operation (adapters/dynamics_fo/README.md).
//   Supplier      create, get, list → VendorsV2 (natural key: dataAreaId + VendorAccountNumber)
//   Invoice       create, get, list → VendorInvoiceHeaders + VendorInvoiceLines (natural key:
//                                     dataAreaId + InvoiceAccount + InvoiceNumber)
//   JournalEntry  create, get       → LedgerJournalHeaders + LedgerJournalLines (the key's
//                                     reference in the header's Description)
//   Payment                         → UNSUPPORTED in this version (README "Missing")
#pragma once

#include "fo_client.hpp"
#include "invoice_create.hpp"
#include "journal_create.hpp"

#include <erpc/adapter.hpp>

namespace erpc::fo {

class fo_connection final : public connection {
 public:
  fo_connection(host_ref host, connection_config config, call_context& ctx);

  result execute(const request& req, call_context& ctx) override;

  // adapter::check: the credentials and the legal entity, verified against F&O.
  void verify(call_context& ctx);

 private:
  result create_supplier(const request& req, call_context& ctx);
  result get(const request& req, call_context& ctx);
  result list(const request& req, call_context& ctx);

  fo_client client_;
  invoice_create invoices_;
  journal_create journals_;
};

}  // namespace erpc::fo
