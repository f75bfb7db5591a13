// SPDX-License-Identifier: Apache-2.0
// The BILL adapter end to end: driven through erpc::testing::fake_host, whose HTTP goes to the
// host's real HTTP service and on to the BILL simulator in a child process. What happened at
// "BILL" is counted through /_sim/effects, so a duplicate fails the test. ARCHITECTURE §6 R1,
// R2, R4, R5b through the read-back (BILL has no idempotency key); the key in the payment memo;
// session expiry and a rotated password; the invoice-fields setting.
#include <erpc/adapters/testing/sim_rig.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <thread>

extern "C" const erpc_adapter_entry_v1 erpc_adapter_entry;

namespace {

using nlohmann::json;

class bill_rig : public erpc::adapters::testing::sim_rig {
 public:
  explicit bill_rig(json extra_config = json::object()) : sim_rig("bill", erpc_adapter_entry) {
    open(std::move(extra_config));
  }

  // A new fake host and connection: no memory of earlier calls (R5b: no ledger, no session).
  void open(json extra_config = json::object()) {
    json config = {{"base_url", sim().base_url()},
                   {"username", "env:BILL_USER"},
                   {"password", "env:BILL_PASSWORD"},
                   {"dev_key", "env:BILL_DEV_KEY"},
                   {"organization_id", "00801SIMORG0001"},
                   {"legal_entity", "US01"},
                   {"value_maps",
                    {{"accounts", {{"6100", "0ca01SIMCOA000006100"}}},
                     {"bank_accounts", {{"1010", "bac01SIMOPERATING01"}}}}}};
    config.update(extra_config);
    sim_rig::open(
        {{"env:BILL_USER", "sim.bill.user"}, {"env:BILL_PASSWORD", password_}, {"env:BILL_DEV_KEY", "sim-bill-dev-key"}},
        config, [this](const erpc::http_request& req, const erpc_call_v1* call) {
          if (req.url.find("/login") != std::string::npos) ++logins_;
          for (const auto& [name, value] : req.headers) {
            if (name == "Idempotency-Key") ++idempotency_headers_;
          }
          if (refuse_sessions_ && req.url.find("/login") == std::string::npos) {
            ++refused_requests_;
            erpc::http_response refused;  // BILL keeps answering BDC_1109 (vendors.md §10.2)
            refused.transport = erpc::http_transport::ok;
            refused.status = 401;
            refused.body = R"([{"timestamp":"2026-03-02T10:15:30.000+00:00","code":"BDC_1109","severity":"ERROR",)"
                           R"("category":"REQUEST","message":"Session is invalid. Please log in."}])";
            return refused;
          }
          auto res = forward(req, call);
          if (req.method == "POST" && req.url.find("/login") == std::string::npos &&
              lose_next_write_reply_.exchange(false)) {
            return erpc::adapters::testing::lost_reply();  // committed by BILL, the reply never arrives (R4)
          }
          return res;
        });
  }

  void lose_next_write_reply() { lose_next_write_reply_ = true; }
  int logins() const { return logins_; }
  void refuse_sessions(bool on) { refuse_sessions_ = on; }
  int refused_requests() const { return refused_requests_; }
  int idempotency_headers() const { return idempotency_headers_; }
  void set_password(const std::string& p) {
    password_ = p;
    host().secrets().set("env:BILL_PASSWORD", p);
  }
  std::vector<std::string> log_lines() {
    std::vector<std::string> out;
    for (const auto& l : host().log().lines()) out.push_back(l.message);
    return out;
  }

 private:
  std::string password_ = "sim-bill-password";
  std::atomic<bool> lose_next_write_reply_{false};
  std::atomic<int> logins_{0};
  std::atomic<bool> refuse_sessions_{false};
  std::atomic<int> refused_requests_{0};
  std::atomic<int> idempotency_headers_{0};
};

json money(const std::string& a) { return {{"amount", a}, {"currency", "USD"}}; }

json vendor(const std::string& name) {
  return {{"external_refs", json::object()}, {"source", {{"system", "test"}}}, {"name", name},
          {"email", "ap@" + name + ".example"}};
}

json invoice(const std::string& number, const std::string& amount, const std::string& date = "2026-03-02") {
  return {{"external_refs", json::object()}, {"source", {{"system", "test"}}},
          {"document_type", "invoice"}, {"direction", "payable"}, {"legal_entity", "US01"},
          {"supplier", {{"name", "Acme"}}}, {"invoice_number", number}, {"invoice_date", date},
          {"due_date", "2026-04-01"}, {"currency", "USD"},
          {"lines", {{{"account", "6100"}, {"description", "Bearings"}, {"net", money(amount)},
                      {"tax", money("0.00")}, {"gross", money(amount)}}}},
          {"totals", {{"net", money(amount)}, {"tax", money("0.00")}, {"gross", money(amount)}}}};
}

json payment(const std::string& amount, const std::string& invoice_number,
             const std::string& date = "2026-03-10") {
  return {{"external_refs", json::object()}, {"source", {{"system", "test"}}}, {"direction", "outbound"},
          {"amount", money(amount)}, {"requested_execution_date", date},
          {"creditor", {{"name", "Acme"}}}, {"clearing_account", "1010"},
          {"applications", {{{"document_type", "invoice"}, {"document", {{"number", invoice_number}}},
                             {"amount", money(amount)}}}}};
}

}  // namespace

