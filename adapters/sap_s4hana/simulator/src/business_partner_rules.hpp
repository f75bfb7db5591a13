// SPDX-License-Identifier: Apache-2.0
// API_BUSINESS_PARTNER behaviour (vendors.md §2.1): POST A_BusinessPartner with a deep insert of
// addresses, roles, bank details and to_Supplier → to_SupplierCompany. The business partner
// number comes from an internal number range (1000000, 1000001, …) unless the client sends
// one; the supplier gets the business partner's number; names are derived as the system does.
// Natural key in the effects log: BusinessPartnerIDByExtSystem.
#pragma once

#include "odata_service.hpp"

namespace erpc::sim::sap {

class business_partner_rules final : public service_rules {
 public:
  void before_create(pending_record& root, entity_store& store,
                     std::vector<gateway_message>& warnings) override;
  std::string natural_key(std::string_view set, const nlohmann::json& record) const override;
};

// The navigations the simulator follows in API_BUSINESS_PARTNER.
std::vector<navigation_link> business_partner_navigations();

}  // namespace erpc::sim::sap
