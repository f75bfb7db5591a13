// SPDX-License-Identifier: Apache-2.0
// The Oracle Fusion simulator over real HTTP. Each test names the vendors.md §3 behaviour or the
// setting it pins down.
#include <erpc/adapters/exact_json.hpp>
#include <erpc/sim/oracle_fusion/oracle_fusion_simulator.hpp>
#include <erpc/sim/simulator_server.hpp>

#include <support/raw_http.hpp>

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

using erpc::sim::simulator_server;
using erpc::testing::raw_http;
using erpc::testing::raw_http_response;
using nlohmann::json;
using headers = std::vector<std::pair<std::string, std::string>>;

namespace {

const std::string root = "/fscmRestApi/resources/11.13.18.05/";
// base64("sim.fusion.user:sim-fusion-password")
const std::string basic = "Basic c2ltLmZ1c2lvbi51c2VyOnNpbS1mdXNpb24tcGFzc3dvcmQ=";

struct fusion_fixture {
  simulator_server sim{erpc::sim::oracle_fusion::make_oracle_fusion_simulator()};

  fusion_fixture() { sim.start(); }

  raw_http_response send(const std::string& method, const std::string& target,
                         const std::string& body = {}, headers extra = {},
                         const std::string& auth = basic) {
    if (!auth.empty()) extra.emplace_back("Authorization", auth);
    extra.emplace_back("Accept", "application/json, application/vnd.oracle.adf.error+json");
    if (!body.empty()) extra.emplace_back("Content-Type", "application/vnd.oracle.adf.resourceitem+json");
    return raw_http(sim.port(), method, target, extra, body);
  }

  void set(const json& settings) {
    const auto r = raw_http(sim.port(), "PUT", "/_sim/settings",
                            {{"Content-Type", "application/json"}}, settings.dump());
    REQUIRE(r.status == 200);
  }

  json effects(const std::string& record_type) {
    const auto r = raw_http(sim.port(), "GET", "/_sim/effects?record_type=" + record_type);
    REQUIRE(r.status == 200);
    return json::parse(r.body);
  }

  json supplier(const std::string& name = "Acme") {
    const auto r = send("POST", root + "suppliers",
                        json{{"Supplier", name},
                             {"sites", {{{"SupplierSite", "MAIN"}, {"ProcurementBU", "Vision Operations"}}}}}
                            .dump());
    REQUIRE(r.status == 201);
    return json::parse(r.body);
  }

  std::string invoice_body(const std::string& number, const std::string& amount = "119.12",
                           const std::string& type = "Standard") {
    return R"({"InvoiceNumber":")" + number + R"(","InvoiceCurrency":"EUR","InvoiceAmount":)" + amount +
           R"(,"InvoiceDate":"2026-03-02","BusinessUnit":"Vision Operations","Supplier":"Acme",)"
           R"("SupplierSite":"MAIN","InvoiceType":")" + type + R"(","invoiceLines":[{"LineNumber":1,"LineAmount":)" +
           amount + R"(,"DistributionCombination":"01-000-5400-0000-000"}]})";
  }
};

}  // namespace

TEST_CASE("Basic and OAuth 2.0 client credentials both authenticate (§3.2)", "[oracle_fusion][simulator]") {
  fusion_fixture f;
  CHECK(f.send("GET", root + "suppliers", "", {}, "").status == 401);
  CHECK(f.send("GET", root + "suppliers", "", {}, "Basic d3Jvbmc6d3Jvbmc=").status == 401);
  CHECK(f.send("GET", root + "suppliers").status == 200);

  // base64("sim-fusion-client:sim-fusion-client-secret")
  const auto token = raw_http(f.sim.port(), "POST", "/oauth2/v1/token",
                              {{"Authorization", "Basic c2ltLWZ1c2lvbi1jbGllbnQ6c2ltLWZ1c2lvbi1jbGllbnQtc2VjcmV0"},
                               {"Content-Type", "application/x-www-form-urlencoded"}},
                              "grant_type=client_credentials");
  REQUIRE(token.status == 200);
  const auto bearer = "Bearer " + json::parse(token.body)["access_token"].get<std::string>();
  CHECK(f.send("GET", root + "suppliers", "", {}, bearer).status == 200);

  f.set({{"auth.mode", "basic"}});
  CHECK(f.send("GET", root + "suppliers", "", {}, bearer).status == 401);
  f.set({{"auth.mode", "basic_or_oauth2"}, {"auth.client_secret", "rotated"}});
  CHECK(f.send("GET", root + "suppliers", "", {}, bearer).status == 401);  // revoked with the secret

  const auto refused = raw_http(f.sim.port(), "POST", "/oauth2/v1/token",
                                {{"Authorization", "Basic c2ltLWZ1c2lvbi1jbGllbnQ6c2ltLWZ1c2lvbi1jbGllbnQtc2VjcmV0"},
                                 {"Content-Type", "application/x-www-form-urlencoded"}},
                                "grant_type=client_credentials");
  CHECK(refused.status == 401);
  CHECK(json::parse(refused.body)["error"] == "invalid_client");
}

