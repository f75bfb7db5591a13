// SPDX-License-Identifier: Apache-2.0
// One Coupa connection: the authenticated client and the dispatch of each canonical operation
// to its resource mapping (adapters/coupa/README.md).
//   Supplier  create, get, list   → /api/suppliers
//   Invoice   list                → /api/invoices?status[in]=approved&exported=false: what is
//                                   waiting to be booked in the ERP
//             get                 → /api/invoices/{id}
//             update              → the export flag: marks the invoice exported, called by the
//                                   host after the ERP write committed (export_flag.cpp)
//             create              → POST /api/invoices, only with invoice_create (tenant setting)
#pragma once

#include "coupa_client.hpp"
#include "resource_mapping.hpp"

#include <erpc/adapter.hpp>

#include <map>
#include <memory>

namespace erpc::coupa {

class coupa_connection final : public connection {
 public:
  coupa_connection(host_ref host, connection_config config, call_context& ctx);

  result execute(const request& req, call_context& ctx) override;

 private:
  const resource_mapping& mapping_for(const std::string& object) const;
  nlohmann::json resolve_supplier(const nlohmann::json& party, const std::string& pointer, call_context& ctx);

  result create(const resource_mapping& m, const request& req, call_context& ctx);
  result get(const resource_mapping& m, const request& req, call_context& ctx);
  result list(const resource_mapping& m, const request& req, call_context& ctx);

  coupa_client client_;
  std::map<std::string, std::unique_ptr<resource_mapping>, std::less<>> mappings_;
};

// A Coupa record id (digits); "" when `text` is none.
bool is_record_id(const std::string& text);
// query.id or query.vendor_id, "" when neither is a string.
std::string query_id(const nlohmann::json& query);

}  // namespace erpc::coupa
