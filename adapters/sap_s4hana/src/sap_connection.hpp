// SPDX-License-Identifier: Apache-2.0
// One SAP S/4HANA connection: the client (auth, CSRF, cookies), the value maps, and the
// dispatch of each canonical operation (docs: adapters/sap_s4hana/README.md).
//   Supplier      create, get, list, update  → API_BUSINESS_PARTNER A_BusinessPartner
//   Invoice       create, get, list          → API_SUPPLIERINVOICE_PROCESS_SRV A_SupplierInvoice
//   JournalEntry  create                     → journal entry SOAP service
//   Payment       —                          → UNSUPPORTED (vendors.md §2.1: no payment API)
#pragma once

#include "natural_key_create.hpp"
#include "sap_client.hpp"

#include <erpc/adapter.hpp>

namespace erpc::sap {

inline constexpr const char* invoice_service = "API_SUPPLIERINVOICE_PROCESS_SRV";
inline constexpr const char* partner_service = "API_BUSINESS_PARTNER";

class sap_connection final : public connection {
 public:
  sap_connection(host_ref host, connection_config config, call_context& ctx);

  result execute(const request& req, call_context& ctx) override;

  // What the native level needs, verified against the system (adapter::check): credentials,
  // the CSRF handshake, and suppliers whose duplicate-invoice check is off. Logged; throws when
  // the system cannot be reached or refuses the credentials.
  void verify(call_context& ctx);

 private:
  std::string resolve_supplier(const nlohmann::json& party, const std::string& pointer,
                               call_context& ctx);
  result create_journal(const request& req, call_context& ctx);
  result get(const request& req, call_context& ctx);
  result list(const request& req, call_context& ctx);
  result update_supplier(const request& req, call_context& ctx);
  nlohmann::json read_entity(const std::string& service, const std::string& path,
                             const std::string& expand, call_context& ctx);
  void patch(const std::string& service, const std::string& path, const nlohmann::json& body,
             call_context& ctx);

  sap_client client_;
  natural_key_create invoices_;
  natural_key_create suppliers_;
};

}  // namespace erpc::sap