TEST_CASE("an invoice is unique per supplier, the duplicate answer is a setting (§3.3)",
          "[oracle_fusion][simulator]") {
  fusion_fixture f;
  f.supplier();
  const auto first = f.send("POST", root + "invoices", f.invoice_body("INV-1"));
  REQUIRE(first.status == 201);
  const auto item = erpc::adapters::parse_exact(first.body);
  CHECK(erpc::adapters::dump_exact(item["InvoiceAmount"]) == "119.12");  // exact, not a double

  const auto dup = f.send("POST", root + "invoices", f.invoice_body("INV-1"));
  CHECK(dup.status == 400);
  CHECK(dup.header("Content-Type") == "application/vnd.oracle.adf.error+json");
  CHECK(json::parse(dup.body)["o:errorDetails"][0]["detail"].get<std::string>().find("Duplicate Invoice Number") == 0);

  f.set({{"invoices.duplicate_status", 409}, {"invoices.duplicate_error_code", "AP-DUP"}});
  const auto dup409 = f.send("POST", root + "invoices", f.invoice_body("INV-1"));
  CHECK(dup409.status == 409);
  CHECK(json::parse(dup409.body)["o:errorDetails"][0]["o:errorCode"] == "AP-DUP");

  // Without the ADF error Accept, Fusion answers plain text (§3.4).
  const auto plain = raw_http(f.sim.port(), "POST", root + "invoices",
                              {{"Authorization", basic}, {"Content-Type", "application/json"}},
                              f.invoice_body("INV-1"));
  CHECK(plain.status == 409);
  CHECK(plain.header("Content-Type").find("text/plain") == 0);

  // Another supplier may use the same number.
  f.supplier("Other");
  auto other = f.invoice_body("INV-1");
  other.replace(other.find("\"Acme\""), 6, "\"Other\"");
  other.replace(other.find(",\"SupplierSite\":\"MAIN\""), 22, "");
  CHECK(f.send("POST", root + "invoices", other).status == 201);
  CHECK(f.effects("invoices")["created"] == 2);
}

TEST_CASE("the invoice item key is an opaque hash key from the links, not the InvoiceId (§3.1)",
          "[oracle_fusion][simulator]") {
  fusion_fixture f;
  f.supplier();
  const auto created = json::parse(f.send("POST", root + "invoices", f.invoice_body("INV-2")).body);
  const auto id = created["InvoiceId"].get<std::int64_t>();
  CHECK(f.send("GET", root + "invoices/" + std::to_string(id)).status == 404);

  const auto page = json::parse(f.send("GET", root + "invoices?q=InvoiceId%3D" + std::to_string(id) +
                                                  "&expand=invoiceLines").body);
  REQUIRE(page["count"] == 1);
  CHECK(page["hasMore"] == false);
  CHECK(page["items"][0]["invoiceLines"].size() == 1);
  std::string self;
  for (const auto& l : page["items"][0]["links"]) {
    if (l["rel"] == "self") self = l["href"];
  }
  const auto path = self.substr(self.find("/fscmRestApi"));
  CHECK(path != root + "invoices/" + std::to_string(id));
  const auto item = f.send("GET", path);
  CHECK(item.status == 200);
  CHECK(json::parse(item.body)["InvoiceId"] == id);
  CHECK_FALSE(json::parse(item.body).contains("invoiceLines"));  // children only when expanded
  CHECK(json::parse(f.send("GET", path + "/child/invoiceLines").body)["count"] == 1);
}

