// SPDX-License-Identifier: Apache-2.0
// The NetSuite adapter end to end: driven through erpc::testing::fake_host, whose HTTP goes to
// the host's real HTTP service (erpc::http_service) and on to the in-process NetSuite
// simulator. What happened at "NetSuite" is counted through the simulator's /_sim/effects
// (every create *and* update), so a duplicate or a silent overwrite fails the test.
// ARCHITECTURE §6: R1 replay, R2 reuse, R4 lost reply, R5b ledger-less; plus credit notes,
// journals, payments, 429 → RATE_LIMITED and a wrong TBA signature → AUTHENTICATION.
#include "netsuite_sim_fixture.hpp"

#include <erpc/host/http_service.hpp>
#include <erpc/http_client.hpp>
#include <erpc/testing/fake_host.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <thread>

extern "C" const erpc_adapter_entry_v1 erpc_adapter_entry;

namespace {

using nlohmann::json;

constexpr const char* consumer_secret = erpc::netsuite::testing::sim_consumer_secret.value;
constexpr const char* token_secret = erpc::netsuite::testing::sim_token_secret.value;

std::int64_t wall_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// The simulator, the real HTTP service and one fake host with the adapter loaded.
class netsuite_rig {
 public:
  explicit netsuite_rig(json extra_config = json::object()) {
    host_ = std::make_unique<erpc::testing::fake_host>();
    open(std::move(extra_config));
  }

  // A new fake host and connection: no memory of earlier calls (R5b: no ledger, no cache).
  void open(json extra_config = json::object(),
            const std::string& consumer_secret_value = consumer_secret) {
    host_ = std::make_unique<erpc::testing::fake_host>();
    host_->clock().set(wall_ms());  // the real HTTP service reads deadlines on the wall clock
    erpc::netsuite::testing::give_sim_credentials(host_->secrets());
    host_->secrets().set(erpc::netsuite::testing::sim_consumer_secret.reference, consumer_secret_value);
    host_->http().scripted([this](const erpc::http_request& req, const erpc_call_v1* call) {
      auto res = erpc::http_client(http_.table()).send(req, call);
      ++requests_;
      if (req.method != "GET" && lose_next_write_reply_.exchange(false)) {
        // Forwarded and committed by NetSuite, then the reply never arrives (R4).
        erpc::http_response lost;
        lost.transport = erpc::http_transport::failed;
        lost.request_sent = true;
        lost.transport_message = "connection reset while reading the reply";
        return lost;
      }
      return res;
    });
    adapter_ = host_->init(erpc_adapter_entry);
    json config = erpc::netsuite::testing::connection_to_sim(
        sim_.base_url(), {{"subsidiaries", {{"DE01", "1"}}},
                          {"currencies", {{"EUR", "1"}, {"USD", "2"}}},
                          {"accounts", {{"5400", "58"}, {"3300", "4"}, {"1361", "12"}}},
                          {"tax_codes", {{"DE19", "7"}}}});
    config.update(extra_config);
    connection_ = host_->open(adapter_, config.dump());
  }

  erpc::testing::call_result call(const std::string& op, const std::string& object,
                                  const std::string& key, const json& payload_or_query,
                                  int attempt = 1, const char* prior_outcome = nullptr) {
    host_->clock().set(wall_ms());
    json envelope = {{"contract", "1.0"}, {"op", op}, {"object", object},
                     {"attempt", attempt}, {"correlation_id", "c-" + key}};
    if (!key.empty()) envelope["idempotency_key"] = key;
    if (prior_outcome) envelope["prior_outcome"] = prior_outcome;
    envelope[op == "create" || op == "update" ? "payload" : "query"] = payload_or_query;
    auto r = host_->execute(adapter_, connection_, envelope.dump());
    REQUIRE(r.answers == 1);
    return r;
  }

  json ok(const erpc::testing::call_result& r) {
    INFO((r.error ? std::string(r.error->code()) + ": " + r.error->message() : r.json));
    REQUIRE(r.ok);
    return json::parse(r.json);
  }

  // GET /_sim/effects over HTTP, as certification counts them.
  json effects(const std::string& record_type) { return sim_.effects(record_type); }

  void settings(const json& values) { sim_.apply_settings(values); }

  erpc::netsuite::testing::netsuite_sim& sim() { return sim_; }
  erpc::testing::fake_host& host() { return *host_; }
  void lose_next_write_reply() { lose_next_write_reply_ = true; }
  int requests() const { return requests_; }

