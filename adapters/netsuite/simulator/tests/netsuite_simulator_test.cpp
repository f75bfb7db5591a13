// SPDX-License-Identifier: Apache-2.0
// The NetSuite simulator over real HTTP, signed like the adapter signs (adapters/common OAuth
// 1.0a). Each test names the vendors.md §1 behaviour or the setting it pins down.
#include <erpc/adapters/oauth1_signer.hpp>
#include <erpc/sim/netsuite/netsuite_simulator.hpp>
#include <erpc/sim/simulator_server.hpp>

#include <support/raw_http.hpp>

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include <chrono>
#include <future>
#include <thread>

using erpc::sim::simulator_server;
using erpc::testing::raw_http;
using erpc::testing::raw_http_response;
using headers = std::vector<std::pair<std::string, std::string>>;

namespace {

const std::string records = "/services/rest/record/v1/";
const erpc::oauth1::credentials sim_credentials{"sim-consumer-key", "sim-consumer-secret",
                                                "sim-token-id", "sim-token-secret"};

struct netsuite_fixture {
  simulator_server sim{erpc::sim::netsuite::make_netsuite_simulator()};
  erpc::oauth1::signer signer{sim_credentials, "1234567_SB1"};

  netsuite_fixture() { sim.start(); }

  // raw_http sends "Host: 127.0.0.1", so that is the URL the simulator verifies against.
  raw_http_response send(const std::string& method, const std::string& target,
                         const std::string& body = {}, headers extra = {}) {
    extra.emplace_back("Authorization", signer.authorize(method, "http://127.0.0.1" + target));
    if (!body.empty()) extra.emplace_back("Content-Type", "application/json");
    return raw_http(sim.port(), method, target, extra, body);
  }

  void set(const nlohmann::json& settings) {
    const auto r = raw_http(sim.port(), "PUT", "/_sim/settings",
                            {{"Content-Type", "application/json"}}, settings.dump());
    REQUIRE(r.status == 200);
  }

  nlohmann::json effects(const std::string& query = "") {
    const auto r = raw_http(sim.port(), "GET", "/_sim/effects" + query);
    REQUIRE(r.status == 200);
    return nlohmann::json::parse(r.body);
  }

  // Creates a vendor and returns its internal id.
  std::string vendor(const std::string& external_id) {
    const auto r = send("POST", records + "vendor",
                        R"({"companyName":"Acme GmbH","subsidiary":{"id":"1"},"externalId":")" +
                            external_id + "\"}");
    REQUIRE(r.status == 204);
    const auto location = r.header("Location");
    return location.substr(location.rfind('/') + 1);
  }

  std::string bill_body(const std::string& vendor_id, const std::string& external_id,
                        const std::string& amount = "1234.50") {
    return R"({"entity":{"id":")" + vendor_id + R"("},"tranId":"INV-1","externalId":")" +
           external_id + R"(","expense":{"items":[{"account":{"id":"58"},"amount":)" + amount +
           "}]}}";
  }
};

nlohmann::json json_of(const raw_http_response& r) { return nlohmann::json::parse(r.body); }

std::string error_code(const raw_http_response& r) {
  return json_of(r)["o:errorDetails"][0]["o:errorCode"].get<std::string>();
}

void check_invalid_login(const raw_http_response& r) {
  CHECK(r.status == 401);
  const auto body = json_of(r);
  CHECK(body["title"] == "Unauthorized");
  CHECK(body["status"] == 401);
  CHECK(body["type"] == "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html");
  CHECK(body["o:errorDetails"][0]["o:errorCode"] == "INVALID_LOGIN");
  CHECK(body["o:errorDetails"][0]["detail"].get<std::string>().rfind("Invalid login attempt.", 0) ==
        0);
}

template <class Predicate>
bool eventually(Predicate p) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < until) {
    if (p()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return p();
}

}  // namespace