TEST_CASE("R1/R5b: the same bill again replays the first - also on a fresh connection", "[bill][integration]") {
  bill_rig rig;
  rig.ok(rig.call("create", "Supplier", "v-1", vendor("Acme")));
  const auto first = rig.ok(rig.call("create", "Invoice", "inv-1", invoice("INV-1", "100.10")));
  CHECK(first["replayed"] == false);
  const std::string id = first["result"]["id"];
  CHECK(id.rfind("00n", 0) == 0);
  CHECK(first["result"]["external_refs"]["bill"] == id);

  CHECK(rig.ok(rig.call("create", "Invoice", "inv-1", invoice("INV-1", "100.10")))["replayed"] == true);
  rig.open();
  const auto fresh = rig.ok(rig.call("create", "Invoice", "inv-1", invoice("INV-1", "100.10")));
  CHECK(fresh["replayed"] == true);
  CHECK(fresh["result"]["id"] == id);
  const auto fx = rig.effects("bills");
  CHECK(fx["created"] == 1);
  CHECK(fx["updated"] == 0);
  CHECK(rig.idempotency_headers() == 0);  // BILL has none (vendors.md §10.2); the memo carries the key

  const auto got = rig.ok(rig.call("get", "Invoice", "", {{"id", id}}));
  CHECK(got["result"]["totals"]["gross"] == money("100.10"));
  CHECK(got["result"]["invoice_number"] == "INV-1");
  CHECK(got["result"]["lines"][0]["account"] == "6100");
}

TEST_CASE("R2: a changed bill under the same key is IDEMPOTENCY_KEY_REUSE - another key's is CONFLICT",
          "[bill][integration]") {
  bill_rig rig;
  rig.ok(rig.call("create", "Supplier", "v-1", vendor("Acme")));
  rig.ok(rig.call("create", "Invoice", "inv-2", invoice("INV-2", "100.00")));
  for (int attempt : {1, 2}) {
    const auto r = rig.call("create", "Invoice", "inv-2", invoice("INV-2", "100.00", "2026-03-03"), attempt,
                            attempt > 1 ? "unknown" : nullptr);
    REQUIRE_FALSE(r.ok);
    CHECK(r.error->cls() == erpc::error_class::idempotency_key_reuse);
    CHECK(r.error->code() == "bill.key_reuse");
    CHECK(r.error->effect() == erpc::effect::none);
  }
  const auto other = rig.call("create", "Invoice", "inv-other", invoice("INV-2", "100.01"));
  REQUIRE_FALSE(other.ok);
  CHECK(other.error->cls() == erpc::error_class::conflict);
  CHECK(other.error->code() == "bill.natural_key_taken");
  CHECK(rig.effects("bills")["created"] == 1);
}

TEST_CASE("R4: a lost reply is OUTCOME_UNKNOWN - the retry reads back and replays - no second bill",
          "[bill][integration]") {
  bill_rig rig;
  rig.ok(rig.call("create", "Supplier", "v-1", vendor("Acme")));
  rig.lose_next_write_reply();
  const auto lost = rig.call("create", "Invoice", "inv-4", invoice("INV-4", "10.00"));
  REQUIRE_FALSE(lost.ok);
  CHECK(lost.error->cls() == erpc::error_class::outcome_unknown);
  CHECK(lost.error->effect() == erpc::effect::possible);
  rig.open();
  const auto retry = rig.ok(rig.call("create", "Invoice", "inv-4", invoice("INV-4", "10.00"), 2, "unknown"));
  CHECK(retry["replayed"] == true);
  CHECK(rig.effects("bills")["created"] == 1);
}