 private:
  erpc::netsuite::testing::netsuite_sim sim_;
  erpc::http_service http_{erpc::http_service_options{}};
  std::unique_ptr<erpc::testing::fake_host> host_;
  const erpc_adapter_v1* adapter_ = nullptr;
  erpc_connection* connection_ = nullptr;
  std::atomic<bool> lose_next_write_reply_{false};
  std::atomic<int> requests_{0};
};

json supplier(const std::string& number) {
  return {{"external_refs", json::object()},
          {"source", {{"system", "test"}}},
          {"name", "Acme " + number},
          {"number", number},
          {"legal_entity", "DE01"},
          {"default_currency", "EUR"}};
}

json invoice(const std::string& number, const std::string& net, const std::string& tax,
             const std::string& gross, const char* type = "invoice") {
  auto money = [](const std::string& a) { return json{{"amount", a}, {"currency", "EUR"}}; };
  return {{"external_refs", json::object()},
          {"source", {{"system", "test"}}},
          {"document_type", type},
          {"direction", "payable"},
          {"legal_entity", "DE01"},
          {"supplier", {{"number", "SUP-1"}}},
          {"invoice_number", number},
          {"invoice_date", "2026-03-02"},
          {"currency", "EUR"},
          {"lines",
           {{{"account", "5400"}, {"tax_code", "DE19"}, {"description", "Bearings"},
             {"net", money(net)}, {"tax", money(tax)}, {"gross", money(gross)}}}},
          {"totals", {{"net", money(net)}, {"tax", money(tax)}, {"gross", money(gross)}}}};
}

std::string create_supplier(netsuite_rig& rig, const std::string& number = "SUP-1") {
  const auto r = rig.ok(rig.call("create", "Supplier", "sup-" + number, supplier(number)));
  return r["result"]["id"];
}

}  // namespace

TEST_CASE("R1: the same key and payload again replays the first bill, NetSuite holds one",
          "[netsuite][integration]") {
  netsuite_rig rig;
  create_supplier(rig);
  const auto first = rig.ok(rig.call("create", "Invoice", "inv-1", invoice("AC-1", "100.10", "19.02", "119.12")));
  CHECK(first["replayed"] == false);
  const std::string id = first["result"]["id"];
  CHECK(first["result"]["external_refs"]["netsuite"] == id);

  const auto again = rig.ok(rig.call("create", "Invoice", "inv-1", invoice("AC-1", "100.10", "19.02", "119.12")));
  CHECK(again["replayed"] == true);
  CHECK(again["result"] == first["result"]);
  const auto retried = rig.ok(rig.call("create", "Invoice", "inv-1",
                                       invoice("AC-1", "100.10", "19.02", "119.12"), 2, "unknown"));
  CHECK(retried["replayed"] == true);
  CHECK(retried["result"]["id"] == id);

  const auto fx = rig.effects("vendorBill");
  CHECK(fx["created"] == 1);
  CHECK(fx["updated"] == 0);
  CHECK(fx["effects"][0]["vendor_id"] == id);
  CHECK(fx["effects"][0]["natural_key"] == "erpc-inv-1");

  // The bill NetSuite holds has the exact amounts.
  const auto got = rig.ok(rig.call("get", "Invoice", "", {{"id", id}}));
  CHECK(got["result"]["totals"]["gross"] == json({{"amount", "119.12"}, {"currency", "EUR"}}));
  CHECK(got["result"]["invoice_number"] == "AC-1");
}

TEST_CASE("R2: the same key with another payload is IDEMPOTENCY_KEY_REUSE and writes nothing",
          "[netsuite][integration]") {
  netsuite_rig rig;
  create_supplier(rig);
  rig.ok(rig.call("create", "Invoice", "inv-2", invoice("AC-2", "100.00", "19.00", "119.00")));
  const auto before = rig.effects("vendorBill");

  for (int attempt : {1, 2}) {
    const auto r = rig.call("create", "Invoice", "inv-2", invoice("AC-2", "100.00", "19.00", "119.01"),
                            attempt, attempt > 1 ? "unknown" : nullptr);
    REQUIRE_FALSE(r.ok);
    REQUIRE(r.error);
    CHECK(r.error->cls() == erpc::error_class::idempotency_key_reuse);
    CHECK(r.error->code() == "netsuite.key_reuse");
    CHECK(r.error->effect() == erpc::effect::none);
    CHECK_THAT(r.error->message(), Catch::Contains("expense"));
  }
  // The same key for a credit note instead of an invoice is also reuse.
  const auto credit = rig.call("create", "Invoice", "inv-2",
                               invoice("AC-2", "100.00", "19.00", "119.00", "credit_note"), 2, "unknown");
  REQUIRE(credit.error);
  CHECK(credit.error->cls() == erpc::error_class::idempotency_key_reuse);

  const auto after = rig.effects("vendorBill");
  CHECK(after["count"] == before["count"]);
  CHECK(after["updated"] == 0);
  CHECK(rig.effects("vendorCredit")["count"] == 0);
}

