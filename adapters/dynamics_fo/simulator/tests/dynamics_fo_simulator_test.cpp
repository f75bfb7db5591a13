// SPDX-License-Identifier: Apache-2.0
// The F&O simulator over real HTTP (vendors.md §5; BANKING.md "F&O"): Entra client credentials,
// VendorsV2 by full key, the duplicate-key answer (HTTP 500, empty code, Infolog in innererror,
// AxODataWriteException), the "check invoice number used" parameter in its three forms, journal
// batch numbers drawn anew on every POST, $filter/$top/$skip and @odata.nextLink, the default
// company vs cross-company=true, 429 + Retry-After.
#include <erpc/adapters/exact_json.hpp>
#include <erpc/sim/dynamics_fo_simulator.hpp>
#include <erpc/sim/simulator_server.hpp>

#include <support/raw_http.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

namespace {

using nlohmann::json;
using erpc::testing::raw_http;
using erpc::testing::raw_http_response;

struct fo_fixture {
  fo_fixture() : sim(erpc::sim::make_dynamics_fo_simulator()) {
    sim.start();
    token = fetch_token("erpc-sim-fo-secret");
    REQUIRE(!token.empty());
  }

  std::string fetch_token(const std::string& secret) {
    const auto r = raw_http(sim.port(), "POST", "/00000000-0000-0000-0000-0000000000fo/oauth2/v2.0/token",
                            {{"Content-Type", "application/x-www-form-urlencoded"}},
                            "grant_type=client_credentials&client_id=erpc-sim-fo-client&client_secret=" +
                                secret + "&scope=https%3A%2F%2Ffo.example%2F.default");
    if (r.status != 200) return "";
    return json::parse(r.body).at("access_token").get<std::string>();
  }

  raw_http_response call(const std::string& method, const std::string& target, const std::string& body = "") {
    std::vector<std::pair<std::string, std::string>> headers = {
        {"Authorization", "Bearer " + token}, {"Host", "127.0.0.1:" + std::to_string(sim.port())}};
    if (!body.empty()) headers.emplace_back("Content-Type", "application/json");
    return raw_http(sim.port(), method, target, headers, body);
  }

  json ok(const raw_http_response& r, int status) {
    INFO(r.body);
    REQUIRE(r.status == status);
    return erpc::adapters::parse_exact(r.body);
  }

  void set(const json& settings) {
    const auto r = raw_http(sim.port(), "PUT", "/_sim/settings", {{"Content-Type", "application/json"}},
                            settings.dump());
    REQUIRE(r.status == 200);
  }

  std::size_t effects(const std::string& type) {
    std::size_t n = 0;
    for (const auto& e : sim.context().effects().snapshot()) n += e.record_type == type;
    return n;
  }

  raw_http_response vendor(const std::string& number, const std::string& company = "") {
    json body = {{"VendorAccountNumber", number}, {"VendorOrganizationName", "Fabrikam"}, {"VendorGroupId", "10"}};
    if (!company.empty()) body["dataAreaId"] = company;
    return call("POST", "/data/VendorsV2", body.dump());
  }

  raw_http_response invoice(const std::string& vendor_number, const std::string& number,
                            const std::string& date = "2026-03-02") {
    return call("POST", "/data/VendorInvoiceHeaders",
                json{{"InvoiceAccount", vendor_number}, {"InvoiceNumber", number}, {"InvoiceDate", date}}.dump());
  }

  erpc::sim::simulator_server sim;
  std::string token;
};

}  // namespace

TEST_CASE("fo sim: no token, a wrong secret, a rotated secret are refused", "[fo][sim]") {
  fo_fixture f;
  CHECK(f.fetch_token("wrong").empty());
  CHECK(raw_http(f.sim.port(), "GET", "/data/VendorsV2", {}, "").status == 401);
  f.set({{"auth.client_secret", "rotated"}});
  CHECK(f.call("GET", "/data/VendorsV2").status == 401);
  f.token = f.fetch_token("rotated");
  CHECK(f.call("GET", "/data/VendorsV2").status == 200);
}