TEST_CASE("payments: the key in the memo finds a lost payment - a second key pays again - over-paying is refused",
          "[bill][integration]") {
  bill_rig rig;
  rig.ok(rig.call("create", "Supplier", "v-1", vendor("Acme")));
  rig.ok(rig.call("create", "Invoice", "inv-p", invoice("INV-P", "100.00")));
  rig.lose_next_write_reply();
  const auto lost = rig.call("create", "Payment", "pay-1", payment("40.00", "INV-P"));
  REQUIRE_FALSE(lost.ok);
  CHECK(lost.error->cls() == erpc::error_class::outcome_unknown);
  rig.open();
  const auto retry = rig.ok(rig.call("create", "Payment", "pay-1", payment("40.00", "INV-P"), 2, "unknown"));
  CHECK(retry["replayed"] == true);
  const std::string id = retry["result"]["id"];
  CHECK(rig.effects("payments")["created"] == 1);

  // The same amount on the same day under another key is a second, legitimate payment.
  const auto second = rig.ok(rig.call("create", "Payment", "pay-2", payment("40.00", "INV-P")));
  CHECK(second["replayed"] == false);
  CHECK(second["result"]["id"] != id);
  // The same key with another date is reuse, not a third payment.
  const auto reused = rig.call("create", "Payment", "pay-2", payment("40.00", "INV-P", "2026-03-11"));
  REQUIRE_FALSE(reused.ok);
  CHECK(reused.error->cls() == erpc::error_class::idempotency_key_reuse);
  // 20.00 is left: more is refused by BILL, with the payment's pointer.
  const auto over = rig.call("create", "Payment", "pay-3", payment("20.01", "INV-P"));
  REQUIRE_FALSE(over.ok);
  CHECK(over.error->cls() == erpc::error_class::validation);
  REQUIRE_FALSE(over.error->field_errors().empty());
  CHECK(over.error->field_errors()[0].pointer == "/amount");
  CHECK(rig.effects("payments")["created"] == 2);

  const auto got = rig.ok(rig.call("get", "Payment", "", {{"id", id}}));
  CHECK(got["result"]["amount"] == money("40.00"));
  CHECK(got["result"]["clearing_account"] == "1010");
  CHECK(got["result"]["requested_execution_date"] == "2026-03-10");
}

TEST_CASE("an expired session is renewed once (BDC_1109) - a rotated password is picked up",
          "[bill][integration]") {
  bill_rig rig;
  rig.ok(rig.call("create", "Supplier", "v-1", vendor("Acme")));
  CHECK(rig.logins() == 1);
  rig.settings({{"auth.session_idle_seconds", 1}});
  std::this_thread::sleep_for(std::chrono::milliseconds(1200));
  rig.ok(rig.call("create", "Invoice", "inv-s", invoice("INV-S", "1.00")));
  CHECK(rig.logins() == 2);

  rig.settings({{"auth.session_idle_seconds", 2100}, {"auth.password", "rotated-pw"}});
  rig.set_password("rotated-pw");
  rig.ok(rig.call("create", "Invoice", "inv-r", invoice("INV-R", "2.00")));
  CHECK(rig.logins() == 3);
  for (const auto& line : rig.log_lines()) {
    CHECK(line.find("rotated-pw") == std::string::npos);
    CHECK(line.find("sim-bill-dev-key") == std::string::npos);
  }

  // A session BILL refuses again right after a new login: one login, one re-send, then
  // AUTHENTICATION — never a loop.
  rig.refuse_sessions(true);
  const auto stuck = rig.call("get", "Supplier", "", {{"id", "00901SIM000000000001"}});
  rig.refuse_sessions(false);
  REQUIRE_FALSE(stuck.ok);
  CHECK(stuck.error->cls() == erpc::error_class::authentication);
  CHECK(stuck.error->code() == "bill.BDC_1109");
  CHECK(rig.logins() == 4);
  CHECK(rig.refused_requests() == 2);

  // A wrong password: AUTHENTICATION, the secret in no message.
  rig.settings({{"auth.password", "another"}});
  const auto refused = rig.call("create", "Invoice", "inv-x", invoice("INV-X", "3.00"));
  REQUIRE_FALSE(refused.ok);
  CHECK(refused.error->cls() == erpc::error_class::authentication);
  CHECK(refused.error->code() == "bill.BDC_1101");
  CHECK(refused.error->message().find("rotated-pw") == std::string::npos);
  CHECK(rig.effects("bills")["created"] == 2);
}

