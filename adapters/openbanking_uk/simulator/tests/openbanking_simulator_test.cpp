// SPDX-License-Identifier: Apache-2.0
// The UK Open Banking simulator over HTTP (vendors.md §8): token, consent → payment → status,
// the x-idempotency-key window (same body replays, another body is refused, an expired key is
// processed as new and meets the consumed consent), PSU settings, 429 + Retry-After, the
// interaction id echoed, token revocation on secret rotation.
#include <erpc/host/base64.hpp>
#include <erpc/sim/openbanking_uk_simulator.hpp>
#include <erpc/sim/simulator_server.hpp>
#include <support/raw_http.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <memory>
#include <thread>

namespace {

using nlohmann::json;
using erpc::testing::raw_http;
using erpc::testing::raw_http_response;
using headers = std::vector<std::pair<std::string, std::string>>;

const std::string api = "/open-banking/v3.1/pisp";

json initiation(const std::string& amount = "119.00") {
  return {{"InstructionIdentification", "INSTR-1"},
          {"EndToEndIdentification", "E2E-INV-2026-0042"},
          {"LocalInstrument", "UK.OBIE.FPS"},
          {"InstructedAmount", {{"Amount", amount}, {"Currency", "GBP"}}},
          {"CreditorAccount",
           {{"SchemeName", "UK.OBIE.SortCodeAccountNumber"},
            {"Identification", "08080021325698"},
            {"Name", "Acme Ltd"}}},
          {"RemittanceInformation", {{"Reference", "INV-2026-0042"}}}};
}

json consent_body(const std::string& amount = "119.00") {
  return {{"Data", {{"Initiation", initiation(amount)}}},
          {"Risk", {{"PaymentContextCode", "BillPayment"}}}};
}

struct ob_fixture {
  ob_fixture() : sim(std::make_unique<erpc::sim::simulator_server>(
                     erpc::sim::make_openbanking_uk_simulator())) {
    sim->start();
    token = fetch_token("erpc-ob-secret");
    REQUIRE(!token.empty());
  }

  std::string fetch_token(const std::string& secret) {
    const auto r = raw_http(sim->port(), "POST", "/token",
                            {{"Authorization",
                              "Basic " + erpc::base64_encode("erpc-ob-client:" + secret)},
                             {"Content-Type", "application/x-www-form-urlencoded"}},
                            "grant_type=client_credentials&scope=payments");
    if (r.status != 200) return {};
    return json::parse(r.body).value("access_token", "");
  }

  void set(const json& settings) {
    const auto r = raw_http(sim->port(), "PUT", "/_sim/settings",
                            {{"Content-Type", "application/json"}}, settings.dump());
    REQUIRE(r.status == 200);
  }

  raw_http_response post(const std::string& path, const json& body, const std::string& key,
                         headers extra = {}) {
    extra.emplace_back("Authorization", "Bearer " + token);
    extra.emplace_back("Content-Type", "application/json");
    if (!key.empty()) extra.emplace_back("x-idempotency-key", key);
    return raw_http(sim->port(), "POST", api + path, extra, body.dump());
  }

  raw_http_response get(const std::string& path) {
    return raw_http(sim->port(), "GET", api + path, {{"Authorization", "Bearer " + token}});
  }

  std::size_t created(const std::string& record_type) {
    std::size_t n = 0;
    for (const auto& e : sim->context().effects().snapshot()) {
      if (e.record_type == record_type && e.action == erpc::sim::effect_action::created) ++n;
    }
    return n;
  }

  // consent → payment; returns {consent id, payment id}.
  std::pair<std::string, std::string> pay(const std::string& key) {
    const auto c = post("/domestic-payment-consents", consent_body(), key + "-c");
    REQUIRE(c.status == 201);
    const auto consent_id = json::parse(c.body)["Data"]["ConsentId"].get<std::string>();
    json body = {{"Data", {{"ConsentId", consent_id}, {"Initiation", initiation()}}},
                 {"Risk", {{"PaymentContextCode", "BillPayment"}}}};
    const auto p = post("/domestic-payments", body, key + "-p");
    INFO(p.body);
    REQUIRE(p.status == 201);
    return {consent_id, json::parse(p.body)["Data"]["DomesticPaymentId"].get<std::string>()};
  }

