// SPDX-License-Identifier: Apache-2.0
// One NetSuite connection: the signed client, the value maps, and the dispatch of each
// canonical operation to its record mapping (docs: adapters/netsuite/README.md).
//   Supplier      create, get, list, update  → vendor
//   Invoice       create, get, list          → vendorBill (invoice) / vendorCredit (credit note)
//   JournalEntry  create, get                → journalEntry
//   Payment       create, get, reverse       → vendorPayment (reverse = void, reopening the bills)
#pragma once

#include "natural_key_create.hpp"
#include "netsuite_client.hpp"
#include "record_api.hpp"
#include "record_mapping.hpp"

#include <erpc/adapter.hpp>

#include <map>
#include <memory>

namespace erpc::netsuite {

class netsuite_connection final : public connection {
 public:
  netsuite_connection(host_ref host, connection_config config, call_context& ctx);

  result execute(const request& req, call_context& ctx) override;
  // A create moves the payload into its answer instead of copying it.
  result execute_consuming(request&& req, call_context& ctx) override;

 private:
  const record_mapping& mapping_for(const std::string& object) const;
  mapping_context make_mapping_context(call_context& ctx);
  std::string resolve_supplier(const nlohmann::json& party, const std::string& pointer,
                               call_context& ctx);
  std::string resolve_document(std::string_view record_type, const nlohmann::json& document,
                               const std::string& entity_id, const std::string& pointer,
                               call_context& ctx);

  // `payload` is where the answer's copy of the payload comes from: req.payload itself when the
  // request is ours to consume (it is moved once the mapping has read it), else nullptr (copied).
  result create(const record_mapping& m, const request& req, nlohmann::json* payload,
                call_context& ctx);
  result dispatch(const request& req, nlohmann::json* payload, call_context& ctx);
  result get(const record_mapping& m, const request& req, call_context& ctx);
  result list(const record_mapping& m, const request& req, call_context& ctx);
  result update(const record_mapping& m, const request& req, call_context& ctx);
  result reverse_payment(const record_mapping& m, const request& req, call_context& ctx);

  netsuite_client client_;
  record_api api_;
  create_options create_options_;
  std::map<std::string, std::unique_ptr<record_mapping>, std::less<>> mappings_;
};

}  // namespace erpc::netsuite