TEST_CASE_METHOD(netsuite_fixture, "POST creates: 204, no body, absolute Location (§1.1)",
                 "[netsuite]") {
  const auto r =
      send("POST", records + "vendor", R"({"companyName":"Acme GmbH","externalId":"SUP-000123"})");
  CHECK(r.status == 204);
  CHECK(r.body.empty());
  const auto location = r.header("Location");
  CHECK(location.rfind("http://127.0.0.1/services/rest/record/v1/vendor/", 0) == 0);
  const auto id = location.substr(location.rfind('/') + 1);

  const auto by_id = send("GET", records + "vendor/" + id + "?expandSubResources=true");
  REQUIRE(by_id.status == 200);
  CHECK(json_of(by_id)["companyName"] == "Acme GmbH");
  CHECK(json_of(by_id)["id"] == id);
  const auto by_eid = send("GET", records + "vendor/eid:SUP-000123");
  REQUIRE(by_eid.status == 200);
  CHECK(json_of(by_eid)["id"] == id);
  CHECK(json_of(by_eid)["externalId"] == "SUP-000123");
  CHECK(effects()["created"] == 1);
}

TEST_CASE_METHOD(netsuite_fixture, "amounts are stored and returned exactly", "[netsuite]") {
  const auto v = vendor("SUP-1");
  REQUIRE(send("POST", records + "vendorBill", bill_body(v, "BILL-1", "1234.50")).status == 204);
  const auto bill = send("GET", records + "vendorBill/eid:BILL-1");
  REQUIRE(bill.status == 200);
  CHECK(bill.body.find("\"amount\":1234.50") != std::string::npos);
  const auto bad = send("POST", records + "vendorBill", bill_body(v, "BILL-2", "1.2345e3"));
  CHECK(bad.status == 400);
  CHECK(error_code(bad) == "INVALID_CONTENT");
}

TEST_CASE_METHOD(netsuite_fixture, "record types match case-insensitively (§1.1)", "[netsuite]") {
  const auto v = vendor("SUP-1");
  const auto r = send("POST", records + "vendorbill", bill_body(v, "BILL-1"));
  CHECK(r.status == 204);
  CHECK(r.header("Location").find("/vendorBill/") != std::string::npos);
  CHECK(send("GET", records + "VENDORBILL/eid:BILL-1").status == 200);
  CHECK(send("GET", records + "salesOrder/1").status == 404);
}

TEST_CASE_METHOD(netsuite_fixture, "externalId is unique per record type (§1.2)", "[netsuite]") {
  const auto v = vendor("SAME-KEY");
  const auto dup =
      send("POST", records + "vendor", R"({"companyName":"Other","externalId":"SAME-KEY"})");
  CHECK(dup.status == 400);
  CHECK(error_code(dup) == "USER_ERROR");
  CHECK(json_of(dup)["o:errorDetails"][0]["o:errorPath"] == "externalId");
  // The same key on another record type is a different record.
  CHECK(send("POST", records + "vendorBill", bill_body(v, "SAME-KEY")).status == 204);
  const auto e = effects();
  CHECK(e["count"] == 2);
  CHECK(e["updated"] == 0);
  CHECK(json_of(send("GET", records + "vendor/eid:SAME-KEY"))["companyName"] == "Acme GmbH");

  set({{"records.duplicate_error_code", "DUP_RCRD"}});
  CHECK(error_code(send("POST", records + "vendor", R"({"externalId":"SAME-KEY"})")) == "DUP_RCRD");
  const auto bad_key = send("POST", records + "vendor", R"({"externalId":"a|b"})");
  CHECK(bad_key.status == 400);
  CHECK(json_of(bad_key)["o:errorDetails"][0]["o:errorPath"] == "externalId");
}

TEST_CASE_METHOD(netsuite_fixture,
                 "setting duplicate_external_id=upsert: a duplicate POST silently updates",
                 "[netsuite][settings]") {
  set({{"records.duplicate_external_id", "upsert"}});
  const auto first = vendor("SUP-1");
  const auto again =
      send("POST", records + "vendor", R"({"companyName":"Changed","externalId":"SUP-1"})");
  CHECK(again.status == 204);
  CHECK(again.header("Location").substr(again.header("Location").rfind('/') + 1) == first);
  CHECK(json_of(send("GET", records + "vendor/" + first))["companyName"] == "Changed");
  const auto e = effects("?natural_key=SUP-1");
  REQUIRE(e["count"] == 2);
  CHECK(e["effects"][1]["action"] == "updated");
  CHECK(e["effects"][1]["version"] == 2);
}