TEST_CASE("R2 on an account that silently upserts a duplicate externalId: read_before_create "
          "keeps it at zero writes",
          "[netsuite][integration]") {
  netsuite_rig rig(json{{"read_before_create", true}});
  rig.settings({{"records.duplicate_external_id", "upsert"}});
  create_supplier(rig);
  rig.ok(rig.call("create", "Invoice", "inv-u", invoice("AC-U", "10.00", "1.90", "11.90")));
  const auto r = rig.call("create", "Invoice", "inv-u", invoice("AC-U", "10.00", "1.90", "11.91"));
  REQUIRE(r.error);
  CHECK(r.error->cls() == erpc::error_class::idempotency_key_reuse);
  const auto fx = rig.effects("vendorBill");
  CHECK(fx["created"] == 1);
  CHECK(fx["updated"] == 0);
}

TEST_CASE("R4: NetSuite commits, the reply is lost, the retry finds the bill by eid:",
          "[netsuite][integration]") {
  netsuite_rig rig;
  create_supplier(rig);
  rig.lose_next_write_reply();
  const auto lost = rig.call("create", "Invoice", "inv-4", invoice("AC-4", "50.00", "9.50", "59.50"));
  REQUIRE_FALSE(lost.ok);
  REQUIRE(lost.error);
  CHECK(lost.error->cls() == erpc::error_class::outcome_unknown);
  CHECK(lost.error->effect() == erpc::effect::possible);
  const auto committed = rig.effects("vendorBill");
  REQUIRE(committed["count"] == 1);  // it did happen at NetSuite

  const auto retry = rig.ok(rig.call("create", "Invoice", "inv-4",
                                     invoice("AC-4", "50.00", "9.50", "59.50"), 2, "unknown"));
  CHECK(retry["replayed"] == true);
  CHECK(retry["result"]["id"] == committed["effects"][0]["vendor_id"]);
  CHECK(rig.effects("vendorBill")["count"] == 1);
}

TEST_CASE("R5b: with no ledger and a fresh connection the adapter alone replays and refuses "
          "reuse",
          "[netsuite][integration]") {
  netsuite_rig rig;
  create_supplier(rig);
  const auto first = rig.ok(rig.call("create", "Invoice", "inv-5", invoice("AC-5", "20.00", "3.80", "23.80")));
  rig.open();  // a new host and connection: nothing remembered
  const auto replay = rig.ok(rig.call("create", "Invoice", "inv-5", invoice("AC-5", "20.00", "3.80", "23.80")));
  CHECK(replay["replayed"] == true);
  CHECK(replay["result"]["id"] == first["result"]["id"]);
  rig.open();
  const auto reuse = rig.call("create", "Invoice", "inv-5", invoice("AC-5", "20.00", "3.80", "23.79"));
  REQUIRE(reuse.error);
  CHECK(reuse.error->cls() == erpc::error_class::idempotency_key_reuse);
  const auto fx = rig.effects("vendorBill");
  CHECK(fx["count"] == 1);
  CHECK(fx["updated"] == 0);
}

TEST_CASE("a credit note becomes a vendorCredit and reads back as a credit note",
          "[netsuite][integration]") {
  netsuite_rig rig;
  create_supplier(rig);
  const auto r = rig.ok(rig.call("create", "Invoice", "cn-1",
                                 invoice("CN-1", "10.00", "1.90", "11.90", "credit_note")));
  const std::string id = r["result"]["id"];
  CHECK(rig.effects("vendorCredit")["count"] == 1);
  CHECK(rig.effects("vendorBill")["count"] == 0);
  const auto got = rig.ok(rig.call("get", "Invoice", "", {{"id", id}}));
  CHECK(got["result"]["document_type"] == "credit_note");
  CHECK(got["result"]["source"]["id"] == "vendorCredit/" + id);
  const auto by_key = rig.ok(rig.call("get", "Invoice", "", {{"natural_key", "cn-1"}}));
  CHECK(by_key["result"]["id"] == id);
}

