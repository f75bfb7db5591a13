// SPDX-License-Identifier: Apache-2.0
// The Coupa simulator over real HTTP. Each test names the vendors.md §10.1 behaviour or the
// setting it pins down.
#include "rate_limiter.hpp"

#include <erpc/sim/coupa/coupa_simulator.hpp>
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

struct coupa_fixture {
  simulator_server sim{erpc::sim::coupa::make_coupa_simulator()};
  std::string bearer;

  explicit coupa_fixture(const json& settings = json::object()) {
    sim.start();
    json all = {{"rate_limit.requests_per_second", 0}};
    all.update(settings);
    set(all);
    bearer = "Bearer " + token();
  }

  std::string token(const std::string& scope = "") {
    std::string form = "grant_type=client_credentials&client_id=sim-coupa-client&client_secret=sim-coupa-client-secret";
    if (!scope.empty()) form += "&scope=" + scope;
    const auto r = raw_http(sim.port(), "POST", "/oauth2/token",
                            {{"Content-Type", "application/x-www-form-urlencoded"}}, form);
    REQUIRE(r.status == 200);
    return json::parse(r.body).at("access_token").get<std::string>();
  }

  raw_http_response send(const std::string& method, const std::string& target, const std::string& body = {},
                         const std::string& auth = "<default>", const std::string& accept = "application/json") {
    headers h;
    h.emplace_back("Authorization", auth == "<default>" ? bearer : auth);
    if (!accept.empty()) h.emplace_back("Accept", accept);
    if (!body.empty()) h.emplace_back("Content-Type", "application/json");
    return raw_http(sim.port(), method, target, h, body);
  }

  void set(const json& settings) {
    const auto r = raw_http(sim.port(), "PUT", "/_sim/settings", {{"Content-Type", "application/json"}}, settings.dump());
    REQUIRE(r.status == 200);
  }

  json effects(const std::string& record_type) {
    const auto r = raw_http(sim.port(), "GET", "/_sim/effects?record_type=" + record_type);
    REQUIRE(r.status == 200);
    return json::parse(r.body);
  }

  std::int64_t supplier(const std::string& name, const std::string& number) {
    const auto r = send("POST", "/api/suppliers", json{{"name", name}, {"number", number}}.dump());
    REQUIRE(r.status == 201);
    return json::parse(r.body).at("id").get<std::int64_t>();
  }

  raw_http_response invoice(std::int64_t supplier_id, const std::string& number, const std::string& date = "2026-03-02") {
    return send("POST", "/api/invoices",
                R"({"invoice-number":")" + number + R"(","invoice-date":")" + date +
                    R"(","currency":{"code":"EUR"},"supplier":{"id":)" + std::to_string(supplier_id) +
                    R"(},"invoice-lines":[{"line-num":1,"description":"Bearings","total":"100.10","tax-amount":"19.02","account":{"code":"5400"}}]})");
  }
};

}  // namespace

TEST_CASE("OAuth 2.0 client credentials with scopes guard /api/ (§10.1)", "[coupa][simulator]") {
  coupa_fixture f;
  CHECK(f.send("GET", "/api/suppliers", "", "").status == 401);
  CHECK(f.send("GET", "/api/suppliers", "", "Bearer not-a-token").status == 401);
  CHECK(f.send("GET", "/api/suppliers").status == 200);
  const auto wrong = raw_http(f.sim.port(), "POST", "/oauth2/token", {{"Content-Type", "application/x-www-form-urlencoded"}},
                              "grant_type=client_credentials&client_id=sim-coupa-client&client_secret=wrong");
  CHECK(wrong.status == 401);
  CHECK(json::parse(wrong.body).at("error") == "invalid_client");

  // A token with read scope only cannot write (403), and reads only what its scope names.
  const auto read_only = "Bearer " + f.token("core.supplier.read");
  CHECK(f.send("GET", "/api/suppliers", "", read_only).status == 200);
  CHECK(f.send("POST", "/api/suppliers", R"({"name":"Acme"})", read_only).status == 403);
  CHECK(f.send("GET", "/api/invoices", "", read_only).status == 403);

  // Rotating the client secret revokes the tokens issued under the old one.
  f.set({{"auth.client_secret", "rotated"}});
  CHECK(f.send("GET", "/api/suppliers").status == 401);
}