TEST_CASE_METHOD(netsuite_fixture, "PUT eid: upserts and a changed replay is a visible update",
                 "[netsuite]") {
  const auto v = vendor("SUP-1");
  const auto created =
      send("PUT", records + "vendorBill/eid:BILL-9", bill_body(v, "BILL-9", "100.00"));
  CHECK(created.status == 204);
  const auto updated =
      send("PUT", records + "vendorBill/eid:BILL-9", bill_body(v, "BILL-9", "999.99"));
  CHECK(updated.status == 204);
  CHECK(updated.header("Location") == created.header("Location"));
  CHECK(send("GET", records + "vendorBill/eid:BILL-9").body.find("\"amount\":999.99") !=
        std::string::npos);

  const auto e = effects("?record_type=vendorBill");
  REQUIRE(e["count"] == 2);
  CHECK(e["effects"][0]["action"] == "created");
  CHECK(e["effects"][1]["action"] == "updated");
  CHECK(e["effects"][1]["version"] == 2);
  CHECK(e["effects"][1]["natural_key"] == "BILL-9");
  CHECK(e["effects"][1]["vendor_id"] == e["effects"][0]["vendor_id"]);

  // Upsert is only by external id.
  const auto id = created.header("Location").substr(created.header("Location").rfind('/') + 1);
  const auto by_id = send("PUT", records + "vendorBill/" + id, bill_body(v, "BILL-9"));
  CHECK(by_id.status == 400);
  CHECK(error_code(by_id) == "INVALID_PARAMETER");
  CHECK(send("PUT", records + "vendorBill/eid:OTHER", bill_body(v, "BILL-9")).status == 400);
}

TEST_CASE_METHOD(netsuite_fixture,
                 "setting payables.exchange_rates: a vendorPayment in a foreign currency gets its "
                 "rate; a rate the client sets is kept; a rate <= 0 is refused",
                 "[netsuite][settings]") {
  set({{"payables.exchange_rates", "2=0.9100;3=1.1650"}});
  const auto v = vendor("SUP-FX");
  const auto bill = send("POST", records + "vendorBill", bill_body(v, "BILL-FX", "1000.05"));
  const auto bill_id = bill.header("Location").substr(bill.header("Location").rfind('/') + 1);
  auto payment = [&](const std::string& external_id, const std::string& currency,
                     const std::string& extra) {
    return send("POST", records + "vendorPayment",
                R"({"entity":{"id":")" + v + R"("},"currency":{"id":")" + currency +
                    R"("},"externalId":")" + external_id + R"(")" + extra +
                    R"(,"apply":{"items":[{"doc":{"id":")" + bill_id +
                    R"("},"apply":true,"amount":100.00}]}})");
  };
  auto rate_of = [&](const raw_http_response& created) {
    REQUIRE(created.status == 204);
    const auto id = created.header("Location").substr(created.header("Location").rfind('/') + 1);
    const auto body = json_of(send("GET", records + "vendorPayment/" + id, ""));
    return body["exchangeRate"].dump();
  };
  CHECK(rate_of(payment("PAY-USD", "2", "")) == "0.91");  // 0.9100, as a JSON number
  CHECK(rate_of(payment("PAY-EUR", "1", "")) == "1");
  CHECK(rate_of(payment("PAY-SET", "2", R"(,"exchangeRate":0.95)")) == "0.95");
  const auto refused = payment("PAY-BAD", "2", R"(,"exchangeRate":0)");
  CHECK(refused.status == 400);
  CHECK(error_code(refused) == "INVALID_CONTENT");
}

TEST_CASE_METHOD(netsuite_fixture, "setting records.upsert_status changes the upsert answer",
                 "[netsuite][settings]") {
  set({{"records.upsert_status", 200}});
  CHECK(send("PUT", records + "vendor/eid:SUP-7", R"({"companyName":"X"})").status == 200);
}

TEST_CASE_METHOD(netsuite_fixture, "PATCH updates an existing record; absent ones are 404",
                 "[netsuite]") {
  const auto id = vendor("SUP-1");
  CHECK(send("PATCH", records + "vendor/" + id, R"({"companyName":"Renamed"})").status == 204);
  CHECK(send("PATCH", records + "vendor/eid:SUP-1", R"({"email":"ap@acme.example"})").status ==
        204);
  const auto got = json_of(send("GET", records + "vendor/" + id));
  CHECK(got["companyName"] == "Renamed");
  CHECK(got["email"] == "ap@acme.example");
  CHECK(effects("?natural_key=SUP-1")["effects"][2]["version"] == 3);

  const auto missing = send("PATCH", records + "vendor/99999", R"({"companyName":"x"})");
  CHECK(missing.status == 404);
  CHECK(error_code(missing) == "NONEXISTENT_ID");
  set({{"records.not_found_code", "RCRD_DSNT_EXIST"}});
  CHECK(error_code(send("GET", records + "vendor/eid:NOPE")) == "RCRD_DSNT_EXIST");
}