TEST_CASE("a journal is posted once, replays, and reads back exactly", "[netsuite][integration]") {
  netsuite_rig rig;
  const json journal = json::parse(R"({"external_refs": {}, "source": {"system": "test"},
      "legal_entity": "DE01", "reference": "JE-1", "posting_date": "2026-03-31",
      "functional_currency": "EUR", "lines": [
      {"account": "5400", "side": "debit", "amount": {"amount": "1080.00", "currency": "USD"},
       "functional_amount": {"amount": "1000.00", "currency": "EUR"}, "exchange_rate": "0.925925926"},
      {"account": "3300", "side": "credit", "amount": {"amount": "1080.00", "currency": "USD"},
       "functional_amount": {"amount": "1000.00", "currency": "EUR"}, "exchange_rate": "0.925925926"}]})");
  const auto r = rig.ok(rig.call("create", "JournalEntry", "je-1", journal));
  const auto again = rig.ok(rig.call("create", "JournalEntry", "je-1", journal, 2, "unknown"));
  CHECK(again["replayed"] == true);
  CHECK(again["result"]["id"] == r["result"]["id"]);
  CHECK(rig.effects("journalEntry")["count"] == 1);
  const auto got = rig.ok(rig.call("get", "JournalEntry", "", {{"id", r["result"]["id"]}}));
  CHECK(got["result"]["lines"][0]["amount"] == json({{"amount", "1080.00"}, {"currency", "USD"}}));
  CHECK(got["result"]["lines"][0]["functional_amount"] ==
        json({{"amount", "1000.00"}, {"currency", "EUR"}}));
  CHECK(got["result"]["lines"][1]["side"] == "credit");
}

TEST_CASE("a vendor payment applies a bill found by its number", "[netsuite][integration]") {
  netsuite_rig rig;
  const auto supplier_id = create_supplier(rig);
  const auto bill = rig.ok(rig.call("create", "Invoice", "inv-p", invoice("AC-P", "100.00", "19.00", "119.00")));
  const json payment = {
      {"external_refs", json::object()},
      {"source", {{"system", "test"}}},
      {"direction", "outbound"},
      {"amount", {{"amount", "119.00"}, {"currency", "EUR"}}},
      {"requested_execution_date", "2026-03-10"},
      {"creditor", {{"number", "SUP-1"}}},
      {"clearing_account", "1361"},
      {"applications",
       {{{"document_type", "invoice"},
         {"document", {{"number", "AC-P"}}},
         {"amount", {{"amount", "119.00"}, {"currency", "EUR"}}}}}}};
  const auto r = rig.ok(rig.call("create", "Payment", "pay-1", payment));
  const auto replay = rig.ok(rig.call("create", "Payment", "pay-1", payment));
  CHECK(replay["replayed"] == true);
  CHECK(rig.effects("vendorPayment")["count"] == 1);
  const auto got = rig.ok(rig.call("get", "Payment", "", {{"id", r["result"]["id"]}}));
  CHECK(got["result"]["amount"] == json({{"amount", "119.00"}, {"currency", "EUR"}}));
  CHECK(got["result"]["creditor"]["external_refs"]["netsuite"] == supplier_id);
  CHECK(got["result"]["applications"][0]["document"]["external_refs"]["netsuite"] ==
        bill["result"]["id"]);
}

