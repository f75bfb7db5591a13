// SPDX-License-Identifier: Apache-2.0
// A client for the SAP simulator tests: Basic or bearer credentials, the session cookies and
// the CSRF token carried from one request to the next — what an adapter does, over real HTTP.
#pragma once

#include <erpc/sim/simulator_server.hpp>

#include <support/raw_http.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace erpc::sim::sap::testing {

using erpc::testing::raw_http_response;
using header_list = std::vector<std::pair<std::string, std::string>>;

inline const std::string bp_service = "/sap/opu/odata/sap/API_BUSINESS_PARTNER";
inline const std::string invoice_service = "/sap/opu/odata/sap/API_SUPPLIERINVOICE_PROCESS_SRV";

std::string basic_credentials(const std::string& user, const std::string& password);

class sap_client {
 public:
  explicit sap_client(std::uint16_t port);

  std::string authorization;  // the Authorization header value ("" sends none)
  std::string cookies;        // the Cookie header value, from every Set-Cookie seen
  std::string csrf_token;     // sent as X-CSRF-Token on modifying requests ("" sends none)

  // GET <service root> with X-CSRF-Token: Fetch; keeps the token and cookies.
  raw_http_response fetch_csrf(const std::string& service = bp_service);
  raw_http_response get(const std::string& target, header_list extra = {});
  raw_http_response send(const std::string& method, const std::string& target,
                         const std::string& body, header_list extra = {});
  raw_http_response post(const std::string& target, const nlohmann::json& body) {
    return send("POST", target, body.dump());
  }

 private:
  raw_http_response exchange(const std::string& method, const std::string& target,
                             header_list headers, const std::string& body);
  std::uint16_t port_;
};

// A simulator on an ephemeral port with a client that fetched a CSRF token.
struct sap_fixture {
  sap_fixture();
  void set(const nlohmann::json& settings);  // PUT /_sim/settings, REQUIREs 200
  nlohmann::json effects(const std::string& query = "");

  std::unique_ptr<simulator_server> sim;
  std::unique_ptr<sap_client> client;
};

nlohmann::json body_json(const raw_http_response& r);

// POST A_BusinessPartner with to_Supplier → to_SupplierCompany in `company_code`; returns the
// business partner (= supplier) number. REQUIREs 201.
std::string create_supplier(sap_client& client, const std::string& external_id,
                            bool check_duplicates, const std::string& company_code = "1710");

// An A_SupplierInvoice body with one G/L item.
nlohmann::json invoice_body(const std::string& reference, const std::string& supplier,
                            const std::string& amount = "1000.00",
                            const std::string& company_code = "1710");

}  // namespace erpc::sim::sap::testing
