// SPDX-License-Identifier: Apache-2.0
// API_BUSINESS_PARTNER over HTTP (vendors.md §2.1, §2.4, §2.5): supplier deep insert, reads,
// query options, paging, updates, Gateway errors, $metadata, and the effects they leave.
#include "embedded_metadata.hpp"
#include "sap_test_client.hpp"

#include <catch2/catch.hpp>

using namespace erpc::sim::sap::testing;
using erpc::testing::raw_http;

namespace {

const std::string partners = bp_service + "/A_BusinessPartner";

nlohmann::json supplier_body(const std::string& ext) {
  return {{"BusinessPartnerCategory", "2"},
          {"BusinessPartnerGrouping", "BP02"},
          {"OrganizationBPName1", "Acme GmbH"},
          {"BusinessPartnerIDByExtSystem", ext},
          {"to_BusinessPartnerAddress",
           {{"results",
             {{{"Country", "DE"}, {"CityName", "Munich"}, {"PostalCode", "80331"},
               {"StreetName", "Marienplatz 1"}}}}}},
          {"to_BusinessPartnerRole",
           {{"results",
             {{{"BusinessPartnerRole", "FLVN00"}}, {{"BusinessPartnerRole", "FLVN01"}}}}}},
          {"to_Supplier",
           {{"to_SupplierCompany",
             {{"results",
               {{{"CompanyCode", "1010"}, {"ReconciliationAccount", "21100000"},
                 {"PaymentTerms", "0004"}}}}}}}}};
}

void check_gateway_error(const raw_http_response& r, unsigned status, const std::string& code) {
  INFO(r.body);
  CHECK(r.status == static_cast<int>(status));
  const auto body = body_json(r);
  const auto& error = body["error"];
  CHECK(error["code"] == code);
  CHECK(error["message"]["lang"] == "en");
  CHECK(error["message"]["value"].is_string());
  const auto& inner = error["innererror"];
  CHECK(inner["application"]["service_id"].is_string());
  CHECK(inner["transactionid"].get<std::string>().size() == 32);
  CHECK(inner["timestamp"].get<std::string>().size() == 22);
  CHECK(inner["Error_Resolution"]["SAP_Note"].get<std::string>().find("1797736") !=
        std::string::npos);
  REQUIRE(inner["errordetails"].is_array());
  REQUIRE(!inner["errordetails"].empty());
  for (const auto& d : inner["errordetails"]) {
    CHECK(d.contains("code"));
    CHECK(d.contains("message"));
    CHECK(d.contains("propertyref"));
    CHECK(d.contains("severity"));
    CHECK(d.contains("target"));
    CHECK(d.contains("transition"));
  }
}

}  // namespace