TEST_CASE("open bills: a payment closes them, more than is open is refused, a void reopens "
          "them once",
          "[netsuite][integration][payables]") {
  netsuite_rig rig;
  create_supplier(rig);
  const auto bill = rig.ok(rig.call("create", "Invoice", "inv-o", invoice("AC-O", "100.00", "19.00", "119.00")));
  const std::string bill_id = bill["result"]["id"];
  // Open for payment = not payment-blocked, for its amount_open (amountRemaining).
  auto block_reason = [&] {
    const auto got = rig.ok(rig.call("get", "Invoice", "", {{"id", bill_id}}))["result"];
    return got.value("payment_block", false) ? got.value("payment_block_reason", std::string("?"))
                                             : std::string();
  };
  auto amount_open = [&] {
    const auto got = rig.ok(rig.call("get", "Invoice", "", {{"id", bill_id}}))["result"];
    return got.contains("amount_open") ? got["amount_open"].value("amount", std::string("?")) + " " +
                                             got["amount_open"].value("currency", std::string("?"))
                                       : std::string("absent");
  };
  CHECK(block_reason().empty());
  CHECK(amount_open() == "119.00 EUR");
  auto payment = [&](const char* amount) {
    return json{{"external_refs", json::object()}, {"source", {{"system", "test"}}},
                {"direction", "outbound"}, {"amount", {{"amount", amount}, {"currency", "EUR"}}},
                {"requested_execution_date", "2026-03-10"}, {"creditor", {{"number", "SUP-1"}}},
                {"clearing_account", "1361"},
                {"applications", {{{"document_type", "invoice"}, {"document", {{"number", "AC-O"}}},
                                   {"amount", {{"amount", amount}, {"currency", "EUR"}}}}}}};
  };
  // Part of it first: the bill stays open for the rest (amount_open, contract 1.1).
  const auto part = rig.ok(rig.call("create", "Payment", "pay-o0", payment("19.00")));
  CHECK(block_reason().empty());
  CHECK(amount_open() == "100.00 EUR");
  rig.ok(rig.call("reverse", "Payment", "void-o0", {{"id", part["result"]["id"]}}));
  CHECK(block_reason().empty());
  CHECK(amount_open() == "119.00 EUR");
  const auto paid = rig.ok(rig.call("create", "Payment", "pay-o1", payment("119.00")));
  CHECK(block_reason() == "paid in full");
  CHECK(amount_open() == "0.00 EUR");

  // Paying the closed bill again is refused by NetSuite (simulator: payables.overapplication).
  const auto twice = rig.call("create", "Payment", "pay-o2", payment("119.00"));
  REQUIRE_FALSE(twice.ok);
  CHECK(twice.error->cls() == erpc::error_class::validation);
  CHECK(rig.effects("vendorPayment")["created"] == 2);

  // Void: the bill is open again; a second reverse is a replay and writes nothing.
  const std::string payment_id = paid["result"]["id"];
  const auto voided = rig.ok(rig.call("reverse", "Payment", "void-o1", {{"id", payment_id}}));
  CHECK(voided["replayed"] == false);
  CHECK(block_reason().empty());
  const auto updates = rig.effects("vendorPayment")["updated"];
  const auto again = rig.ok(rig.call("reverse", "Payment", "void-o1", {{"id", payment_id}}));
  CHECK(again["replayed"] == true);
  CHECK(rig.effects("vendorPayment")["updated"] == updates);
  CHECK(block_reason().empty());

  // The reopened bill is paid once more.
  rig.ok(rig.call("create", "Payment", "pay-o3", payment("119.00")));
  CHECK(block_reason() == "paid in full");
}

TEST_CASE("a bill pending approval reads as payment-blocked and cannot be paid",
          "[netsuite][integration][payables]") {
  netsuite_rig rig;
  create_supplier(rig);
  rig.settings({{"payables.bill_approval_default", "pending_approval"}});
  const auto bill = rig.ok(rig.call("create", "Invoice", "inv-a", invoice("AC-A", "100.00", "19.00", "119.00")));
  const auto got = rig.ok(rig.call("get", "Invoice", "", {{"id", bill["result"]["id"]}}));
  CHECK(got["result"]["payment_block"] == true);
  CHECK(got["result"]["payment_block_reason"].get<std::string>().find("not approved") != std::string::npos);
  const json payment = {{"external_refs", json::object()}, {"source", {{"system", "test"}}},
                        {"direction", "outbound"}, {"amount", {{"amount", "119.00"}, {"currency", "EUR"}}},
                        {"requested_execution_date", "2026-03-10"}, {"creditor", {{"number", "SUP-1"}}},
                        {"applications", {{{"document_type", "invoice"}, {"document", {{"number", "AC-A"}}},
                                           {"amount", {{"amount", "119.00"}, {"currency", "EUR"}}}}}}};
  const auto r = rig.call("create", "Payment", "pay-a", payment);
  REQUIRE_FALSE(r.ok);
  CHECK(r.error->code() == "netsuite.INVALID_CONTENT");
}