  std::unique_ptr<erpc::sim::simulator_server> sim;
  std::string token;
};

json payment_body(const std::string& consent_id, const std::string& amount = "119.00") {
  return {{"Data", {{"ConsentId", consent_id}, {"Initiation", initiation(amount)}}},
          {"Risk", {{"PaymentContextCode", "BillPayment"}}}};
}

}  // namespace

TEST_CASE_METHOD(ob_fixture, "consent, payment and status progression", "[openbanking][sim]") {
  const auto c = post("/domestic-payment-consents", consent_body(), "k1-c",
                      {{"x-fapi-interaction-id", "93bac548-d2de-4546-b106-880a5018460d"}});
  REQUIRE(c.status == 201);
  CHECK(c.header("x-fapi-interaction-id") == "93bac548-d2de-4546-b106-880a5018460d");
  const auto consent = json::parse(c.body)["Data"];
  CHECK(consent["Status"] == "AwaitingAuthorisation");
  CHECK(json::parse(get("/domestic-payment-consents/" + consent["ConsentId"].get<std::string>()).body)
            ["Data"]["Status"] == "Authorised");  // auto-approve
  const auto p = post("/domestic-payments", payment_body(consent["ConsentId"]), "k1-p");
  REQUIRE(p.status == 201);
  CHECK(!p.header("x-fapi-interaction-id").empty());  // generated when the client sent none
  const auto id = json::parse(p.body)["Data"]["DomesticPaymentId"].get<std::string>();
  CHECK(json::parse(p.body)["Data"]["Status"] == "Pending");
  CHECK(json::parse(get("/domestic-payments/" + id).body)["Data"]["Status"] ==
        "AcceptedSettlementInProcess");
  CHECK(json::parse(get("/domestic-payments/" + id).body)["Data"]["Status"] ==
        "AcceptedSettlementCompleted");
  CHECK(json::parse(get("/domestic-payments/" + id).body)["Data"]["Status"] ==
        "AcceptedSettlementCompleted");
  CHECK(json::parse(get("/domestic-payment-consents/" + consent["ConsentId"].get<std::string>()).body)
            ["Data"]["Status"] == "Consumed");
  CHECK(get("/domestic-payments/nope").status == 404);
}

TEST_CASE_METHOD(ob_fixture, "the idempotency window", "[openbanking][sim]") {
  const auto [consent_id, payment_id] = pay("k2");

  SECTION("same key, same body within validity: the first answer, no second resource") {
    const auto again = post("/domestic-payments", payment_body(consent_id), "k2-p");
    REQUIRE(again.status == 201);
    CHECK(json::parse(again.body)["Data"]["DomesticPaymentId"] == payment_id);
    const auto consent_again = post("/domestic-payment-consents", consent_body(), "k2-c");
    CHECK(json::parse(consent_again.body)["Data"]["ConsentId"] == consent_id);
    CHECK(created("DomesticPayment") == 1);
    CHECK(created("DomesticPaymentConsent") == 1);
  }
  SECTION("same key, another body: refused as the conflict setting says") {
    auto r = post("/domestic-payment-consents", consent_body("120.00"), "k2-c");
    CHECK(r.status == 400);
    CHECK(json::parse(r.body)["Errors"][0]["ErrorCode"] == "UK.OBIE.Resource.ConsentMismatch");
    set({{"idempotency.conflict_response", "resource_already_exists_409"}});
    r = post("/domestic-payment-consents", consent_body("120.00"), "k2-c");
    CHECK(r.status == 409);
    CHECK(json::parse(r.body)["Errors"][0]["ErrorCode"] == "UK.OBIE.Rules.ResourceAlreadyExists");
    CHECK(created("DomesticPaymentConsent") == 1);
  }
  SECTION("after validity: processed as new, and the consumed consent guards the payment") {
    set({{"idempotency.validity_seconds", 1}});
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    const auto r = post("/domestic-payments", payment_body(consent_id), "k2-p");
    CHECK(r.status == 400);
    CHECK(json::parse(r.body)["Errors"][0]["ErrorCode"] ==
          "UK.OBIE.Resource.InvalidConsentStatus");
    CHECK(created("DomesticPayment") == 1);
    // The consent POST is new after the window: a second consent (the PSU must authorise it).
    CHECK(post("/domestic-payment-consents", consent_body(), "k2-c").status == 201);
    CHECK(created("DomesticPaymentConsent") == 2);
  }
}