TEST_CASE("a supplier is created by deep insert and read back every documented way",
          "[sap][bp]") {
  sap_fixture f;
  auto& c = *f.client;
  const auto created = c.post(partners, supplier_body("SUP-000123"));
  REQUIRE(created.status == 201);
  const auto d = body_json(created)["d"];
  const auto bp = d["BusinessPartner"].get<std::string>();
  CHECK(bp == "1000000");
  CHECK(created.header("Location").find("A_BusinessPartner('1000000')") != std::string::npos);
  CHECK(d["__metadata"]["type"] == "API_BUSINESS_PARTNER.A_BusinessPartnerType");
  CHECK(d["__metadata"]["uri"].get<std::string>().find("/sap/opu/odata/sap/API_BUSINESS_PARTNER/"
                                                       "A_BusinessPartner('1000000')") !=
        std::string::npos);
  CHECK(d["Supplier"] == bp);
  CHECK(d["BusinessPartnerFullName"] == "Acme GmbH");
  CHECK(d["CreationDate"].get<std::string>().rfind("/Date(", 0) == 0);
  // The deep-inserted parts come back inline; the rest is deferred.
  CHECK(d["to_Supplier"]["Supplier"] == bp);
  CHECK(d["to_Supplier"]["to_SupplierCompany"]["results"][0]["CompanyCode"] == "1010");
  CHECK(d["to_Supplier"]["to_SupplierCompany"]["results"][0]["IsToBeCheckedForDuplicates"] ==
        false);
  CHECK(d["to_BusinessPartnerAddress"]["results"][0]["CityName"] == "Munich");
  CHECK(d["to_BusinessPartnerAddress"]["results"][0]["AddressID"] == "1");
  CHECK(d["to_BusinessPartnerRole"]["results"].size() == 2);
  CHECK(d["to_BusinessPartnerBank"].contains("__deferred"));

  const auto by_key = c.get(partners + "('" + bp + "')?$expand=to_Supplier/to_SupplierCompany");
  REQUIRE(by_key.status == 200);
  const auto read = body_json(by_key)["d"];
  CHECK(read["BusinessPartnerIDByExtSystem"] == "SUP-000123");
  CHECK(read["to_Supplier"]["to_SupplierCompany"]["results"][0]["ReconciliationAccount"] ==
        "21100000");
  CHECK(read["FirstName"] == "");  // initial values are shown, as Gateway does

  const auto supplier = c.get(bp_service + "/A_Supplier('" + bp + "')?$expand=to_SupplierCompany");
  REQUIRE(supplier.status == 200);
  CHECK(body_json(supplier)["d"]["SupplierName"] == "Acme GmbH");
  const auto company =
      c.get(bp_service + "/A_SupplierCompany(Supplier='" + bp + "',CompanyCode='1010')");
  CHECK(company.status == 200);
  const auto via_nav = c.get(partners + "('" + bp + "')/to_BusinessPartnerAddress");
  REQUIRE(via_nav.status == 200);
  CHECK(body_json(via_nav)["d"]["results"].size() == 1);

  const auto found = c.get(partners + "?$filter=BusinessPartnerIDByExtSystem%20eq%20'SUP-000123'");
  REQUIRE(found.status == 200);
  REQUIRE(body_json(found)["d"]["results"].size() == 1);
  CHECK(body_json(found)["d"]["results"][0]["BusinessPartner"] == bp);
  const auto missing = c.get(partners + "?$filter=BusinessPartnerIDByExtSystem%20eq%20%27NOPE%27");
  CHECK(body_json(missing)["d"]["results"].empty());
  check_gateway_error(c.get(partners + "('9999999')"), 404, "ZERPC_SIM/005");
}

TEST_CASE("every record of a deep insert is an effect, an update bumps the version",
          "[sap][bp][effects]") {
  sap_fixture f;
  auto& c = *f.client;
  const auto bp = body_json(c.post(partners, supplier_body("SUP-1")))["d"]["BusinessPartner"]
                      .get<std::string>();
  const auto all = f.effects();
  // Partner, 1 address, 2 roles, supplier, supplier company.
  CHECK(all["created"] == 6);
  const auto by_key = f.effects("?natural_key=SUP-1");
  REQUIRE(by_key["count"] == 1);
  CHECK(by_key["effects"][0]["record_type"] == "A_BusinessPartner");
  CHECK(by_key["effects"][0]["vendor_id"] == bp);

  const auto target = bp_service + "/A_SupplierCompany(Supplier='" + bp + "',CompanyCode='1010')";
  CHECK(c.send("PATCH", target, R"({"IsToBeCheckedForDuplicates":true})").status == 204);
  CHECK(c.send("MERGE", target, R"({"PaymentTerms":"0001"})").status == 204);
  const auto company = body_json(c.get(target))["d"];
  CHECK(company["IsToBeCheckedForDuplicates"] == true);
  CHECK(company["PaymentTerms"] == "0001");
  const auto updates = f.effects("?record_type=A_SupplierCompany");
  REQUIRE(updates["count"] == 3);
  CHECK(updates["effects"][2]["action"] == "updated");
  CHECK(updates["effects"][2]["version"] == 3);
  // PUT replaces: what it leaves out goes back to the initial value.
  CHECK(c.send("PUT", target, R"({"ReconciliationAccount":"21100000"})").status == 204);
  CHECK(body_json(c.get(target))["d"]["PaymentTerms"] == "");
  // A silent partner update is visible too.
  CHECK(c.send("PATCH", partners + "('" + bp + "')", R"({"SearchTerm1":"ACME"})").status == 204);
  CHECK(f.effects("?natural_key=SUP-1")["updated"] == 1);
}

