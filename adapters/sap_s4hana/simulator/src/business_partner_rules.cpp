// SPDX-License-Identifier: Apache-2.0
#include "business_partner_rules.hpp"

#include "odata_values.hpp"

namespace erpc::sim::sap {

namespace {

std::string text_of(const nlohmann::json& record, const char* name) {
  const auto it = record.find(name);
  return it != record.end() && it->is_string() ? it->get<std::string>() : std::string();
}

gateway_error missing(const std::string& set, const char* field) {
  return gateway_error(400, codes::missing_field,
                       "Property '" + std::string(field) + "' of '" + set + "' is required",
                       {{codes::missing_field, "Enter a value for '" + std::string(field) + "'",
                         "error", field}});
}

}  // namespace

std::vector<navigation_link> business_partner_navigations() {
  return {
      {"A_BusinessPartner", "to_BusinessPartnerAddress", "A_BusinessPartnerAddress",
       {{"BusinessPartner", "BusinessPartner"}}, true},
      {"A_BusinessPartner", "to_BusinessPartnerRole", "A_BusinessPartnerRole",
       {{"BusinessPartner", "BusinessPartner"}}, true},
      {"A_BusinessPartner", "to_BusinessPartnerBank", "A_BusinessPartnerBank",
       {{"BusinessPartner", "BusinessPartner"}}, true},
      {"A_BusinessPartner", "to_Supplier", "A_Supplier", {{"BusinessPartner", "Supplier"}},
       false},
      {"A_Supplier", "to_SupplierCompany", "A_SupplierCompany", {{"Supplier", "Supplier"}}, true},
  };
}

void business_partner_rules::before_create(pending_record& root, entity_store& store,
                                           std::vector<gateway_message>& warnings) {
  (void)warnings;
  if (root.set != "A_BusinessPartner") {
    throw gateway_error(405, codes::method_not_allowed,
                        "Create is offered for A_BusinessPartner only (deep insert)");
  }
  auto& bp = root.record;
  const auto category = text_of(bp, "BusinessPartnerCategory");
  if (category.empty()) throw missing(root.set, "BusinessPartnerCategory");
  if (category != "1" && category != "2" && category != "3") {
    throw gateway_error(400, codes::invalid_value,
                        "BusinessPartnerCategory " + category + " is not 1, 2 or 3");
  }
  if (text_of(bp, "BusinessPartner").empty()) {
    bp["BusinessPartner"] = std::to_string(store.next_number("BusinessPartner", 1000000));
  }
  const auto name = category == "2"
                        ? text_of(bp, "OrganizationBPName1")
                        : text_of(bp, "FirstName") + (text_of(bp, "FirstName").empty() ? "" : " ") +
                              text_of(bp, "LastName");
  bp["BusinessPartnerFullName"] = name;
  bp["BusinessPartnerName"] = name;
  bp["CreationDate"] = today_odata_date();
  bp["CreatedByUser"] = "ERPC_COMM_USER";

  for (auto& child : root.children) {
    if (child.via != "to_Supplier") continue;
    bp["Supplier"] = bp["BusinessPartner"];
    child.record["SupplierName"] = name.substr(0, 80);
    child.record["SupplierFullName"] = name;
    child.record["CreationDate"] = bp["CreationDate"];
    for (const auto& company : child.children) {
      if (company.via == "to_SupplierCompany" && text_of(company.record, "CompanyCode").empty()) {
        throw missing("A_SupplierCompany", "CompanyCode");
      }
    }
  }
  for (const auto& child : root.children) {
    if (child.via == "to_BusinessPartnerRole" &&
        text_of(child.record, "BusinessPartnerRole").empty()) {
      throw missing("A_BusinessPartnerRole", "BusinessPartnerRole");
    }
  }
}

std::string business_partner_rules::natural_key(std::string_view set,
                                                const nlohmann::json& record) const {
  return set == "A_BusinessPartner" ? text_of(record, "BusinessPartnerIDByExtSystem") : "";
}

}  // namespace erpc::sim::sap