TEST_CASE("the invoice fields follow the connection's invoice_fields (the simulator's setting)",
          "[bill][integration]") {
  bill_rig rig;
  rig.settings({{"bills.invoice_fields", "nested"}});
  rig.ok(rig.call("create", "Supplier", "v-1", vendor("Acme")));
  const auto top = rig.call("create", "Invoice", "inv-n", invoice("INV-N", "5.00"));
  REQUIRE_FALSE(top.ok);
  CHECK(top.error->cls() == erpc::error_class::validation);
  rig.open({{"invoice_fields", "nested"}});
  const auto made = rig.ok(rig.call("create", "Invoice", "inv-n", invoice("INV-N", "5.00")));
  CHECK(rig.ok(rig.call("create", "Invoice", "inv-n", invoice("INV-N", "5.00")))["replayed"] == true);
  const auto got = rig.ok(rig.call("get", "Invoice", "", {{"id", made["result"]["id"]}}));
  CHECK(got["result"]["invoice_number"] == "INV-N");
  rig.ok(rig.call("create", "Payment", "pay-n", payment("5.00", "INV-N")));
  CHECK(rig.effects("bills")["created"] == 1);
}

TEST_CASE("a duplicate-rejecting BILL (setting) still replays through the read-back", "[bill][integration]") {
  bill_rig rig;
  rig.settings({{"bills.duplicate_invoice_number", "reject"}, {"bills.duplicate_status", 409}});
  rig.ok(rig.call("create", "Supplier", "v-1", vendor("Acme")));
  const auto first = rig.ok(rig.call("create", "Invoice", "inv-d", invoice("INV-D", "7.00")));
  rig.open();
  const auto again = rig.ok(rig.call("create", "Invoice", "inv-d", invoice("INV-D", "7.00")));
  CHECK(again["replayed"] == true);
  CHECK(again["result"]["id"] == first["result"]["id"]);
  CHECK(rig.effects("bills")["created"] == 1);
}

TEST_CASE("vendors: created - replayed by name - listed with a cursor - read", "[bill][integration]") {
  bill_rig rig;
  const std::string id = rig.ok(rig.call("create", "Supplier", "v-1", vendor("Acme")))["result"]["id"];
  CHECK(id.rfind("009", 0) == 0);
  CHECK(rig.ok(rig.call("create", "Supplier", "v-other", vendor("Acme")))["result"]["id"] == id);
  rig.ok(rig.call("create", "Supplier", "v-2", vendor("Globex")));
  CHECK(rig.effects("vendors")["created"] == 2);
  const auto page = rig.ok(rig.call("list", "Supplier", "", {{"limit", 1}}));
  CHECK(page["result"]["items"].size() == 1);
  REQUIRE(page["result"].contains("next_cursor"));
  const auto next = rig.ok(rig.call("list", "Supplier", "", {{"limit", 1}, {"cursor", page["result"]["next_cursor"]}}));
  CHECK(next["result"]["items"].size() == 1);
  CHECK_FALSE(next["result"].contains("next_cursor"));
  const auto got = rig.ok(rig.call("get", "Supplier", "", {{"id", id}}));
  CHECK(got["result"]["name"] == "Acme");
  CHECK(got["result"]["email"] == "ap@Acme.example");
  const auto missing = rig.call("get", "Supplier", "", {{"id", "00901SIM999999999999"}});
  REQUIRE_FALSE(missing.ok);
  CHECK(missing.error->cls() == erpc::error_class::not_found);
}

TEST_CASE("a BDC_1144 from BILL is RATE_LIMITED with nothing written - journals are UNSUPPORTED",
          "[bill][integration]") {
  bill_rig rig;
  rig.ok(rig.call("create", "Supplier", "v-1", vendor("Acme")));
  // The developer key's hour is used up (vendors.md §10.2: 20,000 an hour).
  rig.settings({{"limits.hourly_requests", 1}});
  const auto limited = rig.call("create", "Invoice", "inv-l", invoice("INV-L", "1.00"));
  REQUIRE_FALSE(limited.ok);
  CHECK(limited.error->cls() == erpc::error_class::rate_limited);
  CHECK(limited.error->code() == "bill.BDC_1144");
  CHECK(limited.error->effect() == erpc::effect::none);
  rig.settings({{"limits.hourly_requests", 20000}});
  CHECK(rig.effects("bills")["created"] == 0);

  const auto journal = rig.call("create", "JournalEntry", "j-1", json{{"external_refs", json::object()}});
  REQUIRE_FALSE(journal.ok);
  CHECK(journal.error->cls() == erpc::error_class::unsupported);
  CHECK(journal.error->code() == "bill.object_unsupported");
}

