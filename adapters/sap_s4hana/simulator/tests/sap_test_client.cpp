// SPDX-License-Identifier: Apache-2.0
#include "sap_test_client.hpp"

#include <erpc/host/base64.hpp>
#include <erpc/sim/sap_s4hana_simulator.hpp>

#include <catch2/catch.hpp>

namespace erpc::sim::sap::testing {

std::string basic_credentials(const std::string& user, const std::string& password) {
  return "Basic " + erpc::base64_encode(user + ":" + password);
}

sap_client::sap_client(std::uint16_t port)
    : authorization(basic_credentials("ERPC_COMM_USER", "erpc-sim-password")), port_(port) {}

raw_http_response sap_client::exchange(const std::string& method, const std::string& target,
                                       header_list headers, const std::string& body) {
  if (!authorization.empty()) headers.emplace_back("Authorization", authorization);
  if (!cookies.empty()) headers.emplace_back("Cookie", cookies);
  auto r = erpc::testing::raw_http(port_, method, target, headers, body);
  for (const auto& [name, value] : r.headers) {
    if (name != "Set-Cookie" && name != "set-cookie") continue;
    const auto pair = value.substr(0, value.find(';'));
    cookies += (cookies.empty() ? "" : "; ") + pair;
  }
  return r;
}

raw_http_response sap_client::fetch_csrf(const std::string& service) {
  auto r = exchange("GET", service + "/",
                    {{"X-CSRF-Token", "Fetch"}, {"Accept", "application/json"}}, "");
  csrf_token = r.header("X-CSRF-Token");
  return r;
}

raw_http_response sap_client::get(const std::string& target, header_list extra) {
  extra.emplace_back("Accept", "application/json");
  return exchange("GET", target, std::move(extra), "");
}

raw_http_response sap_client::send(const std::string& method, const std::string& target,
                                   const std::string& body, header_list extra) {
  extra.emplace_back("Accept", "application/json");
  extra.emplace_back("Content-Type", "application/json");
  if (!csrf_token.empty()) extra.emplace_back("X-CSRF-Token", csrf_token);
  return exchange(method, target, std::move(extra), body);
}

sap_fixture::sap_fixture() : sim(std::make_unique<simulator_server>(make_sap_s4hana_simulator())) {
  sim->start();
  client = std::make_unique<sap_client>(sim->port());
  const auto fetched = client->fetch_csrf();
  REQUIRE(fetched.status == 200);
  REQUIRE(!client->csrf_token.empty());
}

void sap_fixture::set(const nlohmann::json& settings) {
  const auto r = erpc::testing::raw_http(sim->port(), "PUT", "/_sim/settings",
                                         {{"Content-Type", "application/json"}}, settings.dump());
  INFO(r.body);
  REQUIRE(r.status == 200);
}

nlohmann::json sap_fixture::effects(const std::string& query) {
  const auto r = erpc::testing::raw_http(sim->port(), "GET", "/_sim/effects" + query);
  REQUIRE(r.status == 200);
  return nlohmann::json::parse(r.body);
}

nlohmann::json body_json(const raw_http_response& r) {
  INFO("status " << r.status << " body " << r.body);
  REQUIRE_NOTHROW(nlohmann::json::parse(r.body));
  return nlohmann::json::parse(r.body);
}

std::string create_supplier(sap_client& client, const std::string& external_id,
                            bool check_duplicates, const std::string& company_code) {
  const nlohmann::json body = {
      {"BusinessPartnerCategory", "2"},
      {"BusinessPartnerGrouping", "BP02"},
      {"OrganizationBPName1", "Supplier " + external_id},
      {"BusinessPartnerIDByExtSystem", external_id},
      {"to_BusinessPartnerRole",
       {{"results", {{{"BusinessPartnerRole", "FLVN00"}}, {{"BusinessPartnerRole", "FLVN01"}}}}}},
      {"to_Supplier",
       {{"to_SupplierCompany",
         {{"results",
           {{{"CompanyCode", company_code},
             {"ReconciliationAccount", "21100000"},
             {"IsToBeCheckedForDuplicates", check_duplicates}}}}}}}}};
  const auto r = client.post(bp_service + "/A_BusinessPartner", body);
  INFO(r.body);
  REQUIRE(r.status == 201);
  return body_json(r)["d"]["BusinessPartner"].get<std::string>();
}

nlohmann::json invoice_body(const std::string& reference, const std::string& supplier,
                            const std::string& amount, const std::string& company_code) {
  return {{"CompanyCode", company_code},
          {"DocumentDate", "2026-03-01T00:00:00"},
          {"PostingDate", "2026-03-02T00:00:00"},
          {"SupplierInvoiceIDByInvcgParty", reference},
          {"InvoicingParty", supplier},
          {"DocumentCurrency", "USD"},
          {"InvoiceGrossAmount", amount},
          {"TaxIsCalculatedAutomatically", true},
          {"to_SupplierInvoiceItemGLAcct",
           {{"results",
             {{{"SupplierInvoiceItem", "1"},
               {"CompanyCode", company_code},
               {"GLAccount", "61008000"},
               {"CostCenter", "17101101"},
               {"DocumentCurrency", "USD"},
               {"SupplierInvoiceItemAmount", amount},
               {"TaxCode", "I0"}}}}}}};
}

}  // namespace erpc::sim::sap::testing