TEST_CASE("reverse needs the vendorPayment's internal id", "[netsuite][integration][payables]") {
  netsuite_rig rig;
  const auto r = rig.call("reverse", "Payment", "void-x", {{"id", "eid:nope"}});
  REQUIRE_FALSE(r.ok);
  CHECK(r.error->code() == "netsuite.query_id");
  const auto missing = rig.call("reverse", "Payment", "void-y", {{"id", "999999"}});
  REQUIRE_FALSE(missing.ok);
  CHECK(missing.error->cls() == erpc::error_class::not_found);
}

TEST_CASE("suppliers: create, list, update once (a repeated update writes nothing)",
          "[netsuite][integration]") {
  netsuite_rig rig;
  const auto id = create_supplier(rig, "SUP-1");
  create_supplier(rig, "SUP-2");
  const auto page = rig.ok(rig.call("list", "Supplier", "", {{"limit", 1}}));
  REQUIRE(page["result"]["items"].size() == 1);
  REQUIRE(page["result"].contains("next_cursor"));
  const auto rest = rig.ok(rig.call("list", "Supplier", "", {{"limit", 1}, {"cursor", page["result"]["next_cursor"]}}));
  REQUIRE(rest["result"]["items"].size() == 1);
  CHECK(rest["result"]["items"][0]["number"] != page["result"]["items"][0]["number"]);

  auto changed = supplier("SUP-1");
  changed["name"] = "Acme Components GmbH";
  changed["external_refs"] = {{"netsuite", id}};
  const auto updated = rig.ok(rig.call("update", "Supplier", "upd-1", changed));
  CHECK(updated["replayed"] == false);
  const auto repeated = rig.ok(rig.call("update", "Supplier", "upd-1", changed));
  CHECK(repeated["replayed"] == true);
  const auto fx = rig.effects("vendor");
  CHECK(fx["created"] == 2);
  CHECK(fx["updated"] == 1);
  const auto got = rig.ok(rig.call("get", "Supplier", "", {{"id", id}}));
  CHECK(got["result"]["name"] == "Acme Components GmbH");
}