TEST_CASE("PaymentBatch: a mass payment is submitted once - its status maps to PaymentStatus - a lost reply is never re-posted blindly",
          "[bill][integration]") {
  bill_rig rig;
  rig.settings({{"mass_payments.complete_after_ms", 600}});
  rig.ok(rig.call("create", "Supplier", "v-1", vendor("Acme")));
  rig.ok(rig.call("create", "Invoice", "inv-a", invoice("INV-A", "10.00")));
  rig.ok(rig.call("create", "Invoice", "inv-b", invoice("INV-B", "20.00")));
  rig.ok(rig.call("create", "Invoice", "inv-c", invoice("INV-C", "5.00")));
  auto unpaid_b = payment("25.00", "INV-B");  // more than INV-B owes: BILL fails that bill only
  auto batch = [](std::vector<json> payments) {
    for (auto& p : payments) p.erase("requested_execution_date");
    return json{{"external_refs", json::object()}, {"source", {{"system", "test"}}},
                {"requested_execution_date", "2026-03-12"}, {"payments", payments}};
  };
  const auto submitted = rig.ok(rig.call("submit", "PaymentBatch", "batch-1", batch({payment("10.00", "INV-A"), unpaid_b})));
  CHECK(submitted["replayed"] == false);
  const std::string id = submitted["result"]["id"];
  CHECK(id.rfind("pbt", 0) == 0);

  const auto pending = rig.ok(rig.call("list", "PaymentStatus", "", {{"payment_batch_id", id}}));
  REQUIRE(pending["result"]["items"].size() == 3);
  CHECK(pending["result"]["items"][0]["level"] == "group");
  CHECK(pending["result"]["items"][0]["status"] == "pending");
  CHECK(pending["result"]["items"][1]["status"] == "pending");

  std::this_thread::sleep_for(std::chrono::milliseconds(800));
  const auto done = rig.ok(rig.call("list", "PaymentStatus", "", {{"payment_batch_id", id}}));
  const auto& items = done["result"]["items"];
  CHECK(items[0]["status"] == "partially_accepted");
  CHECK(items[1]["status"] == "accepted");
  CHECK(items[1]["amount"] == money("10.00"));
  CHECK(items[1]["payment"]["external_refs"]["bill"].get<std::string>().rfind("stp", 0) == 0);
  CHECK(items[2]["status"] == "rejected");
  CHECK(items[2]["reasons"][0]["additional_information"][0].get<std::string>().find("dueAmount") != std::string::npos);

  // The same key again, on a fresh connection: found through the payments' memos, not re-posted.
  rig.open();
  const auto again = rig.ok(rig.call("submit", "PaymentBatch", "batch-1", batch({payment("10.00", "INV-A"), unpaid_b})));
  CHECK(again["replayed"] == true);
  CHECK(again["result"]["id"] == id);
  CHECK(rig.effects("paymentBatches")["created"] == 1);
  CHECK(rig.effects("payments")["created"] == 1);

  // A lost reply: while BILL has not run the batch, nothing can be read back — no blind re-post.
  rig.lose_next_write_reply();
  const auto lost = rig.call("submit", "PaymentBatch", "batch-2", batch({payment("5.00", "INV-C")}));
  REQUIRE_FALSE(lost.ok);
  CHECK(lost.error->cls() == erpc::error_class::outcome_unknown);
  const auto early = rig.call("submit", "PaymentBatch", "batch-2", batch({payment("5.00", "INV-C")}), 2, "unknown");
  REQUIRE_FALSE(early.ok);
  CHECK(early.error->cls() == erpc::error_class::outcome_unknown);
  CHECK(early.error->code() == "bill.batch_unresolved");
  CHECK(rig.effects("paymentBatches")["created"] == 2);
  std::this_thread::sleep_for(std::chrono::milliseconds(800));
  const auto late = rig.ok(rig.call("submit", "PaymentBatch", "batch-2", batch({payment("5.00", "INV-C")}), 3, "unknown"));
  CHECK(late["replayed"] == true);
  CHECK(rig.effects("paymentBatches")["created"] == 2);
  CHECK(rig.effects("payments")["created"] == 2);

  // One mass payment has one process date.
  auto two_dates = batch({payment("1.00", "INV-C")});
  two_dates["payments"].push_back(payment("1.00", "INV-C", "2026-03-13"));
  const auto refused = rig.call("submit", "PaymentBatch", "batch-3", two_dates);
  REQUIRE_FALSE(refused.ok);
  CHECK(refused.error->cls() == erpc::error_class::validation);
  REQUIRE_FALSE(refused.error->field_errors().empty());
  CHECK(refused.error->field_errors()[0].pointer == "/payments/1/requested_execution_date");
}