TEST_CASE("$top, $skip, $inlinecount and server-driven paging", "[sap][bp][paging]") {
  sap_fixture f;
  auto& c = *f.client;
  for (int i = 0; i < 7; ++i) {
    REQUIRE(c.post(partners, {{"BusinessPartnerCategory", "2"},
                              {"OrganizationBPName1", "P" + std::to_string(i)},
                              {"BusinessPartnerIDByExtSystem", "PAGE-" + std::to_string(i)}})
                .status == 201);
  }
  const auto page = body_json(c.get(partners + "?$top=2&$skip=3&$inlinecount=allpages"))["d"];
  CHECK(page["__count"] == "7");  // a string in v2 JSON
  REQUIRE(page["results"].size() == 2);
  CHECK(page["results"][0]["BusinessPartnerIDByExtSystem"] == "PAGE-3");
  CHECK(!page.contains("__next"));
  const auto no_count = body_json(c.get(partners + "?$inlinecount=none"))["d"];
  CHECK(!no_count.contains("__count"));
  check_gateway_error(c.get(partners + "?$inlinecount=yes"), 400, "ZERPC_SIM/006");
  CHECK(c.get(partners + "/$count").body == "7");
  const auto ordered = body_json(c.get(partners + "?$orderby=OrganizationBPName1%20desc&$top=1"));
  CHECK(ordered["d"]["results"][0]["OrganizationBPName1"] == "P6");
  const auto selected = body_json(c.get(partners + "?$select=BusinessPartner&$top=1"))["d"];
  CHECK(selected["results"][0].size() == 2);  // __metadata + the one property

  // Server page size 3: pages end with __next until the last; following them returns all.
  f.set({{"sap.odata.server_page_size", 3}});
  std::vector<std::string> seen;
  std::string next = partners + "?$inlinecount=allpages";
  int pages = 0;
  while (!next.empty() && pages < 10) {
    const auto body = body_json(c.get(next))["d"];
    CHECK(body["__count"] == "7");
    for (const auto& r : body["results"]) seen.push_back(r["BusinessPartnerIDByExtSystem"]);
    ++pages;
    next.clear();
    if (body.contains("__next")) {
      const auto link = body["__next"].get<std::string>();
      next = link.substr(link.find("/sap/opu/"));
      CHECK(link.find("$skiptoken=") != std::string::npos);
    }
  }
  CHECK(pages == 3);
  REQUIRE(seen.size() == 7);
  CHECK(seen.front() == "PAGE-0");
  CHECK(seen.back() == "PAGE-6");
  // $top below the page size: no __next; above it: __next keeps what is left of $top.
  const auto capped = body_json(c.get(partners + "?$top=5"))["d"];
  CHECK(capped["results"].size() == 3);
  const auto link = capped["__next"].get<std::string>();
  const auto rest = body_json(c.get(link.substr(link.find("/sap/opu/"))))["d"];
  CHECK(rest["results"].size() == 2);
  CHECK(!rest.contains("__next"));
  // The next link keeps the filter, percent-encoded, so a client can follow it as it is.
  const auto filtered = body_json(
      c.get(partners + "?$filter=BusinessPartnerIDByExtSystem%20ne%20%27PAGE-0%27"))["d"];
  REQUIRE(filtered["results"].size() == 3);
  const auto filtered_link = filtered["__next"].get<std::string>();
  CHECK(filtered_link.find(' ') == std::string::npos);
  const auto filtered_rest =
      body_json(c.get(filtered_link.substr(filtered_link.find("/sap/opu/"))))["d"];
  CHECK(filtered_rest["results"].size() == 3);
  CHECK(filtered_rest["results"][2]["BusinessPartnerIDByExtSystem"] == "PAGE-6");
}