TEST_CASE_METHOD(netsuite_fixture, "invalid references get the §1.4 INVALID_CONTENT body",
                 "[netsuite][settings]") {
  const auto r = send("POST", records + "vendorBill", bill_body("9999", "BILL-1"));
  CHECK(r.status == 400);
  const auto body = json_of(r);
  CHECK(body["title"] == "Bad Request");
  CHECK(body["type"] == "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.1");
  CHECK(body["o:errorDetails"][0]["o:errorCode"] == "INVALID_CONTENT");
  CHECK(body["o:errorDetails"][0]["o:errorPath"] == "entity");
  CHECK(body["o:errorDetails"][0]["detail"] ==
        "Error while accessing resource: You have entered an Invalid Field Value 9999 for the "
        "following field: entity");
  const auto payment =
      send("POST", records + "vendorPayment",
           R"({"entity":{"id":")" + vendor("SUP-1") +
               R"("},"apply":{"items":[{"doc":{"id":"4242"},"apply":true,"amount":250.00}]}})");
  CHECK(payment.status == 400);
  CHECK(json_of(payment)["o:errorDetails"][0]["o:errorPath"] == "apply.items[0].doc");
  CHECK(effects()["count"] == 1);  // the vendor only

  set({{"records.check_references", false}});
  CHECK(send("POST", records + "vendorBill", bill_body("9999", "BILL-1")).status == 204);
}

TEST_CASE_METHOD(netsuite_fixture, "a vendor payment applies to an existing bill", "[netsuite]") {
  const auto v = vendor("SUP-1");
  const auto bill = send("POST", records + "vendorBill", bill_body(v, "BILL-1"));
  const auto bill_id = bill.header("Location").substr(bill.header("Location").rfind('/') + 1);
  const auto pay = send("POST", records + "vendorPayment",
                        R"({"entity":{"id":")" + v +
                            R"("},"externalId":"PAY-1","apply":{"items":[{"doc":{"id":")" +
                            bill_id + R"("},"apply":true,"amount":250.00}]}})");
  CHECK(pay.status == 204);
  CHECK(
      send(
          "POST", records + "journalEntry",
          R"({"subsidiary":{"id":"1"},"externalId":"JE-1","line":{"items":[{"account":{"id":"58"},"debit":187.00},{"account":{"id":"4"},"credit":187.00}]}})")
          .status == 204);
  CHECK(send("POST", records + "vendorCredit", bill_body(v, "CRED-1", "10.00")).status == 204);
  CHECK(effects()["created"] == 5);
}

