// SPDX-License-Identifier: Apache-2.0
// The UK Open Banking adapter end to end: driven through erpc::testing::fake_host, whose HTTP
// goes to the host's real HTTP service and on to the simulator in a child process. What happened
// at the "bank" is counted through the simulator's /_sim/effects, so a second payment fails the
// test. ARCHITECTURE §6: R1 replay, R2 reuse, R4 lost reply, R5b ledger-less (a fresh fake host
// each time); the consumed-consent guard after the key's validity; PSU settings; 429; the one
// token refresh; status progression mapped to the canonical lifecycle.
#include <erpc/adapters/testing/sim_rig.hpp>

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

class ob_rig : public erpc::adapters::testing::sim_rig {
 public:
  ob_rig() : sim_rig("openbanking_uk", erpc_adapter_entry) { open(); }

  // A new fake host and connection: no memory of earlier calls (R5b: no ledger, no token).
  void open(const std::string& client_secret = "erpc-ob-secret") {
    const json config = {{"base_url", sim().base_url()},
                         {"auth",
                          {{"client_id", "env:OB_CLIENT_ID"},
                           {"client_secret", "env:OB_CLIENT_SECRET"}}}};
    sim_rig::open(
        {{"env:OB_CLIENT_ID", "erpc-ob-client"}, {"env:OB_CLIENT_SECRET", client_secret}}, config,
        [this](const erpc::http_request& req, const erpc_call_v1* call) {
          {
            std::lock_guard lock(mutex_);
            sent_.push_back(req.method + " " + req.url.substr(req.url.find('/', 8)));
          }
          auto res = forward(req, call);
          if (req.url.find("/domestic-payments") != std::string::npos && req.method == "POST" &&
              lose_next_payment_reply_.exchange(false)) {
            return erpc::adapters::testing::lost_reply();  // committed by the bank, reply lost
          }
          return res;
        });
  }

  void set_secret(const std::string& value) { host().secrets().set("env:OB_CLIENT_SECRET", value); }
  std::size_t payments() { return effects("DomesticPayment").value("created", 0); }
  std::size_t payment_updates() { return effects("DomesticPayment").value("updated", 0); }
  void lose_next_payment_reply() { lose_next_payment_reply_ = true; }
  std::vector<std::string> take_sent() {
    std::lock_guard lock(mutex_);
    auto out = std::move(sent_);
    sent_.clear();
    return out;
  }

 private:
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