TEST_CASE("fo sim: a vendor by full key, a duplicate key is the 500 of vendors.md §5.3", "[fo][sim]") {
  fo_fixture f;
  const auto created = f.ok(f.vendor("V1"), 201);
  CHECK(created["dataAreaId"] == "usmf");  // the default company
  const auto read = f.ok(f.call("GET", "/data/VendorsV2(dataAreaId='usmf',VendorAccountNumber='V1')"), 200);
  CHECK(read["VendorOrganizationName"] == "Fabrikam");
  CHECK(f.call("GET", "/data/VendorsV2(dataAreaId=%27usmf%27,VendorAccountNumber=%27V1%27)").status == 200);
  CHECK(f.call("GET", "/data/VendorsV2(dataAreaId='usmf',VendorAccountNumber='V2')").status == 404);
  // All key fields must be supplied (§5.1).
  CHECK(f.call("GET", "/data/VendorsV2(VendorAccountNumber='V1')").status == 400);

  const auto dup = f.vendor("V1");
  REQUIRE(dup.status == 500);
  const auto body = json::parse(dup.body);
  CHECK(body["error"]["code"] == "");
  CHECK(body["error"]["message"] == "An error has occurred.");
  CHECK(body["error"]["innererror"]["type"] ==
        "Microsoft.Dynamics.Platform.Integration.Services.OData.AxODataWriteException");
  const auto inner = body["error"]["innererror"]["message"].get<std::string>();
  CHECK(inner.rfind("Write failed for table row of type 'VendVendorV2Entity'. Infolog: ", 0) == 0);
  CHECK(inner.find("The record already exists..") != std::string::npos);
  CHECK(f.effects("VendTable") == 1);
  // The same account in another legal entity is another vendor (a second created record, not an
  // update of the first); an unknown legal entity is a write failure.
  f.ok(f.vendor("V1", "usrt"), 201);
  CHECK(f.effects("VendTable") == 2);
  std::size_t creates = 0;
  for (const auto& e : f.sim.context().effects().snapshot({"VendTable", "", 0})) {
    creates += e.action == erpc::sim::effect_action::created;
  }
  CHECK(creates == 2);
  CHECK(f.vendor("V1", "zzzz").status == 500);
  CHECK(f.effects("VendTable") == 2);
  // A validation failure has the same envelope without "already exists".
  const auto bad = f.call("POST", "/data/VendorsV2", json{{"VendorAccountNumber", "V9"}}.dump());
  REQUIRE(bad.status == 500);
  CHECK(json::parse(bad.body)["error"]["innererror"]["message"].get<std::string>().find("must be filled in") !=
        std::string::npos);
}

TEST_CASE("fo sim: check invoice number used — reject, reject per fiscal year, accept", "[fo][sim]") {
  fo_fixture f;
  f.ok(f.vendor("V1"), 201);
  const auto first = f.ok(f.invoice("V1", "INV-1"), 201);
  CHECK(first["HeaderReference"] == "APINV000001");
  CHECK(f.invoice("V1", "INV-1").status == 500);
  CHECK(f.invoice("V1", "INV-1", "2027-01-05").status == 500);
  f.set({{"invoices.check_invoice_number_used", "reject_per_fiscal_year"}});
  CHECK(f.invoice("V1", "INV-1", "2026-12-31").status == 500);
  CHECK(f.invoice("V1", "INV-1", "2027-01-05").status == 201);
  f.set({{"invoices.check_invoice_number_used", "accept"}});
  CHECK(f.invoice("V1", "INV-1").status == 201);
  CHECK(f.effects("VendInvoiceInfoTable") == 3);
  // An unknown vendor account is a validation failure; nothing is written.
  CHECK(f.invoice("V404", "INV-2").status == 500);
  CHECK(f.effects("VendInvoiceInfoTable") == 3);
  // A client-sent HeaderReference is refused (a number sequence assigns it).
  CHECK(f.call("POST", "/data/VendorInvoiceHeaders",
               json{{"HeaderReference", "X"}, {"InvoiceAccount", "V1"}, {"InvoiceNumber", "I9"},
                    {"InvoiceDate", "2026-01-01"}}.dump()).status == 500);
}