TEST_CASE_METHOD(ob_fixture, "header and body checks", "[openbanking][sim]") {
  auto r = post("/domestic-payment-consents", consent_body(), "");
  CHECK(r.status == 400);
  CHECK(json::parse(r.body)["Errors"][0]["ErrorCode"] == "UK.OBIE.Header.Missing");
  r = post("/domestic-payment-consents", consent_body(), std::string(41, 'a'));
  CHECK(json::parse(r.body)["Errors"][0]["ErrorCode"] == "UK.OBIE.Header.Invalid");
  auto body = consent_body();
  body["Data"]["Initiation"]["CreditorAccount"].erase("Name");
  r = post("/domestic-payment-consents", body, "k3");
  CHECK(r.status == 400);
  CHECK(json::parse(r.body)["Errors"][0]["Path"] == "Data.Initiation.CreditorAccount.Name");
  body = consent_body("1.5e3");
  r = post("/domestic-payment-consents", body, "k4");
  CHECK(json::parse(r.body)["Errors"][0]["ErrorCode"] == "UK.OBIE.Field.Invalid");
  CHECK(created("DomesticPaymentConsent") == 0);
}

TEST_CASE_METHOD(ob_fixture, "PSU settings and consent state", "[openbanking][sim]") {
  SECTION("rejected by the PSU") {
    set({{"psu.authorisation", "auto_reject"}});
    const auto c = post("/domestic-payment-consents", consent_body(), "k5-c");
    const auto id = json::parse(c.body)["Data"]["ConsentId"].get<std::string>();
    const auto p = post("/domestic-payments", payment_body(id), "k5-p");
    CHECK(p.status == 400);
    CHECK(json::parse(p.body)["Errors"][0]["ErrorCode"] == "UK.OBIE.Resource.InvalidConsentStatus");
  }
  SECTION("an expired consent cannot take a payment") {
    set({{"consent.expiry_seconds", 1}});
    const auto c = post("/domestic-payment-consents", consent_body(), "k7-c");
    const auto id = json::parse(c.body)["Data"]["ConsentId"].get<std::string>();
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    const auto p = post("/domestic-payments", payment_body(id), "k7-p");
    CHECK(json::parse(p.body)["Errors"][0]["ErrorCode"] == "UK.OBIE.Resource.InvalidConsentStatus");
    CHECK(created("DomesticPayment") == 0);
  }
  SECTION("timed status progression and a rejected final status") {
    set({{"payments.status_progression", "timed"}, {"payments.status_step_seconds", 1},
         {"payments.final_status", "Rejected"}});
    const auto [consent_id, payment_id] = pay("k8");
    CHECK(json::parse(get("/domestic-payments/" + payment_id).body)["Data"]["Status"] == "Pending");
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    CHECK(json::parse(get("/domestic-payments/" + payment_id).body)["Data"]["Status"] == "Rejected");
  }
  SECTION("a payment whose initiation differs from its consent") {
    const auto c = post("/domestic-payment-consents", consent_body(), "k6-c");
    const auto id = json::parse(c.body)["Data"]["ConsentId"].get<std::string>();
    const auto p = post("/domestic-payments", payment_body(id, "999.00"), "k6-p");
    CHECK(json::parse(p.body)["Errors"][0]["ErrorCode"] == "UK.OBIE.Resource.ConsentMismatch");
    CHECK(created("DomesticPayment") == 0);
  }
}

TEST_CASE_METHOD(ob_fixture, "429 with Retry-After and token revocation", "[openbanking][sim]") {
  set({{"rate_limit.requests_per_window", 1}, {"rate_limit.window_seconds", 30}});
  CHECK(get("/domestic-payments/x").status == 404);
  const auto r = get("/domestic-payments/x");
  CHECK(r.status == 429);
  CHECK(std::stoi(r.header("Retry-After")) >= 29);
  CHECK(!r.header("x-fapi-interaction-id").empty());
  set({{"rate_limit.requests_per_window", 0}, {"auth.client_secret", "rotated"}});
  CHECK(get("/domestic-payments/x").status == 401);  // issued under the old secret
  CHECK(fetch_token("erpc-ob-secret").empty());
  token = fetch_token("rotated");
  CHECK(get("/domestic-payments/x").status == 404);
}