TEST_CASE("refusals are Gateway error bodies with errordetails", "[sap][bp][errors]") {
  sap_fixture f;
  auto& c = *f.client;
  auto unknown = supplier_body("E-1");
  unknown["NoSuchField"] = "x";
  const auto r = c.post(partners, unknown);
  check_gateway_error(r, 400, "ZERPC_SIM/001");
  const auto detail = body_json(r)["error"]["innererror"]["errordetails"][0];
  CHECK(detail["target"] == "NoSuchField");
  CHECK(detail["severity"] == "error");
  CHECK(body_json(r)["error"]["innererror"]["application"]["service_id"] ==
        "API_BUSINESS_PARTNER");

  auto no_category = supplier_body("E-2");
  no_category.erase("BusinessPartnerCategory");
  check_gateway_error(c.post(partners, no_category), 400, "ZERPC_SIM/008");
  auto too_long = supplier_body("E-3");
  too_long["BusinessPartnerIDByExtSystem"] = std::string(21, 'X');
  check_gateway_error(c.post(partners, too_long), 400, "ZERPC_SIM/003");
  check_gateway_error(c.send("POST", partners, "{not json"), 400, "ZERPC_SIM/004");
  check_gateway_error(c.send("DELETE", partners + "('1000000')", ""), 405, "ZERPC_SIM/007");
  check_gateway_error(c.get(bp_service + "/A_Nothing"), 404, "ZERPC_SIM/005");
  const auto no_service = c.get("/sap/opu/odata/sap/API_NOPE/A_X");
  CHECK(no_service.status == 404);
  CHECK(body_json(no_service)["error"]["message"]["value"].get<std::string>().find("API_NOPE") !=
        std::string::npos);
  // Nothing refused left an effect.
  CHECK(f.effects()["count"] == 0);
}

TEST_CASE("$metadata is the SAP EDMX, data is JSON only when asked", "[sap][bp][format]") {
  sap_fixture f;
  auto& c = *f.client;
  const auto metadata = c.get(bp_service + "/$metadata");
  REQUIRE(metadata.status == 200);
  CHECK(metadata.header("Content-Type") == "application/xml");
  CHECK(metadata.body == erpc::sim::sap::business_partner_edmx());
  CHECK(c.get(invoice_service + "/$metadata").body == erpc::sim::sap::supplier_invoice_edmx());
  const auto root = body_json(c.get(bp_service + "/"));
  CHECK(root["d"]["EntitySets"].size() > 50);

  // Without Accept: application/json or $format=json the real service answers Atom XML.
  const auto xml_client =
      raw_http(f.sim->port(), "GET", bp_service + "/A_BusinessPartner",
               {{"Authorization", c.authorization}});
  CHECK(xml_client.status == 406);
  CHECK(body_json(xml_client)["error"]["code"] == "ZERPC_SIM/011");
  const auto with_format = raw_http(f.sim->port(), "GET",
                                    bp_service + "/A_BusinessPartner?$format=json",
                                    {{"Authorization", c.authorization}});
  CHECK(with_format.status == 200);
  CHECK(body_json(with_format)["d"]["results"].is_array());
  CHECK(raw_http(f.sim->port(), "GET", bp_service + "/A_BusinessPartner?$format=xml",
                 {{"Authorization", c.authorization}, {"Accept", "application/json"}})
            .status == 406);
  f.set({{"sap.odata.require_json_request", false}});
  CHECK(raw_http(f.sim->port(), "GET", bp_service + "/A_BusinessPartner",
                 {{"Authorization", c.authorization}})
            .status == 200);
}