TEST_CASE("fo sim: invoice lines compute tax, a line number is unique per header", "[fo][sim]") {
  fo_fixture f;
  f.ok(f.vendor("V1"), 201);
  const auto ref = f.ok(f.invoice("V1", "INV-1"), 201)["HeaderReference"].get<std::string>();
  const auto line = f.ok(f.call("POST", "/data/VendorInvoiceLines",
                                R"({"HeaderReference":")" + ref +
                                    R"(","LineNumber":1,"LineAmount":100.10,"ItemSalesTaxGroup":"VAT19"})"),
                         201);
  CHECK(erpc::adapters::to_decimal(line["TaxAmount"])->to_string() == "19.02");
  CHECK(f.call("POST", "/data/VendorInvoiceLines",
               R"({"HeaderReference":")" + ref + R"(","LineNumber":1,"LineAmount":5})").status == 500);
  CHECK(f.call("POST", "/data/VendorInvoiceLines",
               R"({"HeaderReference":"NOPE","LineNumber":1,"LineAmount":5})").status == 500);
  const auto lines = f.ok(f.call("GET", "/data/VendorInvoiceLines?$filter=HeaderReference%20eq%20%27" + ref + "%27"), 200);
  CHECK(lines["value"].size() == 1);
}

TEST_CASE("fo sim: a journal batch number is new on every POST", "[fo][sim]") {
  fo_fixture f;
  const auto a = f.ok(f.call("POST", "/data/LedgerJournalHeaders", R"({"JournalName":"GenJrn","Description":"X"})"), 201);
  const auto b = f.ok(f.call("POST", "/data/LedgerJournalHeaders", R"({"JournalName":"GenJrn","Description":"X"})"), 201);
  CHECK(a["JournalBatchNumber"] != b["JournalBatchNumber"]);
  CHECK(f.effects("LedgerJournalTable") == 2);
  const auto batch = a["JournalBatchNumber"].get<std::string>();
  f.ok(f.call("POST", "/data/LedgerJournalLines",
              R"({"JournalBatchNumber":")" + batch + R"(","LineNumber":1,"AccountDisplayValue":"6110","DebitAmount":10})"),
       201);
  CHECK(f.call("POST", "/data/LedgerJournalLines",
               R"({"JournalBatchNumber":")" + batch + R"(","LineNumber":2,"AccountDisplayValue":"6110","DebitAmount":10,"CreditAmount":10})").status == 500);
}

TEST_CASE("fo sim: $filter, $top/$skip, @odata.nextLink, cross-company", "[fo][sim]") {
  fo_fixture f;
  f.set({{"odata.page_size", 2}});
  for (int i = 0; i < 5; ++i) f.ok(f.vendor("V" + std::to_string(i)), 201);
  f.ok(f.vendor("R1", "usrt"), 201);
  auto page = f.ok(f.call("GET", "/data/VendorsV2"), 200);
  CHECK(page["value"].size() == 2);
  std::size_t seen = page["value"].size();
  while (page.contains("@odata.nextLink")) {
    const auto link = page["@odata.nextLink"].get<std::string>();
    page = f.ok(f.call("GET", link.substr(link.find("/data/"))), 200);
    seen += page["value"].size();
  }
  CHECK(seen == 5);  // the default company only
  CHECK(f.ok(f.call("GET", "/data/VendorsV2?cross-company=true&$top=10"), 200)["value"].size() == 2);
  const auto usrt = f.ok(f.call("GET", "/data/VendorsV2?cross-company=true&$filter=dataAreaId%20eq%20%27usrt%27"), 200);
  REQUIRE(usrt["value"].size() == 1);
  CHECK(usrt["value"][0]["VendorAccountNumber"] == "R1");
  const auto skipped = f.ok(f.call("GET", "/data/VendorsV2?$skip=4&$top=5"), 200);
  REQUIRE(skipped["value"].size() == 1);
  CHECK(skipped["value"][0]["VendorAccountNumber"] == "V4");
  CHECK(f.call("GET", "/data/VendorsV2?$filter=VendorAccountNumber%20in%20(%27V1%27)").status == 400);
}

TEST_CASE("fo sim: throttled requests get 429 with Retry-After in seconds", "[fo][sim]") {
  fo_fixture f;
  f.set({{"rate_limit.requests", 2}, {"rate_limit.retry_after_seconds", 7}});
  CHECK(f.call("GET", "/data/VendorsV2").status == 200);
  CHECK(f.call("GET", "/data/VendorsV2").status == 200);
  const auto r = f.call("GET", "/data/VendorsV2");
  CHECK(r.status == 429);
  CHECK(r.header("Retry-After") == "7");
}
