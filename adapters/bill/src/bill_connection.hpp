// SPDX-License-Identifier: Apache-2.0
// One BILL connection: the session client, the value maps, and the dispatch of each canonical
// operation to its record mapping (adapters/bill/README.md).
//   Supplier  create, get, list  → vendors
//   Invoice   create, get, list  → bills (credit notes UNSUPPORTED: vendor credits)
//   Payment   create, get        → payments (one bill a payment)
//   PaymentBatch submit          → payments/mass (asynchronous, mass_payment.hpp)
//   PaymentStatus list           → payments/mass/{paymentBatchId}
//   JournalEntry and everything else UNSUPPORTED: BILL is AP automation, not a ledger.
#pragma once

#include "bill_api.hpp"
#include "bill_client.hpp"
#include "record_mapping.hpp"

#include <erpc/adapter.hpp>

#include <map>
#include <memory>

namespace erpc::bill {

class bill_connection final : public connection {
 public:
  bill_connection(host_ref host, connection_config config, call_context& ctx);

  result execute(const request& req, call_context& ctx) override;

 private:
  const record_mapping& mapping_for(const std::string& object) const;
  mapping_context make_mapping_context(const request& req, call_context& ctx);
  std::string resolve_vendor(const nlohmann::json& party, const std::string& pointer, call_context& ctx);
  nlohmann::json resolve_bill(const nlohmann::json& document, const std::string& vendor_id,
                              const std::string& pointer, call_context& ctx);

  result create(const record_mapping& m, const request& req, call_context& ctx);
  result get(const record_mapping& m, const request& req, call_context& ctx);
  result list(const record_mapping& m, const request& req, call_context& ctx);

  bill_client client_;
  bill_api api_;
  std::map<std::string, std::unique_ptr<record_mapping>, std::less<>> mappings_;
};

}  // namespace erpc::bill