TEST_CASE_METHOD(netsuite_fixture, "TBA: every bad signature or credential is 401 INVALID_LOGIN",
                 "[netsuite][auth]") {
  const std::string target = records + "vendor";
  const std::string body = R"({"companyName":"X","externalId":"SUP-1"})";
  const headers json = {{"Content-Type", "application/json"}};
  const auto with_auth = [&](const std::string& authorization) {
    headers h = json;
    h.emplace_back("Authorization", authorization);
    return raw_http(sim.port(), "POST", target, h, body);
  };
  const std::string url = "http://127.0.0.1" + target;

  SECTION("no Authorization") {
    check_invalid_login(raw_http(sim.port(), "POST", target, json, body));
  }
  SECTION("signed for another URL") {
    check_invalid_login(with_auth(signer.authorize("POST", url + "?x=1")));
  }
  SECTION("signed for another method") {
    check_invalid_login(with_auth(signer.authorize("PUT", url)));
  }
  SECTION("wrong consumer secret") {
    auto creds = sim_credentials;
    creds.consumer_secret = "not-it";
    check_invalid_login(
        with_auth(erpc::oauth1::signer(creds, "1234567_SB1").authorize("POST", url)));
  }
  SECTION("unknown token") {
    auto creds = sim_credentials;
    creds.token = "revoked-token";
    check_invalid_login(
        with_auth(erpc::oauth1::signer(creds, "1234567_SB1").authorize("POST", url)));
  }
  SECTION("another account's realm") {
    check_invalid_login(
        with_auth(erpc::oauth1::signer(sim_credentials, "7654321").authorize("POST", url)));
  }
  SECTION("HMAC-SHA1, which NetSuite no longer accepts") {
    erpc::oauth1::signer sha1(sim_credentials, "1234567_SB1",
                              erpc::oauth1::signature_method::hmac_sha1);
    check_invalid_login(with_auth(sha1.authorize("POST", url)));
  }
  SECTION("a nonce shorter than 6 characters") {
    check_invalid_login(with_auth(signer.authorize("POST", url, "abc", 1'700'000'000)));
  }
  SECTION("a reused nonce and timestamp") {
    const auto header = signer.authorize("POST", url, "nonce-123456", 1'700'000'000);
    CHECK(with_auth(header).status == 204);
    check_invalid_login(with_auth(header));
  }
  SECTION("a bearer token") { check_invalid_login(with_auth("Bearer abc")); }
  CHECK(effects()["count"] <= 1);
  const auto log = nlohmann::json::parse(raw_http(sim.port(), "GET", "/_sim/requests").body);
  CHECK(log.dump().find("oauth_signature") == std::string::npos);  // credentials cut from the log
}

TEST_CASE_METHOD(netsuite_fixture, "setting auth.mode=none accepts unsigned requests",
                 "[netsuite][auth][settings]") {
  CHECK(raw_http(sim.port(), "GET", records + "vendor").status == 401);
  set({{"auth.mode", "none"}});
  CHECK(raw_http(sim.port(), "GET", records + "vendor").status == 200);
}

TEST_CASE_METHOD(netsuite_fixture, "auth settings change the credentials the simulator accepts",
                 "[netsuite][auth][settings]") {
  set({{"auth.account_id", "TSTDRV1"}, {"auth.token_secret", "rotated"}});
  CHECK(send("GET", records + "vendor").status == 401);
  auto creds = sim_credentials;
  creds.token_secret = "rotated";
  erpc::oauth1::signer rotated(creds, "TSTDRV1");
  const std::string target = records + "vendor";
  CHECK(raw_http(sim.port(), "GET", target,
                 {{"Authorization", rotated.authorize("GET", "http://127.0.0.1" + target)}})
            .status == 200);
  const auto settings = raw_http(sim.port(), "GET", "/_sim/settings").body;
  CHECK(settings.find("rotated") == std::string::npos);  // secrets are write-only
}

TEST_CASE_METHOD(netsuite_fixture,
                 "concurrency limit: one request over it is refused in the set form (§1.5)",
                 "[netsuite][concurrency][settings]") {
  struct form_case {
    std::string form;
    int status;
    std::string code;
  };
  const std::vector<form_case> cases = {{"rest_429", 429, "CONCURRENCY_LIMIT_EXCEEDED"},
                                        {"restlet_400", 400, "SSS_REQUEST_LIMIT_EXCEEDED"},
                                        {"invalid_login", 401, "INVALID_LOGIN"}};
  for (const auto& c : cases) {
    INFO(c.form);
    set({{"concurrency.limit", 1},
         {"concurrency.error_form", c.form},
         {"concurrency.retry_after_seconds", c.form == "rest_429" ? 7 : 0},
         {"latency.response_delay_ms", 1500}});
    auto held = std::async(std::launch::async, [this] { return send("GET", records + "vendor"); });
    REQUIRE(eventually([this] { return sim.requests_in_flight() >= 1; }));
    const auto refused = send("GET", records + "vendor");
    CHECK(refused.status == c.status);
    CHECK(error_code(refused) == c.code);
    CHECK(refused.header("Retry-After") == (c.form == "rest_429" ? "7" : ""));
    CHECK(held.get().status == 200);
  }
  set({{"concurrency.limit", 0}, {"latency.response_delay_ms", 0}});
  CHECK(send("GET", records + "vendor").status == 200);
}

TEST_CASE_METHOD(netsuite_fixture, "collections page with limit/offset and filter with q (§1.6)",
                 "[netsuite][query]") {
  const auto v = vendor("SUP-0");
  for (int i = 1; i <= 4; ++i) vendor("SUP-" + std::to_string(i));
  const auto page1 = json_of(send("GET", records + "vendor?limit=2"));
  CHECK(page1["count"] == 2);
  CHECK(page1["hasMore"] == true);
  CHECK(page1["totalResults"] == 5);
  CHECK(page1["offset"] == 0);
  CHECK(page1["items"][0]["id"] == v);
  CHECK(page1["items"][0]["links"][0]["rel"] == "self");
  bool has_next = false;
  for (const auto& l : page1["links"]) has_next = has_next || l["rel"] == "next";
  CHECK(has_next);
  const auto page3 = json_of(send("GET", records + "vendor?limit=2&offset=4"));
  CHECK(page3["count"] == 1);
  CHECK(page3["hasMore"] == false);

  REQUIRE(send("POST", records + "vendorBill", bill_body(v, "BILL-1")).status == 204);
  const auto filtered =
      send("GET", records + "vendorbill?q=" + erpc::oauth1::percent_encode("entity EQUAL " + v));
  REQUIRE(filtered.status == 200);
  CHECK(json_of(filtered)["totalResults"] == 1);
  CHECK(json_of(send("GET", records + "vendor?q=" +
                                erpc::oauth1::percent_encode(
                                    "externalId IS \"SUP-3\"")))["totalResults"] == 1);
  const auto unsupported =
      send("GET", records + "vendor?q=" + erpc::oauth1::percent_encode("a IS 1 OR b IS 2"));
  CHECK(unsupported.status == 400);
  CHECK(error_code(unsupported) == "INVALID_PARAMETER");
  CHECK(send("GET", records + "vendor?limit=1001").status == 400);
}

TEST_CASE_METHOD(netsuite_fixture, "SuiteQL answers pages and needs Prefer: transient (§1.6)",
                 "[netsuite][query][settings]") {
  const auto v = vendor("SUP-1");
  REQUIRE(send("POST", records + "vendorBill", bill_body(v, "BILL-1")).status == 204);
  REQUIRE(send("POST", records + "vendorBill", bill_body(v, "BILL-2")).status == 204);
  const std::string target = "/services/rest/query/v1/suiteql?limit=1";
  const std::string q =
      R"({"q":"SELECT id, externalid, type FROM transaction WHERE type = 'VendBill' ORDER BY externalid DESC"})";
  const auto r = send("POST", target, q, {{"Prefer", "transient"}});
  REQUIRE(r.status == 200);
  const auto page = json_of(r);
  CHECK(page["totalResults"] == 2);
  CHECK(page["hasMore"] == true);
  CHECK(page["items"][0]["externalid"] == "BILL-2");
  CHECK(page["items"][0]["type"] == "VendBill");

  const auto no_prefer = send("POST", target, q);
  CHECK(no_prefer.status == 400);
  CHECK(error_code(no_prefer) == "INVALID_PARAMETER");
  set({{"suiteql.require_prefer_transient", false}});
  CHECK(send("POST", target, q).status == 200);
  const auto bad = send("POST", target, R"({"q":"DELETE FROM vendor"})");
  CHECK(bad.status == 400);
}

TEST_CASE_METHOD(
    netsuite_fixture,
    "async writes become jobs, and a repeated idempotency key is 400 IDEMPOTENCY_ERROR (§1.2)",
    "[netsuite][async]") {
  const auto v = vendor("SUP-1");
  const headers async = {{"Prefer", "respond-async"},
                         {"X-NetSuite-idempotency-key", "7f1c6a8e-0000-4000-8000-000000000001"}};
  const auto accepted = send("POST", records + "vendorBill", bill_body(v, "BILL-1"), async);
  REQUIRE(accepted.status == 202);
  CHECK(accepted.header("Preference-Applied") == "respond-async");
  const auto job = accepted.header("Location");
  REQUIRE(job.rfind("/services/rest/async/v1/job/", 0) == 0);

  const auto status = json_of(send("GET", job));
  CHECK(status["completed"] == true);
  CHECK(status["progress"] == "succeeded");
  const auto result_href = status["task"]["links"][0]["href"].get<std::string>();
  const auto result = send("GET", result_href.substr(result_href.find("/services/")));
  CHECK(result.status == 204);
  CHECK(result.header("Location").find("/vendorBill/") != std::string::npos);

  const auto dup = send("POST", records + "vendorBill", bill_body(v, "BILL-1"), async);
  CHECK(dup.status == 400);
  CHECK(dup.header("Location") == job);
  CHECK(dup.header("Preference-Applied") == "respond-async");
  const auto body = json_of(dup);
  CHECK(body["title"] == "Conflict");
  CHECK(body["status"] == 400);
  CHECK(body["type"] == "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.10");
  CHECK(body["o:errorDetails"][0]["o:errorCode"] == "IDEMPOTENCY_ERROR");
  CHECK(body["o:errorDetails"][0]["detail"].get<std::string>().rfind(
            "A request with the same idempotency key is already submitted.", 0) == 0);
  CHECK(effects("?record_type=vendorBill")["count"] == 1);

  CHECK(send("GET", "/services/rest/async/v1/job/999").status == 404);
}

TEST_CASE_METHOD(netsuite_fixture,
                 "setting async.job_delay_ms: a job stays pending, and so does its effect",
                 "[netsuite][async][settings]") {
  const auto v = vendor("SUP-1");
  set({{"async.job_delay_ms", 3'600'000}});
  const headers async = {{"Prefer", "respond-async"}, {"X-NetSuite-idempotency-key", "k-pending"}};
  const auto accepted = send("POST", records + "vendorBill", bill_body(v, "BILL-1"), async);
  REQUIRE(accepted.status == 202);
  const auto status = json_of(send("GET", accepted.header("Location")));
  CHECK(status["completed"] == false);
  CHECK(status["progress"] == "pending");
  CHECK(effects("?record_type=vendorBill")["count"] == 0);
  const auto dup = send("POST", records + "vendorBill", bill_body(v, "BILL-1"), async);
  CHECK(dup.status == 400);
  CHECK(dup.header("Location") == accepted.header("Location"));

  set({{"async.job_delay_ms", 50}});
  const auto soon =
      send("POST", records + "vendorBill", bill_body(v, "BILL-2"), {{"Prefer", "respond-async"}});
  REQUIRE(soon.status == 202);
  CHECK(eventually(
      [&] { return json_of(send("GET", soon.header("Location")))["completed"] == true; }));
  CHECK(effects("?natural_key=BILL-2")["count"] == 1);
}

TEST_CASE_METHOD(netsuite_fixture, "setting async.idempotency_key_on_sync: ignored, or enforced",
                 "[netsuite][async][settings]") {
  const headers keyed = {{"X-NetSuite-idempotency-key", "sync-key"}};
  CHECK(send("PUT", records + "vendor/eid:S1", R"({"companyName":"A"})", keyed).status == 204);
  CHECK(send("PUT", records + "vendor/eid:S1", R"({"companyName":"B"})", keyed).status == 204);
  CHECK(effects()["count"] == 2);

  set({{"async.idempotency_key_on_sync", "enforced"}});
  const headers enforced = {{"X-NetSuite-idempotency-key", "sync-key-2"}};
  CHECK(send("PUT", records + "vendor/eid:S2", R"({"companyName":"A"})", enforced).status == 204);
  const auto dup = send("PUT", records + "vendor/eid:S2", R"({"companyName":"B"})", enforced);
  CHECK(dup.status == 400);
  CHECK(error_code(dup) == "IDEMPOTENCY_ERROR");
  CHECK(effects("?natural_key=S2")["count"] == 1);
  CHECK(json_of(send("GET", dup.header("Location")))["completed"] == true);
}

TEST_CASE_METHOD(netsuite_fixture, "reset forgets records, jobs and keys", "[netsuite]") {
  const auto v = vendor("SUP-1");
  REQUIRE(send("POST", records + "vendorBill", bill_body(v, "BILL-1"),
               {{"Prefer", "respond-async"}, {"X-NetSuite-idempotency-key", "k"}})
              .status == 202);
  REQUIRE(raw_http(sim.port(), "POST", "/_sim/reset").status == 200);
  CHECK(send("GET", records + "vendor/eid:SUP-1").status == 404);
  CHECK(effects()["count"] == 0);
  const auto v2 = vendor("SUP-1");
  CHECK(send("POST", records + "vendorBill", bill_body(v2, "BILL-1"),
             {{"Prefer", "respond-async"}, {"X-NetSuite-idempotency-key", "k"}})
            .status == 202);
}
