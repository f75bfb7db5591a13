// SPDX-License-Identifier: Apache-2.0
// The UK Open Banking adapter end to end: driven through erpc::testing::fake_host, whose HTTP
// goes to the host's real HTTP service and on to the simulator in a child process. What happened
// at the "bank" is counted through the simulator's /_sim/effects, so a second payment fails the
// test. ARCHITECTURE §6: R1 replay, R2 reuse, R4 lost reply, R5b ledger-less (a fresh fake host
// each time); the consumed-consent guard after the key's validity; PSU settings; 429; the one
// token refresh; status progression mapped to the canonical lifecycle.
#include <erpc/host/http_service.hpp>
#include <erpc/http_client.hpp>
#include <erpc/sim/testing/sim_process.hpp>
#include <erpc/testing/fake_host.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

extern "C" const erpc_adapter_entry_v1 erpc_adapter_entry;

namespace {

using nlohmann::json;

std::int64_t wall_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

json payment(const std::string& amount = "119.00") {
  return {{"external_refs", json::object()},
          {"source", {{"system", "erp"}}},
          {"direction", "outbound"},
          {"method", "credit_transfer"},
          {"amount", {{"amount", amount}, {"currency", "GBP"}}},
          {"creditor", {{"name", "Acme Ltd"}}},
          {"creditor_account", {{"other", {{"id", "08080021325698"}}}}},
          {"document_number", "INV-2026-0042"}};
}

class ob_rig {
 public:
  ob_rig() { open(); }

  // A new fake host and connection: no memory of earlier calls (R5b: no ledger, no token).
  void open(const std::string& client_secret = "erpc-ob-secret") {
    host_ = std::make_unique<erpc::testing::fake_host>();
    host_->clock().set(wall_ms());
    host_->secrets().set("env:OB_CLIENT_ID", "erpc-ob-client");
    host_->secrets().set("env:OB_CLIENT_SECRET", client_secret);
    host_->http().scripted([this](const erpc::http_request& req, const erpc_call_v1* call) {
      {
        std::lock_guard lock(mutex_);
        sent_.push_back(req.method + " " + req.url.substr(req.url.find('/', 8)));
      }
      erpc::http_client client(http_.table());
      auto res = client.send(req, call);
      if (req.url.find("/domestic-payments") != std::string::npos && req.method == "POST" &&
          lose_next_payment_reply_.exchange(false)) {
        erpc::http_response lost;  // committed by the bank, the reply never arrives
        lost.transport = erpc::http_transport::failed;
        lost.request_sent = true;
        lost.transport_message = "connection reset while reading the reply";
        return lost;
      }
      return res;
    });
    adapter_ = host_->init(erpc_adapter_entry);
    const json config = {{"base_url", sim_.base_url()},
                         {"auth",
                          {{"client_id", "env:OB_CLIENT_ID"},
                           {"client_secret", "env:OB_CLIENT_SECRET"}}}};
    connection_ = host_->open(adapter_, config.dump());
  }

  erpc::testing::call_result call(const std::string& op, const std::string& object,
                                  const std::string& key, const json& payload_or_query,
                                  int attempt = 1, const char* prior = nullptr) {
    host_->clock().set(wall_ms());
    json envelope = {{"contract", "1.0"}, {"op", op}, {"object", object}, {"attempt", attempt},
                     {"correlation_id", "c-" + key}};
    if (!key.empty()) envelope["idempotency_key"] = key;
    if (prior) envelope["prior_outcome"] = prior;
    envelope[op == "create" ? "payload" : "query"] = payload_or_query;
    auto r = host_->execute(adapter_, connection_, envelope.dump());
    REQUIRE(r.answers == 1);
    return r;
  }

  json ok(const erpc::testing::call_result& r) {
    INFO((r.error ? std::string(r.error->code()) + ": " + r.error->message() : r.json));
    REQUIRE(r.ok);
    return json::parse(r.json);
  }

  erpc::error failed(const erpc::testing::call_result& r) {
    INFO(r.json);
    REQUIRE_FALSE(r.ok);
    REQUIRE(r.error);
    return *r.error;
  }