TEST_CASE("JSON only with Accept: application/json, XML default answered 406 (setting)", "[coupa][simulator]") {
  coupa_fixture f;
  CHECK(f.send("GET", "/api/suppliers", "", "<default>", "").status == 406);
  CHECK(f.send("GET", "/api/suppliers", "", "<default>", "application/xml").status == 406);
  f.set({{"format.without_json_accept", "json"}});
  CHECK(f.send("GET", "/api/suppliers", "", "<default>", "").status == 200);
}

TEST_CASE("invoices: hyphenated fields, single record, bracket operators, limit/offset", "[coupa][simulator]") {
  coupa_fixture f;
  const auto acme = f.supplier("Acme", "S-1");
  const auto other = f.supplier("Other", "S-2");
  const auto created = f.invoice(acme, "INV-1");
  REQUIRE(created.status == 201);
  const auto inv = json::parse(created.body);
  CHECK(inv.at("invoice-number") == "INV-1");
  CHECK(inv.at("supplier") == json{{"id", acme}, {"name", "Acme"}, {"number", "S-1"}});
  CHECK(inv.at("currency").at("code") == "EUR");
  CHECK(inv.at("status") == "approved");
  CHECK(inv.at("exported") == false);
  CHECK(inv.at("gross-total") == "119.12");
  CHECK(inv.at("invoice-lines").at(0).at("total") == "100.10");

  const auto id = std::to_string(inv.at("id").get<std::int64_t>());
  CHECK(json::parse(f.send("GET", "/api/invoices/" + id).body).at("invoice-number") == "INV-1");
  CHECK(f.send("GET", "/api/invoices/999999").status == 404);

  REQUIRE(f.invoice(other, "INV-1").status == 201);  // the same number at another supplier
  REQUIRE(f.invoice(acme, "INV-2", "2026-04-01").status == 201);
  CHECK(json::parse(f.send("GET", "/api/invoices?invoice-number=INV-1").body).size() == 2);
  CHECK(json::parse(f.send("GET", "/api/invoices?invoice-number=INV-1&supplier[id]=" + std::to_string(acme)).body).size() == 1);
  CHECK(json::parse(f.send("GET", "/api/invoices?supplier[name]=Other").body).size() == 1);
  CHECK(json::parse(f.send("GET", "/api/invoices?invoice-date[gt]=2026-03-15").body).size() == 1);
  CHECK(json::parse(f.send("GET", "/api/invoices?invoice-date[lt]=2026-03-15").body).size() == 2);
  CHECK(json::parse(f.send("GET", "/api/invoices?status[in]=approved&exported=false").body).size() == 3);
  CHECK(json::parse(f.send("GET", "/api/invoices?status[in]=draft,pending_approval").body).empty());
  CHECK(f.send("GET", "/api/invoices?status[in=approved").status == 400);

  // limit is at most 50; offset pages.
  for (int i = 0; i < 55; ++i) REQUIRE(f.invoice(acme, "P-" + std::to_string(i)).status == 201);
  CHECK(json::parse(f.send("GET", "/api/invoices?limit=500").body).size() == 50);
  const auto page2 = json::parse(f.send("GET", "/api/invoices?limit=50&offset=50").body);
  CHECK(page2.size() == 8);
  CHECK(f.send("GET", "/api/invoices?limit=abc").status == 400);
}

