// SPDX-License-Identifier: Apache-2.0
// One Business Central connection: the client (Entra token, company URL) and the dispatch of
// each canonical operation (adapters/business_central/README.md).
//   Supplier      create, get, list, update → vendors (natural key: number; update with If-Match)
//   Invoice       create, get, list         → purchaseInvoices / purchaseCreditMemos + post
//   JournalEntry  create, get               → journals + journalLines + post; read from G/L entries
//   Payment       create, get               → vendorPaymentJournals + vendorPayments + post; read from G/L entries
#pragma once

#include "bc_client.hpp"
#include "journal_create.hpp"
#include "payment_create.hpp"
#include "purchase_document_create.hpp"

#include <erpc/adapter.hpp>

namespace erpc::bc {

class bc_connection final : public connection {
 public:
  bc_connection(host_ref host, connection_config config, call_context& ctx);

  result execute(const request& req, call_context& ctx) override;

  // adapter::check: the credentials and the company, verified against BC.
  void verify(call_context& ctx);

 private:
  result create_supplier(const request& req, call_context& ctx);
  result update_supplier(const request& req, call_context& ctx);
  result get(const request& req, call_context& ctx);
  result list(const request& req, call_context& ctx);
  std::vector<nlohmann::json> vendors_numbered(const std::string& number, call_context& ctx);

  bc_client client_;
  purchase_document_create documents_;
  journal_create journals_;
  payment_create payments_;
};

}  // namespace erpc::bc