  void set_secret(const std::string& value) { host_->secrets().set("env:OB_CLIENT_SECRET", value); }
  std::size_t payments() { return sim_.effects("DomesticPayment").value("created", 0); }
  std::size_t payment_updates() { return sim_.effects("DomesticPayment").value("updated", 0); }
  void settings(const json& values) { sim_.apply_settings(values); }
  void lose_next_payment_reply() { lose_next_payment_reply_ = true; }
  std::vector<std::string> take_sent() {
    std::lock_guard lock(mutex_);
    auto out = std::move(sent_);
    sent_.clear();
    return out;
  }

 private:
  erpc::sim::testing::sim_process sim_{"openbanking_uk"};
  erpc::http_service http_{erpc::http_service_options{}};
  std::unique_ptr<erpc::testing::fake_host> host_;
  const erpc_adapter_v1* adapter_ = nullptr;
  erpc_connection* connection_ = nullptr;
  std::mutex mutex_;
  std::vector<std::string> sent_;
  std::atomic<bool> lose_next_payment_reply_{false};
};

std::string result_id(const json& answer) { return answer["result"]["id"].get<std::string>(); }

}  // namespace

TEST_CASE("consent → payment → status, mapped to the canonical lifecycle", "[openbanking][integration]") {
  ob_rig rig;
  const auto created = rig.ok(rig.call("create", "Payment", "pay-1", payment()));
  CHECK(created["replayed"] == false);
  const auto id = result_id(created);
  CHECK(created["result"]["external_refs"]["openbanking_uk"] == id);
  CHECK(created["result"]["amount"]["amount"] == "119.00");
  CHECK(rig.payments() == 1);
  const auto sent = rig.take_sent();
  CHECK(sent == std::vector<std::string>{"POST /token",
                                         "POST /open-banking/v3.1/pisp/domestic-payment-consents",
                                         "GET /open-banking/v3.1/pisp/domestic-payment-consents/" +
                                             created["result"]["external_refs"]["openbanking_uk_consent"]
                                                 .get<std::string>(),
                                         "POST /open-banking/v3.1/pisp/domestic-payments"});
  // The simulator moves one step a GET: Pending → AcceptedSettlementInProcess → Completed.
  auto status = rig.ok(rig.call("status", "Payment", "", {{"id", id}}));
  CHECK(status["result"]["status"] == "accepted");
  CHECK(status["result"]["bank_status"] == "ACSP");
  status = rig.ok(rig.call("status", "Payment", "", {{"id", id}}));
  CHECK(status["result"]["status"] == "settled");
  CHECK(status["result"]["bank_status"] == "ACSC");
  const auto got = rig.ok(rig.call("get", "Payment", "", {{"id", id}}));
  CHECK(got["result"]["id"] == id);
  CHECK(got["result"]["document_number"] == "INV-2026-0042");
  CHECK(rig.failed(rig.call("get", "Payment", "", {{"id", "sdpp-unknown"}})).cls() ==
        erpc::error_class::not_found);
  CHECK(rig.failed(rig.call("get", "Payment", "", {{"natural_key", "pay-1"}})).cls() ==
        erpc::error_class::unsupported);
}

TEST_CASE("R5b: replay and reuse without a ledger, through the bank's idempotency key",
          "[openbanking][integration]") {
  ob_rig rig;
  const auto first = rig.ok(rig.call("create", "Payment", "pay-2", payment()));
  rig.open();  // fresh connection, no ledger
  const auto again = rig.ok(rig.call("create", "Payment", "pay-2", payment()));
  CHECK(again["replayed"] == true);
  CHECK(result_id(again) == result_id(first));
  rig.open();
  const auto reuse = rig.failed(rig.call("create", "Payment", "pay-2", payment("120.00")));
  CHECK(reuse.cls() == erpc::error_class::idempotency_key_reuse);
  CHECK(reuse.effect() == erpc::effect::none);
  for (const char* form : {"duplicate_reference_400", "resource_already_exists_409"}) {
    rig.settings({{"idempotency.conflict_response", form}});
    CHECK(rig.failed(rig.call("create", "Payment", "pay-2", payment("120.00"), 2, "unknown")).cls() ==
          erpc::error_class::idempotency_key_reuse);
  }
  CHECK(rig.payments() == 1);
  CHECK(rig.payment_updates() == 0);
}