TEST_CASE("q finder syntax v1 and v2, limit/offset paging (§3.5)", "[oracle_fusion][simulator]") {
  fusion_fixture f;
  f.supplier();
  for (int i = 0; i < 3; ++i) {
    REQUIRE(f.send("POST", root + "invoices", f.invoice_body("P-" + std::to_string(i))).status == 201);
  }
  auto page = json::parse(f.send("GET", root + "invoices?limit=2&offset=0&totalResults=true").body);
  CHECK(page["count"] == 2);
  CHECK(page["hasMore"] == true);
  CHECK(page["totalResults"] == 3);
  page = json::parse(f.send("GET", root + "invoices?limit=2&offset=2").body);
  CHECK(page["count"] == 1);
  CHECK(page["hasMore"] == false);
  CHECK(json::parse(f.send("GET", root + "invoices?q=InvoiceNumber%3D%27P-1%27%3BSupplier%3D%27Acme%27").body)["count"] == 1);
  CHECK(json::parse(f.send("GET", root + "invoices?q=InvoiceNumber%3D%27P-1%27%20and%20Supplier%3D%27Acme%27").body)["count"] == 1);
  CHECK(json::parse(f.send("GET", root + "invoices?q=InvoiceNumber%3D%27P-9%27").body)["count"] == 0);
  CHECK(f.send("GET", root + "invoices?q=InvoiceNumber%3E%27P%27").status == 400);
}

TEST_CASE("credit memos carry negative amounts, a standard invoice cannot (BANKING.md)",
          "[oracle_fusion][simulator]") {
  fusion_fixture f;
  f.supplier();
  CHECK(f.send("POST", root + "invoices", f.invoice_body("CM-1", "11.90", "Credit Memo")).status == 400);
  CHECK(f.send("POST", root + "invoices", f.invoice_body("CM-1", "-11.90", "Credit Memo")).status == 201);
  CHECK(f.send("POST", root + "invoices", f.invoice_body("INV-NEG", "-1.00")).status == 400);
  CHECK(f.send("POST", root + "invoices", f.invoice_body("INV-Q", "1.00", "Quick")).status == 400);
}

TEST_CASE("an unknown supplier or site is refused with the attribute named", "[oracle_fusion][simulator]") {
  fusion_fixture f;
  const auto r = f.send("POST", root + "invoices", f.invoice_body("INV-3"));
  CHECK(r.status == 400);
  CHECK(json::parse(r.body)["o:errorDetails"][0]["o:errorPath"] == "Supplier");
  f.send("POST", root + "suppliers", json{{"Supplier", "Acme"}}.dump());
  const auto site = f.send("POST", root + "invoices", f.invoice_body("INV-3"));
  CHECK(site.status == 400);
  CHECK(json::parse(site.body)["o:errorDetails"][0]["o:errorPath"] == "SupplierSite");
  f.set({{"invoices.check_supplier_site", false}});
  CHECK(f.send("POST", root + "invoices", f.invoice_body("INV-3")).status == 201);
}

TEST_CASE("Upsert-Mode: true updates the match — a silent overwrite the effects log shows (§3.3)",
          "[oracle_fusion][simulator]") {
  fusion_fixture f;
  f.supplier();
  REQUIRE(f.send("POST", root + "invoices", f.invoice_body("INV-U")).status == 201);
  const auto upsert = f.send("POST", root + "invoices", f.invoice_body("INV-U", "120.00"), {{"Upsert-Mode", "true"}});
  CHECK(upsert.status == 201);
  auto fx = f.effects("invoices");
  CHECK(fx["created"] == 1);
  CHECK(fx["updated"] == 1);
  f.set({{"upsert_mode.behaviour", "ignore"}});
  CHECK(f.send("POST", root + "invoices", f.invoice_body("INV-U"), {{"Upsert-Mode", "true"}}).status == 400);
}