TEST_CASE("NetSuite's concurrency refusal is RATE_LIMITED with retry_after_ms and no effect",
          "[netsuite][integration]") {
  netsuite_rig rig;
  create_supplier(rig);
  rig.settings({{"concurrency.limit", 1},
                {"concurrency.retry_after_seconds", 2},
                {"latency.response_delay_ms", 3000}});
  // One slow read holds the account's only slot while the create arrives.
  std::thread holder([&] { (void)rig.call("get", "Supplier", "", {{"id", "1"}}); });
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (rig.sim().requests_in_flight() == 0 && std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  REQUIRE(rig.sim().requests_in_flight() == 1);
  const auto r = rig.call("create", "Invoice", "inv-429", invoice("AC-429", "1.00", "0.19", "1.19"));
  holder.join();
  REQUIRE(r.error);
  CHECK(r.error->cls() == erpc::error_class::rate_limited);
  CHECK(r.error->effect() == erpc::effect::none);
  REQUIRE(r.error->retry_after_ms());
  CHECK(*r.error->retry_after_ms() == 2000);
  CHECK(rig.effects("vendorBill")["count"] == 0);
}

TEST_CASE("a wrong TBA signature is AUTHENTICATION, no secret in the error or the log",
          "[netsuite][integration]") {
  netsuite_rig rig;
  const std::string wrong = "not-the-consumer-secret-4711";
  rig.open(json::object(), wrong);  // the secret store holds a wrong consumer secret
  const auto r = rig.call("create", "Supplier", "sup-x", supplier("SUP-X"));
  REQUIRE(r.error);
  CHECK(r.error->cls() == erpc::error_class::authentication);
  CHECK(r.error->code() == "netsuite.INVALID_LOGIN");
  CHECK(r.error->effect() == erpc::effect::none);
  CHECK(r.error->message().find(wrong) == std::string::npos);
  CHECK(r.error->message().find(token_secret) == std::string::npos);
  CHECK_FALSE(rig.host().log().contains(wrong));
  CHECK(rig.effects("vendor")["count"] == 0);
}

TEST_CASE("a rotated credential is picked up after one 401, once, transparently",
          "[netsuite][integration]") {
  netsuite_rig rig;
  rig.settings({{"auth.token_secret", "rotated-token-secret"}});
  // The connection signed with the old secret; the store now holds the rotated one.
  rig.host().secrets().set("env:NS_TOKEN_SECRET", "rotated-token-secret");
  const auto r = rig.ok(rig.call("create", "Supplier", "sup-rot", supplier("SUP-R")));
  CHECK(r["replayed"] == false);
  CHECK(rig.effects("vendor")["count"] == 1);
}

TEST_CASE("async writes: a repeated X-NetSuite-idempotency-key is followed to the earlier job",
          "[netsuite][integration]") {
  netsuite_rig rig(json{{"write_mode", "async"}, {"async_poll_attempts", 1}});
  create_supplier(rig);
  const auto fx_before = rig.effects("vendorBill")["count"].get<int>();
  CHECK(fx_before == 0);
  const auto first = rig.ok(rig.call("create", "Invoice", "inv-a", invoice("AC-A", "5.00", "0.95", "5.95")));
  CHECK(first["replayed"] == false);
  // Same key on attempt 1: NetSuite answers 400 IDEMPOTENCY_ERROR with the earlier job.
  const auto again = rig.ok(rig.call("create", "Invoice", "inv-a", invoice("AC-A", "5.00", "0.95", "5.95")));
  CHECK(again["replayed"] == true);
  CHECK(again["result"]["id"] == first["result"]["id"]);
  const auto changed = rig.call("create", "Invoice", "inv-a", invoice("AC-A", "5.00", "0.95", "5.96"));
  REQUIRE(changed.error);
  CHECK(changed.error->cls() == erpc::error_class::idempotency_key_reuse);
  CHECK(rig.effects("vendorBill")["count"] == 1);

  // A job that is still running: IN_PROGRESS, and the repeat too — nothing written twice.
  rig.settings({{"async.job_delay_ms", 600000}});
  const auto pending = rig.call("create", "Invoice", "inv-b", invoice("AC-B", "5.00", "0.95", "5.95"));
  REQUIRE(pending.error);
  CHECK(pending.error->cls() == erpc::error_class::in_progress);
  const auto repeat = rig.call("create", "Invoice", "inv-b", invoice("AC-B", "5.00", "0.95", "5.95"));
  REQUIRE(repeat.error);
  CHECK(repeat.error->cls() == erpc::error_class::in_progress);
  CHECK(rig.effects("vendorBill")["count"] == 1);
}

TEST_CASE("a secret that is not a reference is refused without echoing it",
          "[netsuite][integration]") {
  erpc::testing::fake_host h;
  const auto* a = h.init(erpc_adapter_entry);
  const std::string raw = "raw-secret-value-123";
  try {
    h.open(a, json({{"account_id", "1234567_SB1"}, {"consumer_key", raw},
                    {"consumer_secret", "env:A"}, {"token_id", "env:B"}, {"token_secret", "env:C"}})
                  .dump());
    FAIL("a raw credential must be refused");
  } catch (const erpc::error& e) {
    CHECK(e.cls() == erpc::error_class::configuration);
    CHECK(e.message().find(raw) == std::string::npos);
    for (const auto& f : e.field_errors()) CHECK(f.message.find(raw) == std::string::npos);
    REQUIRE_FALSE(e.field_errors().empty());
    CHECK(e.field_errors()[0].pointer == "/consumer_key");
  }
}

TEST_CASE("requests per create: one POST on a first attempt, one eid: GET on a replay",
          "[netsuite][integration]") {
  netsuite_rig rig;
  const auto supplier_id = create_supplier(rig);
  auto bill = invoice("AC-R", "1.00", "0.19", "1.19");
  bill["supplier"] = {{"external_refs", {{"netsuite", supplier_id}}}};  // no lookup needed
  const int before = rig.requests();
  rig.ok(rig.call("create", "Invoice", "inv-r", bill));
  CHECK(rig.requests() - before == 1);  // the POST only: no read-back on a first attempt
  const int before_retry = rig.requests();
  const auto replay = rig.ok(rig.call("create", "Invoice", "inv-r", bill, 2, "unknown"));
  CHECK(replay["replayed"] == true);
  CHECK(rig.requests() - before_retry == 1);  // the eid: read-back only: nothing re-posted
  bill["supplier"] = {{"number", "SUP-1"}};
  const int before_lookup = rig.requests();
  rig.ok(rig.call("create", "Invoice", "inv-r2", bill));
  CHECK(rig.requests() - before_lookup == 2);  // supplier lookup by number + POST
}