TEST_CASE("marking exported: PUT {exported: true} or the export action (setting)", "[coupa][simulator]") {
  coupa_fixture f;
  const auto acme = f.supplier("Acme", "S-1");
  const auto id = std::to_string(json::parse(f.invoice(acme, "INV-1").body).at("id").get<std::int64_t>());
  const auto put = f.send("PUT", "/api/invoices/" + id, R"({"exported":true})");
  REQUIRE(put.status == 200);
  CHECK(json::parse(put.body).at("exported") == true);
  CHECK(json::parse(f.send("GET", "/api/invoices?exported=false").body).empty());
  CHECK(f.effects("invoices").at("updated") == 1);
  CHECK(f.send("PUT", "/api/invoices/" + id, R"({"invoice-number":"X"})").status == 400);

  f.set({{"export.route", "export_action"}});
  const auto id2 = std::to_string(json::parse(f.invoice(acme, "INV-2").body).at("id").get<std::int64_t>());
  CHECK(f.send("PUT", "/api/invoices/" + id2, R"({"exported":true})").status == 400);
  CHECK(f.send("PUT", "/api/invoices/" + id2 + "/export", "{}").status == 200);
  CHECK(json::parse(f.send("GET", "/api/invoices/" + id2).body).at("exported") == true);
}

TEST_CASE("duplicate invoice number per supplier: reject (status setting) or allow", "[coupa][simulator]") {
  coupa_fixture f;
  const auto acme = f.supplier("Acme", "S-1");
  REQUIRE(f.invoice(acme, "INV-1").status == 201);
  const auto dup = f.invoice(acme, "INV-1");
  CHECK(dup.status == 422);
  CHECK(json::parse(dup.body).at("errors").at("invoice-number").at(0).get<std::string>().find("taken") != std::string::npos);
  f.set({{"invoices.duplicate_status", 400}, {"errors.body_shape", "plain_text"}});
  const auto dup400 = f.invoice(acme, "INV-1");
  CHECK(dup400.status == 400);
  CHECK(dup400.body.find("already been taken") != std::string::npos);
  f.set({{"invoices.duplicate_number", "allow"}});
  CHECK(f.invoice(acme, "INV-1").status == 201);
  CHECK(f.effects("invoices").at("created") == 2);
}

TEST_CASE("invoice create through REST only when the tenant allows it (setting)", "[coupa][simulator]") {
  coupa_fixture f{{{"invoices.rest_create", "forbidden"}}};
  const auto acme = f.supplier("Acme", "S-1");
  CHECK(f.invoice(acme, "INV-1").status == 403);
  CHECK(f.effects("invoices").at("created") == 0);
}

TEST_CASE("25 requests a second with a burst of 20, then 429 with Retry-After (setting)", "[coupa][simulator]") {
  coupa_fixture f{{{"rate_limit.requests_per_second", 25}, {"rate_limit.retry_after_seconds", 2}}};
  int ok = 0;
  int limited = 0;
  std::string retry_after;
  for (int i = 0; i < 30; ++i) {
    const auto r = f.send("GET", "/api/suppliers");
    if (r.status == 200) ++ok;
    if (r.status == 429) {
      ++limited;
      retry_after = r.header("Retry-After");
    }
  }
  CHECK(ok >= 20);
  CHECK(ok < 30);
  CHECK(limited > 0);
  CHECK(retry_after == "2");
}

TEST_CASE("the token bucket admits the burst, then the sustained rate", "[coupa][simulator]") {
  erpc::sim::coupa::rate_limiter limiter;
  const auto t0 = erpc::sim::coupa::rate_limiter::clock::now();
  for (int i = 0; i < 20; ++i) CHECK(limiter.admit(25, 20, t0));
  CHECK_FALSE(limiter.admit(25, 20, t0));
  CHECK(limiter.admit(25, 20, t0 + std::chrono::milliseconds(40)));  // one token per 40 ms
  CHECK_FALSE(limiter.admit(25, 20, t0 + std::chrono::milliseconds(41)));
  CHECK(limiter.admit(0, 20, t0));  // 0: no limit
}