TEST_CASE("suppliers: duplicate names per setting, sites as a child", "[oracle_fusion][simulator]") {
  fusion_fixture f;
  const auto s = f.supplier();
  CHECK(s["SupplierNumber"] == "1001");
  CHECK(f.send("POST", root + "suppliers", json{{"Supplier", "Acme"}}.dump()).status == 400);
  const auto id = std::to_string(s["SupplierId"].get<std::int64_t>());
  CHECK(json::parse(f.send("GET", root + "suppliers/" + id + "/child/sites").body)["count"] == 1);
  CHECK(f.send("POST", root + "suppliers/" + id + "/child/sites",
               json{{"SupplierSite", "MAIN"}, {"ProcurementBU", "Vision Operations"}}.dump()).status == 400);
  CHECK(f.send("POST", root + "suppliers/" + id + "/child/sites",
               json{{"SupplierSite", "MAIN"}, {"ProcurementBU", "Vision Germany"}}.dump()).status == 201);
  f.set({{"suppliers.duplicate_name", "allow"}});
  CHECK(f.send("POST", root + "suppliers", json{{"Supplier", "Acme"}}.dump()).status == 201);
  CHECK(f.effects("suppliers")["created"] == 2);
}

TEST_CASE("manual payments pay what is unpaid, are unique by number, and void reopens (§3.1)",
          "[oracle_fusion][simulator]") {
  fusion_fixture f;
  f.supplier();
  REQUIRE(f.send("POST", root + "invoices", f.invoice_body("INV-P", "119.00")).status == 201);
  REQUIRE(f.send("POST", root + "invoices", f.invoice_body("CM-P", "-19.00", "Credit Memo")).status == 201);
  auto payment = [](const std::string& number, const std::string& paid, const std::string& type = "Manual") {
    return R"({"PaymentNumber":")" + number + R"(","PaymentDate":"2026-03-10","PaymentType":")" + type +
           R"(","PaymentCurrency":"EUR","BusinessUnit":"Vision Operations","Supplier":"Acme",)"
           R"("SupplierSite":"MAIN","DisbursementBankAccountName":"BofA","PaymentMethodCode":"CHECK",)"
           R"("relatedInvoices":[{"InvoiceNumber":"INV-P","AmountPaid":)" + paid +
           R"(},{"InvoiceNumber":"CM-P","AmountPaid":-19.00}]})";
  };
  CHECK(f.send("POST", root + "payablesPayments", payment("1", "100.00", "Quick")).status == 400);
  CHECK(f.send("POST", root + "payablesPayments", payment("1", "119.01")).status == 400);  // over
  const auto made = f.send("POST", root + "payablesPayments", payment("1", "119.00"));
  REQUIRE(made.status == 201);
  const auto p = erpc::adapters::parse_exact(made.body);
  CHECK(erpc::adapters::dump_exact(p["PaymentAmount"]) == "100.00");
  CHECK(p["PaymentStatus"] == "Negotiable");
  // Paid in full: a second payment is refused (do not pay an invoice twice).
  CHECK(f.send("POST", root + "payablesPayments", payment("2", "119.00")).status == 400);
  CHECK(f.send("POST", root + "payablesPayments", payment("1", "119.00")).status == 400);  // number
  const auto check_id = std::to_string(p["CheckId"].get<std::int64_t>());
  CHECK(f.send("PATCH", root + "payablesPayments/" + check_id, R"({"PaymentAmount":1})").status == 400);
  const auto voided = f.send("PATCH", root + "payablesPayments/" + check_id,
                             R"({"VoidDate":"2026-03-12","VoidAccountingDate":"2026-03-12"})");
  REQUIRE(voided.status == 200);
  CHECK(json::parse(voided.body)["PaymentStatus"] == "Voided");
  CHECK(f.send("PATCH", root + "payablesPayments/" + check_id, R"({"VoidDate":"2026-03-12"})").status == 400);
  // Reopened: it can be paid again.
  CHECK(f.send("POST", root + "payablesPayments", payment("2", "119.00")).status == 201);
  const auto fx = f.effects("payablesPayments");
  CHECK(fx["created"] == 2);
  CHECK(fx["updated"] == 1);
}