TEST_CASE("R4: a lost payment reply, then the retry replays the committed payment",
          "[openbanking][integration]") {
  ob_rig rig;
  rig.lose_next_payment_reply();
  const auto lost = rig.failed(rig.call("create", "Payment", "pay-3", payment()));
  CHECK(lost.cls() == erpc::error_class::outcome_unknown);
  CHECK(lost.effect() == erpc::effect::possible);
  CHECK(rig.payments() == 1);
  rig.open();
  const auto retry = rig.ok(rig.call("create", "Payment", "pay-3", payment(), 2, "unknown"));
  CHECK(retry["replayed"] == true);
  CHECK(rig.payments() == 1);
}

TEST_CASE("after the key's validity the consumed consent is the guard", "[openbanking][integration]") {
  ob_rig rig;
  rig.settings({{"idempotency.validity_seconds", 1}});
  const auto first = rig.ok(rig.call("create", "Payment", "pay-4", payment()));
  std::this_thread::sleep_for(std::chrono::milliseconds(1200));
  auto resubmitted = payment();
  resubmitted["external_refs"] = first["result"]["external_refs"];
  rig.open();
  SECTION("the resubmission names consent and payment: replayed with the first id") {
    const auto again = rig.ok(rig.call("create", "Payment", "pay-4", resubmitted, 2, "unknown"));
    CHECK(again["replayed"] == true);
    CHECK(result_id(again) == result_id(first));
  }
  SECTION("it names only the consent: CONFLICT payment_already_made, nothing paid twice") {
    resubmitted["external_refs"].erase("openbanking_uk");
    const auto e = rig.failed(rig.call("create", "Payment", "pay-4", resubmitted, 2, "unknown"));
    CHECK(e.cls() == erpc::error_class::conflict);
    CHECK(e.code() == "openbanking_uk.payment_already_made");
    CHECK(e.effect() == erpc::effect::none);
  }
  CHECK(rig.payments() == 1);
}

TEST_CASE("PSU authorisation settings", "[openbanking][integration]") {
  ob_rig rig;
  rig.settings({{"psu.authorisation", "manual"}});
  const auto waiting = rig.failed(rig.call("create", "Payment", "pay-5", payment()));
  CHECK(waiting.cls() == erpc::error_class::in_progress);
  CHECK(waiting.code() == "openbanking_uk.awaiting_authorisation");
  rig.settings({{"psu.authorisation", "auto_reject"}});
  const auto rejected = rig.failed(rig.call("create", "Payment", "pay-6", payment()));
  CHECK(rejected.cls() == erpc::error_class::conflict);
  CHECK(rejected.code() == "openbanking_uk.consent_rejected");
  CHECK(rig.payments() == 0);
}

TEST_CASE("429 with Retry-After, and one token refresh after a rotated secret",
          "[openbanking][integration]") {
  ob_rig rig;
  rig.ok(rig.call("create", "Payment", "pay-7", payment()));
  // The secret is rotated at the bank and behind the reference: the cached token is refused
  // (401), fetched again once with the new secret, and the request sent again.
  rig.settings({{"auth.client_secret", "rotated-secret"}});
  rig.set_secret("rotated-secret");
  (void)rig.take_sent();
  const auto after = rig.ok(rig.call("create", "Payment", "pay-8", payment()));
  CHECK(after["replayed"] == false);
  const auto sent = rig.take_sent();
  CHECK(std::count(sent.begin(), sent.end(), "POST /token") == 1);
  CHECK(sent.size() == 5);  // consent (401), token, consent, consent GET, payment
  CHECK(rig.payments() == 2);
  rig.settings({{"rate_limit.requests_per_window", 1}, {"rate_limit.window_seconds", 20}});
  const auto limited = rig.failed(rig.call("create", "Payment", "pay-9", payment()));
  CHECK(limited.cls() == erpc::error_class::rate_limited);
  REQUIRE(limited.retry_after_ms());
  CHECK(*limited.retry_after_ms() >= 1000);
  CHECK(limited.effect() == erpc::effect::none);
  rig.settings({{"rate_limit.requests_per_window", 0}});
}
