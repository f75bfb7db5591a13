// The pay-and-settle flow end to end (BANKING.md "The pay-and-settle flow"; issue 6 item 6):
// approved bills in the NetSuite simulator → PaymentBatch → bank submit → vendorPayment against
// the in-transit account (bills closed) → pain.002 → statement entry matched → settlement
// journal in-transit → bank (+ charges) → settled; rejection or return → vendorPayment voided,
// bills open again, and the next run pays them once. Every write goes through the host's
// dispatcher (outbox, ledger, audit); the ERP is the real NetSuite adapter against the
// simulator, the bank a fake connection following docs/bank-file-contract.md.
#include "fake_bank.hpp"
#include "netsuite_flow_settings.hpp"
#include "netsuite_sim_fixture.hpp"

#include <erpc/host/audit_keys.hpp>
#include <erpc/host/audit_trail.hpp>
#include <erpc/host/contract_validator.hpp>
#include <erpc/host/database.hpp>
#include <erpc/host/dispatcher.hpp>
#include <erpc/host/exception_queues.hpp>
#include <erpc/host/host_clock.hpp>
#include <erpc/host/http_service.hpp>
#include <erpc/host/idempotency_ledger.hpp>
#include <erpc/host/pay_settle_flow.hpp>
#include <erpc/host/runtime_config.hpp>
#include <erpc/host/symmetric_key.hpp>
#include <erpc/http_client.hpp>
#include <erpc/testing/fake_host.hpp>

#include <catch2/catch.hpp>
#include <spdlog/sinks/null_sink.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <filesystem>
#include <set>
#include <unistd.h>

extern "C" const erpc_adapter_entry_v1 erpc_adapter_entry;

namespace {

using nlohmann::json;
namespace fs = std::filesystem;

std::int64_t wall_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

json eur(const std::string& a) { return {{"amount", a}, {"currency", "EUR"}}; }

int counter() {
  static int n = 0;
  return ++n;
}

// NetSuite simulator + adapter (ERP), fake bank, and the host's durable path around both.
class pay_rig {
 public:
  pay_rig() {
    dir_ = fs::temp_directory_path() /
           ("erpc_pay_settle_" + std::to_string(::getpid()) + "_" + std::to_string(counter()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    host_.clock().set(wall_ms());
    erpc::netsuite::testing::give_sim_credentials(host_.secrets());
    host_.http().scripted([this](const erpc::http_request& req, const erpc_call_v1* call) {
      return erpc::http_client(http_.table()).send(req, call);
    });
    adapter_ = host_.init(erpc_adapter_entry);
    const json ns = erpc::flows_e2e::netsuite_connection_settings(sim_.base_url());
    connection_ = host_.open(adapter_, ns.dump());

    erpc::database_config dbc;
    dbc.path = (dir_ / "ledger.db").string();
    db_ = std::make_unique<erpc::database>(dbc, clock_);
    const auto master = erpc::parse_symmetric_key(
        "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    audit_ = std::make_unique<erpc::audit_trail>(
        *db_, erpc::derive_audit_keys(master), erpc::audit_trail_options{dir_ / "anchor", 100});
    erpc::ledger_observer observer = [this](erpc::transaction& tx, const erpc::ledger_event& e) {
      audit_->append(tx, e.connection, e.correlation_id, e.event, json::parse(e.detail_json));
    };
    ledger_ = std::make_unique<erpc::idempotency_ledger>(*db_, observer);
    queues_ = std::make_unique<erpc::exception_queues>(*db_, observer);
    const json retry = {{"max_attempts", 2}, {"initial_backoff_ms", 10}, {"max_backoff_ms", 20},
                        {"jitter_percent", 0}};
    config_ = erpc::runtime_config::parse(
        {{"connections", {{"erp", {{"adapter", "netsuite"}, {"retry", retry}}},
                          {"bank", {{"adapter", "bank_iso20022"}, {"retry", retry}}}}}});
    dispatcher_ = std::make_unique<erpc::dispatcher>(
        config_, *ledger_, clock_,
        [this](const erpc::connection_config& c) { return call_for(c.name); },
        [this](const json& envelope) { return contract_.validate_request(envelope); },
        std::make_shared<spdlog::logger>("t", std::make_shared<spdlog::sinks::null_sink_mt>()));
    gateway_ = std::make_unique<erpc::dispatcher_gateway>(
        *dispatcher_, *queues_, [this](const std::string& name) { return call_for(name); },
        audit_.get());
    store_ = std::make_unique<erpc::pay_store>(*db_);
    flow_config_ = erpc::pay_flow_config::from_json(
        {{"erp", "erp"}, {"bank", "bank"}, {"legal_entity", "DE01"},
         {"in_transit_account", "1361"}, {"bank_account", "1200"}, {"charges_account", "6855"},
         {"debtor", {{"name", "Example GmbH"}}},
         {"debtor_account", {{"iban", "DE89370400440532013000"}, {"bic", "COBADEFFXXX"}}},
         {"creditor_accounts", json::object()}});
    flow_ = std::make_unique<erpc::pay_settle_flow>(flow_config_, *gateway_, *store_);
  }

  ~pay_rig() {
    dispatcher_.reset();
    fs::remove_all(dir_);
  }

  erpc::connection_call call_for(const std::string& name) {
    if (name == "bank") {
      return [this](const json& envelope) {
        // Every outgoing document passes the contract, as the host checks adapter I/O.
        if (envelope.contains("payload")) {
          const auto problems = contract_.validate(envelope["object"].get<std::string>(), envelope["payload"]);
          if (!problems.empty()) FAIL("bank payload breaks the contract: " << envelope["payload"].dump());
        }
        return bank_(envelope);
      };
    }
    return [this](const json& envelope) { return erp(envelope); };
  }

  erpc::execute_outcome erp(const json& envelope) {
    host_.clock().set(wall_ms());
    auto r = host_.execute(adapter_, connection_, envelope.dump());
    erpc::execute_outcome out;
    out.ok = r.ok;
    if (r.ok) {
      out.response = std::make_shared<const json>(json::parse(r.json));
      // What the host would check on the way out: every ERP result satisfies the contract.
      const std::string object = envelope["object"];
      const auto& result = (*out.response)["result"];
      std::vector<json> documents;
      if (envelope["op"] == "list") {
        for (const auto& item : result["items"]) documents.push_back(item);
      } else {
        documents.push_back(result);
      }
      for (const auto& doc : documents) {
        const auto problems = contract_.validate(object, doc);
        if (!problems.empty()) {
          FAIL("ERP " << object << " breaks the contract at " << problems.front().pointer << ": "
                      << problems.front().message << " in " << doc.dump());
        }
      }
    } else {
      out.failure = std::make_shared<const erpc::error>(
          r.error ? *r.error : erpc::error(erpc::error_class::internal, "test.no_answer", "none"));
    }
    return out;
  }

  // A direct adapter call for the test's own setup and checks.
  json direct(const std::string& op, const std::string& object, const std::string& key,
              const json& doc) {
    json envelope = {{"contract", "1.0"}, {"op", op}, {"object", object}, {"attempt", 1},
                     {"deadline_ms", 30000}, {"correlation_id", "test-" + key}};
    if (!key.empty()) envelope["idempotency_key"] = key;
    envelope[op == "create" ? "payload" : "query"] = doc;
    const auto out = erp(envelope);
    INFO((out.ok ? std::string() : out.failure->code() + ": " + out.failure->message()));
    REQUIRE(out.ok);
    return (*out.response)["result"];
  }

  std::string supplier(const std::string& number) {
    flow_config_.creditor_accounts.clear();
    const auto s = direct("create", "Supplier", "sup-" + number,
                          {{"external_refs", json::object()}, {"source", {{"system", "test"}}},
                           {"name", "Acme " + number}, {"number", number},
                           {"legal_entity", "DE01"}, {"default_currency", "EUR"}});
    return s["id"];
  }

  std::string bill(const std::string& supplier_id, const std::string& number,
                   const std::string& gross) {
    const auto b = direct("create", "Invoice", "bill-" + number,
                          {{"external_refs", json::object()}, {"source", {{"system", "test"}}},
                           {"document_type", "invoice"}, {"direction", "payable"},
                           {"legal_entity", "DE01"},
                           {"supplier", {{"external_refs", {{"netsuite", supplier_id}}}}},
                           {"invoice_number", number}, {"invoice_date", "2026-03-02"},
                           {"currency", "EUR"},
                           {"lines", {{{"account", "5400"}, {"net", eur(gross)}, {"tax", eur("0.00")},
                                       {"gross", eur(gross)}}}},
                           {"totals", {{"net", eur(gross)}, {"tax", eur("0.00")}, {"gross", eur(gross)}}}});
    return b["id"];
  }

  // Open for payment in NetSuite: not payment-blocked (paid or unapproved bills read as
  // blocked; a partly paid one is open for its amount_open).
  bool open(const std::string& bill_id) {
    return direct("get", "Invoice", "", {{"id", bill_id}}).value("payment_block", false) == false;
  }

  // The flow needs each supplier's bank account (NetSuite's adapter does not carry them).
  void pay_to(const std::string& supplier_id, const std::string& iban) {
    flow_config_.creditor_accounts["netsuite:" + supplier_id] = {{"iban", iban}};
    flow_ = std::make_unique<erpc::pay_settle_flow>(flow_config_, *gateway_, *store_);
  }

  json run(const std::string& id) { return flow_->run({id, "2026-03-10", {}}); }
  json settle() { return flow_->settle(); }

  // A booked entry for these payments of the last batch (batch booking), charges netted.
  json booked(const std::vector<json>& payments, const std::string& charges, bool tx_details,
              const std::string& asr) {
    erpc::decimal total;
    for (const auto& p : payments) total += *erpc::decimal::parse(p["amount"]["amount"].get<std::string>());
    const auto entry_amount = total + *erpc::decimal::parse(charges);
    json entry = {{"amount", eur(entry_amount.to_string())}, {"credit_debit", "DBIT"},
                  {"status", "BOOK"}, {"booking_date", "2026-03-11"}, {"value_date", "2026-03-11"},
                  {"account_servicer_reference", asr}};
    if (payments.size() > 1 || !tx_details) {
      entry["batch"] = {{"message_id", payments[0]["references"]["message_id"]},
                        {"payment_information_id", payments[0]["references"]["payment_information_id"]},
                        {"number_of_transactions", payments.size()},
                        {"total_amount", eur(total.to_string())}};
    }
    if (tx_details) {
      entry["details"] = json::array();
      for (const auto& p : payments) {
        entry["details"].push_back({{"references", p["references"]}, {"amount", p["amount"]},
                                    {"credit_debit", "DBIT"}});
      }
    }
    return entry;
  }

  // A separate charges entry (PMNT/ICDT/CHRG) naming a payment of the last batch by its
  // references; `asr` empty: the bank gave the entry no AcctSvcrRef.
  static json charges_entry(const json& payment, const std::string& amount, const std::string& asr) {
    json e = {{"amount", eur(amount)}, {"credit_debit", "DBIT"}, {"status", "BOOK"},
              {"booking_date", "2026-03-11"},
              {"bank_transaction_code", {{"domain", "PMNT"}, {"family", "ICDT"}, {"subfamily", "CHRG"}}},
              {"details", {{{"references", payment["references"]}}}}};
    if (!asr.empty()) e["account_servicer_reference"] = asr;
    return e;
  }

  int created(const std::string& record_type) { return sim_.effects(record_type)["created"]; }

  erpc::netsuite::testing::netsuite_sim sim_;
  erpc::http_service http_{erpc::http_service_options{}};
  erpc::testing::fake_host host_;
  const erpc_adapter_v1* adapter_ = nullptr;
  erpc_connection* connection_ = nullptr;
  erpc::testing::fake_bank bank_;
  erpc::contract_validator contract_;
  fs::path dir_;
  erpc::manual_host_clock clock_{wall_ms()};
  std::unique_ptr<erpc::database> db_;
  std::unique_ptr<erpc::audit_trail> audit_;
  std::unique_ptr<erpc::idempotency_ledger> ledger_;
  std::unique_ptr<erpc::exception_queues> queues_;
  erpc::runtime_config config_;
  std::unique_ptr<erpc::dispatcher> dispatcher_;
  std::unique_ptr<erpc::dispatcher_gateway> gateway_;
  std::unique_ptr<erpc::pay_store> store_;
  erpc::pay_flow_config flow_config_;
  std::unique_ptr<erpc::pay_settle_flow> flow_;
};

std::set<std::string> events_of(erpc::audit_trail& audit, const std::string& correlation_id) {
  std::set<std::string> events;
  for (const auto& e : audit.show(correlation_id)) events.insert(e.event);
  return events;
}

}  // namespace

TEST_CASE("pay and settle: one payment, one statement entry, one settlement journal, settled",
          "[flows][pay_settle]") {
  pay_rig rig;
  const auto s1 = rig.supplier("SUP-1");
  const auto b1 = rig.bill(s1, "AC-1", "119.00");
  const auto b2 = rig.bill(s1, "AC-2", "50.00");
  rig.sim_.apply_settings({{"payables.bill_approval_default", "pending_approval"}});
  const auto unapproved = rig.bill(s1, "AC-3", "75.00");
  rig.sim_.apply_settings({{"payables.bill_approval_default", "approved"}});
  rig.pay_to(s1, "FR1420041010050500013M02606");

  const auto run = rig.run("R1");
  REQUIRE(run["payments"].size() == 1);
  CHECK(run["payments"][0]["state"] == "recorded");
  CHECK(run["payments"][0]["amount"] == eur("169.00"));
  CHECK(run["payments"][0]["invoices"] == json({b1, b2}));
  bool unapproved_skipped = false;
  for (const auto& s : run["skipped"]) unapproved_skipped |= s["invoice"] == unapproved;
  CHECK(unapproved_skipped);
  // The bills are closed in NetSuite by the vendorPayment (in-transit account 1361 → id 12).
  CHECK_FALSE(rig.open(b1));
  CHECK_FALSE(rig.open(b2));
  CHECK_FALSE(rig.open(unapproved));  // blocked: not approved
  CHECK(rig.created("vendorPayment") == 1);
  const auto erp_payment = rig.direct("get", "Payment", "", {{"id", run["payments"][0]["erp_payment_id"]}});
  CHECK(erp_payment["clearing_account"] == "1361");
  CHECK(rig.bank_.submits() == 1);

  // Re-running the run changes nothing: the bank and NetSuite writes replay.
  CHECK(rig.run("R1")["payments"] == run["payments"]);
  CHECK(rig.bank_.submits() == 1);
  CHECK(rig.created("vendorPayment") == 1);
  // A second run finds nothing payable (the unapproved bill stays blocked).
  CHECK(rig.run("R2")["payments"].empty());

  const auto sent = rig.bank_.last_batch()["payments"][0];
  rig.bank_.push_status(rig.bank_.status_for(sent, "accepted", "ACCP"));
  SECTION("charges netted into the booked entry, with TxDtls") {
    rig.bank_.push_statement(rig.bank_.statement("STMT-1", {rig.booked({sent}, "2.50", true, "ASR-1")}));
  }
  SECTION("batch booking without TxDtls") {
    rig.bank_.push_statement(rig.bank_.statement("STMT-1", {rig.booked({sent}, "2.50", false, "ASR-1")}));
  }
  const auto settled = rig.settle();
  REQUIRE(settled["settled"].size() == 1);
  CHECK(settled["settled"][0]["payment"] == "R1.p1");
  CHECK(rig.created("journalEntry") == 1);
  const auto journal = rig.direct("get", "JournalEntry", "", {{"natural_key", "R1.p1.stl"}});
  REQUIRE(journal["lines"].size() == 3);
  CHECK(journal["lines"][0]["account"] == "1361");
  CHECK(journal["lines"][0]["side"] == "debit");
  CHECK(journal["lines"][0]["amount"] == eur("169.00"));
  CHECK(journal["lines"][1]["account"] == "6855");
  CHECK(journal["lines"][1]["amount"] == eur("2.50"));
  CHECK(journal["lines"][2]["account"] == "1200");
  CHECK(journal["lines"][2]["side"] == "credit");
  CHECK(journal["lines"][2]["amount"] == eur("171.50"));

  // Settling again (the bank lists the same items again from the start) posts nothing twice.
  rig.store_->set_cursor("bank", "PaymentStatus", "0");
  rig.store_->set_cursor("bank", "BankStatement", "0");
  CHECK(rig.settle()["settled"].empty());
  CHECK(rig.created("journalEntry") == 1);

  // The final state: one payment, one statement entry, one settlement journal, settled.
  const auto payments = rig.store_->payments_of_run("R1");
  REQUIRE(payments.size() == 1);
  CHECK(payments[0].state == "settled");
  CHECK(payments[0].bank_status == "settled");
  CHECK(payments[0].settlement["bank_charges"] == eur("2.50"));
  CHECK(rig.created("vendorPayment") == 1);

  // Every step under one correlation id, in a chain that verifies.
  const auto events = events_of(*rig.audit_, "pay-R1");
  for (const char* e : {"pay_run_selected", "pay_batch_submitted", "erp_payment_recorded",
                        "payment_status", "payment_settled", "received", "succeeded"}) {
    INFO(e);
    CHECK(events.count(e) == 1);
  }
  CHECK(rig.audit_->verify().ok());
}

TEST_CASE("settled then returned AC04: the payment is voided, the bill reopens and is paid once "
          "by the next run",
          "[flows][pay_settle]") {
  pay_rig rig;
  const auto s1 = rig.supplier("SUP-1");
  const auto b1 = rig.bill(s1, "AC-1", "119.00");
  rig.pay_to(s1, "FR1420041010050500013M02606");
  rig.run("R1");
  const auto sent = rig.bank_.last_batch()["payments"][0];
  rig.bank_.push_status(rig.bank_.status_for(sent, "settled", "ACSC"));
  rig.bank_.push_statement(rig.bank_.statement("STMT-1", {rig.booked({sent}, "0.00", true, "ASR-1")}));
  REQUIRE(rig.settle()["settled"].size() == 1);
  CHECK_FALSE(rig.open(b1));

  // The creditor's bank returns it: a credit with the EndToEndId and AC04.
  json back = {{"amount", sent["amount"]}, {"credit_debit", "CRDT"}, {"status", "BOOK"},
               {"booking_date", "2026-03-13"}, {"account_servicer_reference", "ASR-2"},
               {"details", {{{"references", sent["references"]}, {"amount", sent["amount"]},
                             {"return_reason", "AC04"}}}}};
  rig.bank_.push_statement(rig.bank_.statement("STMT-2", {back}));
  const auto returned = rig.settle();
  REQUIRE(returned["voided"].size() == 1);
  CHECK(returned["voided"][0]["why"] == "returned");
  CHECK(rig.open(b1));  // open again in NetSuite
  // bank → in-transit brings the clearing account back to zero before the void.
  CHECK(rig.created("journalEntry") == 2);
  const auto ret = rig.direct("get", "JournalEntry", "", {{"natural_key", "R1.p1.ret"}});
  CHECK(ret["lines"][0]["account"] == "1200");
  CHECK(ret["lines"][0]["side"] == "debit");
  CHECK(rig.store_->payment("R1.p1")->state == "voided");
  // Reading the return again changes nothing.
  rig.store_->set_cursor("bank", "BankStatement", "0");
  CHECK(rig.settle()["voided"].empty());

  // The next run pays the reopened bill exactly once; re-running it adds nothing.
  const auto next = rig.run("R2");
  REQUIRE(next["payments"].size() == 1);
  CHECK(next["payments"][0]["invoices"] == json({b1}));
  CHECK_FALSE(rig.open(b1));
  rig.run("R2");
  CHECK(rig.run("R3")["payments"].empty());
  CHECK(rig.created("vendorPayment") == 2);  // R1 (voided) and R2
  CHECK(rig.bank_.submits() == 2);
  CHECK(events_of(*rig.audit_, "pay-R1").count("erp_payment_voided") == 1);
}

TEST_CASE("rejected by the bank: the payment is voided and the bill reopens", "[flows][pay_settle]") {
  pay_rig rig;
  const auto s1 = rig.supplier("SUP-1");
  const auto b1 = rig.bill(s1, "AC-1", "119.00");
  rig.pay_to(s1, "FR1420041010050500013M02606");
  rig.run("R1");
  CHECK_FALSE(rig.open(b1));
  const auto sent = rig.bank_.last_batch()["payments"][0];
  rig.bank_.push_status(rig.bank_.status_for(sent, "accepted", "ACCP"));
  rig.bank_.push_status(rig.bank_.status_for(sent, "rejected", "RJCT", "AC04"));
  const auto out = rig.settle();
  REQUIRE(out["voided"].size() == 1);
  CHECK(out["voided"][0]["why"] == "rejected");
  CHECK(rig.open(b1));
  CHECK(rig.store_->payment("R1.p1")->state == "voided");
  CHECK(rig.created("journalEntry") == 0);  // nothing was booked, nothing to clear
  // The same report again: nothing more (the void key replays, the state is final).
  rig.store_->set_cursor("bank", "PaymentStatus", "0");
  CHECK(rig.settle()["voided"].empty());
  // A later BOOK entry for the rejected payment is not ours any more.
  rig.bank_.push_statement(rig.bank_.statement("STMT-1", {rig.booked({sent}, "0.00", true, "ASR-1")}));
  const auto late = rig.settle();
  CHECK(late["settled"].empty());
  CHECK(late["unmatched"].size() == 1);
  CHECK(rig.run("R2")["payments"].size() == 1);
  CHECK_FALSE(rig.open(b1));
}

TEST_CASE("no pain.002 within the configured time: the batch is raised once into the bank's "
          "technical queue, a replay asks the bank again, a late status ends it",
          "[flows][pay_settle][status_overdue]") {
  using erpc::exception_queue;
  using erpc::message_state;
  pay_rig rig;
  const auto s1 = rig.supplier("SUP-1");
  rig.bill(s1, "AC-1", "119.00");
  rig.flow_config_.status_timeout_minutes = 240;
  rig.pay_to(s1, "FR1420041010050500013M02606");
  REQUIRE(rig.run("R1")["payments"].size() == 1);
  const auto sent = rig.bank_.last_batch()["payments"][0];
  auto technical = [&] { return rig.queues_->list_queue(exception_queue::technical, 10).items; };

  // Inside the time nothing is raised, however often settle runs.
  rig.clock_.advance_ms(239 * 60'000);
  CHECK(rig.settle()["status_overdue"].empty());
  CHECK(technical().empty());

  rig.clock_.advance_ms(2 * 60'000);
  const auto overdue = rig.settle();
  REQUIRE(overdue["status_overdue"].size() == 1);
  CHECK(overdue["status_overdue"][0]["run_id"] == "R1");
  CHECK(overdue["status_overdue"][0]["message_id"] == sent["references"]["message_id"]);
  auto items = technical();
  REQUIRE(items.size() == 1);
  const auto item = items[0];
  CHECK(item.key.connection == "bank");
  CHECK(item.key.object == "PaymentBatch");
  CHECK(item.key.op == "status");
  CHECK(item.key.idempotency_key == "R1.status");
  CHECK(item.correlation_id == "pay-R1");
  CHECK(json::parse(item.payload) ==
        json{{"natural_key", {{"message_id", sent["references"]["message_id"]}}}});
  const auto why = json::parse(item.last_error.value_or("{}"));
  CHECK(why["code"] == "flow.status_overdue");
  CHECK(why["class"] == "IN_PROGRESS");
  CHECK(rig.bank_.status_asks() == 0);  // raised by the host, not an attempt
  CHECK(events_of(*rig.audit_, "pay-R1").count("payment_status_overdue") == 1);

  // Settling again raises nothing more: one item per batch.
  CHECK(rig.settle()["status_overdue"].size() == 1);
  CHECK(technical().size() == 1);

  SECTION("replayed while the bank is still silent: asked again, queued again") {
    rig.queues_->replay(item.id, std::nullopt, "ops");
    for (int i = 0; i < 4; ++i) {
      rig.dispatcher_->run_once();
      rig.clock_.advance_ms(61'000);  // the adapter's Retry-After (60 s) is honoured
    }
    CHECK(rig.bank_.status_asks() == 2);  // the connection's max_attempts
    items = technical();
    REQUIRE(items.size() == 1);
    CHECK(json::parse(items[0].last_error.value_or("{}"))["code"] == "bank_file.status_not_received");
    CHECK(rig.bank_.submits() == 1);  // asking is a read: nothing sent again
  }
  SECTION("the status arrives: the next settle ends the queued item") {
    rig.bank_.push_status(rig.bank_.status_for(sent, "accepted", "ACCP"));
    const auto after = rig.settle();
    CHECK(after["status_overdue"].empty());
    CHECK(technical().empty());
    CHECK(rig.queues_->get_message(item.id)->state == message_state::discarded);
    CHECK(events_of(*rig.audit_, "pay-R1").count("payment_status_overdue_resolved") == 1);
    CHECK(rig.store_->payment("R1.p1")->state == "accepted");
    // Nothing raises it again.
    rig.clock_.advance_ms(10 * 24 * 3'600'000LL);
    CHECK(rig.settle()["status_overdue"].empty());
    CHECK(technical().empty());
  }
  SECTION("the status arrives and the operator replays first: the bank's answer completes it") {
    rig.bank_.push_status(rig.bank_.status_for(sent, "accepted", "ACCP"));
    rig.queues_->replay(item.id, std::nullopt, "ops");
    rig.dispatcher_->run_once();
    const auto done = rig.queues_->get_message(item.id);
    CHECK(done->state == message_state::succeeded);
    CHECK(json::parse(done->response.value_or("{}"))["result"]["status"] == "accepted");
    const auto after = rig.settle();
    CHECK(after["status_overdue"].empty());
    CHECK(rig.store_->payment("R1.p1")->state == "accepted");
  }
}

TEST_CASE("two suppliers in one PmtInf booked as one entry without TxDtls, charges as a "
          "separate entry",
          "[flows][pay_settle]") {
  pay_rig rig;
  const auto s1 = rig.supplier("SUP-1");
  rig.bill(s1, "AC-1", "100.00");
  const auto s2 = rig.supplier("SUP-2");
  rig.bill(s2, "BX-1", "200.00");
  rig.pay_to(s1, "FR1420041010050500013M02606");
  rig.pay_to(s2, "DE02120300000000202051");
  rig.bank_.echo_ids = false;  // the flow pairs the bank's answer with its payments by position
  const auto run = rig.run("R1");
  REQUIRE(run["payments"].size() == 2);
  const auto sent = rig.bank_.last_batch()["payments"];
  auto entry = rig.booked({sent[0], sent[1]}, "0.00", false, "ASR-1");
  const json charges = pay_rig::charges_entry(sent[0], "3.00", "");
  rig.bank_.push_statement(rig.bank_.statement("STMT-1", {entry, charges}));
  const auto out = rig.settle();
  CHECK(out["settled"].size() == 2);
  CHECK(out["charges"].size() == 1);
  CHECK(rig.created("journalEntry") == 2);  // one settlement for the batch + the charges
  const auto journal = rig.direct("get", "JournalEntry", "", {{"natural_key", "R1.p1.stl"}});
  REQUIRE(journal["lines"].size() == 2);
  CHECK(journal["lines"][0]["amount"] == eur("300.00"));
  for (const auto& p : rig.store_->payments_of_run("R1")) CHECK(p.state == "settled");
  rig.store_->set_cursor("bank", "BankStatement", "0");
  rig.settle();
  CHECK(rig.created("journalEntry") == 2);
}

TEST_CASE("two separate charges entries for one payment are two charges journals, and the same "
          "entry in another report is not posted again",
          "[flows][pay_settle]") {
  pay_rig rig;
  const auto s1 = rig.supplier("SUP-1");
  rig.bill(s1, "CC-1", "100.00");
  rig.pay_to(s1, "FR1420041010050500013M02606");
  REQUIRE(rig.run("R1")["payments"].size() == 1);
  const auto sent = rig.bank_.last_batch()["payments"];
  auto charges_entry = [&](const char* amount, const char* asr) {
    return pay_rig::charges_entry(sent[0], amount, asr);
  };
  // The bank's own charge and, the same day, the same amount again for a correspondent bank:
  // two entries, two references, two journals (a key per payment would replay the first).
  rig.bank_.push_statement(rig.bank_.statement(
      "STMT-1", {rig.booked({sent[0]}, "0.00", true, "ASR-PAY"), charges_entry("2.50", "ASR-CHG-1"),
                 charges_entry("2.50", "ASR-CHG-2")}));
  const auto out = rig.settle();
  INFO(out.dump());
  CHECK(out["settled"].size() == 1);
  REQUIRE(out["charges"].size() == 2);
  const std::string first = out["charges"][0]["journal"];
  const std::string second = out["charges"][1]["journal"];
  CHECK(first != second);
  CHECK(first.starts_with("R1.p1.chg."));
  CHECK(second.starts_with("R1.p1.chg."));
  CHECK(rig.created("journalEntry") == 3);  // the settlement and both charges
  for (const auto& key : {first, second}) {
    const auto journal = rig.direct("get", "JournalEntry", "", {{"natural_key", key}});
    REQUIRE(journal["lines"].size() == 2);
    CHECK(journal["lines"][0]["amount"] == eur("2.50"));
  }
  CHECK(rig.store_->payment("R1.p1")->state == "settled");

  // The end-of-day statement carries the second charge again (same AcctSvcrRef, another
  // statement id) and a third without a reference: only the third is new.
  rig.bank_.push_statement(rig.bank_.statement(
      "STMT-2", {charges_entry("2.50", "ASR-CHG-2"), charges_entry("1.00", "")}));
  const auto later = rig.settle();
  INFO(later.dump());
  REQUIRE(later["charges"].size() == 2);
  CHECK(later["charges"][0]["journal"] == second);  // replayed, not posted again
  CHECK(later["charges"][1]["journal"] == "R1.p1.chg");  // no reference: keyed by the payment
  CHECK(rig.created("journalEntry") == 4);

  // Everything read again: nothing new.
  rig.store_->set_cursor("bank", "BankStatement", "0");
  rig.settle();
  CHECK(rig.created("journalEntry") == 4);
}

TEST_CASE("a bill partly paid in NetSuite is paid its open rest (amount_open), once",
          "[flows][pay_settle]") {
  pay_rig rig;
  const auto s1 = rig.supplier("SUP-1");
  const auto b1 = rig.bill(s1, "AC-1", "119.00");
  // Someone paid 19.00 of it in NetSuite directly.
  rig.direct("create", "Payment", "manual-1",
             {{"external_refs", json::object()}, {"source", {{"system", "test"}}},
              {"direction", "outbound"}, {"amount", eur("19.00")},
              {"requested_execution_date", "2026-03-05"},
              {"creditor", {{"external_refs", {{"netsuite", s1}}}}},
              {"applications", {{{"document_type", "invoice"},
                                 {"document", {{"external_refs", {{"netsuite", b1}}}}},
                                 {"amount", eur("19.00")}}}}});
  const auto before = rig.direct("get", "Invoice", "", {{"id", b1}});
  CHECK(before["amount_open"] == eur("100.00"));
  CHECK_FALSE(before.value("payment_block", false));
  rig.pay_to(s1, "FR1420041010050500013M02606");
  const auto run = rig.run("R1");
  INFO(run.dump());
  REQUIRE(run["payments"].size() == 1);
  CHECK(run["payments"][0]["amount"] == eur("100.00"));
  CHECK(run["payments"][0]["invoices"] == json({b1}));
  CHECK(rig.bank_.last_batch()["payments"][0]["remittance"]["unstructured"] == "AC-1 100.00");
  const auto after = rig.direct("get", "Invoice", "", {{"id", b1}});
  CHECK(after["amount_open"] == eur("0.00"));
  CHECK(after["payment_block_reason"] == "paid in full");
  CHECK(rig.run("R2")["payments"].empty());
  CHECK(rig.created("vendorPayment") == 2);  // the manual one and R1's
}

TEST_CASE("a batch the bank refuses frees its invoices for a corrected run", "[flows][pay_settle]") {
  pay_rig rig;
  const auto s1 = rig.supplier("SUP-1");
  const auto b1 = rig.bill(s1, "AC-1", "119.00");
  rig.pay_to(s1, "FR1420041010050500013M02606");
  rig.bank_.refuse_next = true;
  try {
    rig.run("R1");
    FAIL("the refusal was swallowed");
  } catch (const erpc::error& e) {
    CHECK(e.code() == "pain001.iban_invalid");
  }
  CHECK(rig.created("vendorPayment") == 0);  // nothing recorded in the ERP
  CHECK(rig.open(b1));
  CHECK(rig.store_->payment("R1.p1")->state == "voided");
  try {
    rig.run("R1");
    FAIL("a refused run ran again");
  } catch (const erpc::error& e) {
    CHECK(e.code() == "flow.run_refused");
  }
  const auto next = rig.run("R2");
  REQUIRE(next["payments"].size() == 1);
  CHECK(next["payments"][0]["state"] == "recorded");
  CHECK_FALSE(rig.open(b1));
  CHECK(events_of(*rig.audit_, "pay-R1").count("pay_batch_refused") == 1);
}

namespace {

// A USD bill of 500.00 paid from the EUR account (an FX run); NetSuite records the payment at
// 0.9500 (475.00 EUR in transit).
struct fx_run {
  explicit fx_run(pay_rig& rig) {
    rig.sim_.apply_settings({{"payables.exchange_rates", "2=0.9500"}});
    const auto s1 = rig.supplier("SUP-US");
    bill = rig.direct(
        "create", "Invoice", "bill-US-9",
        {{"external_refs", json::object()}, {"source", {{"system", "test"}}},
         {"document_type", "invoice"}, {"direction", "payable"}, {"legal_entity", "DE01"},
         {"supplier", {{"external_refs", {{"netsuite", s1}}}}}, {"invoice_number", "US-9"},
         {"invoice_date", "2026-03-02"}, {"currency", "USD"},
         {"lines", {{{"account", "5400"}, {"net", usd}, {"tax", zero}, {"gross", usd}}}},
         {"totals", {{"net", usd}, {"tax", zero}, {"gross", usd}}}})["id"];
    rig.flow_config_ = erpc::pay_flow_config::from_json(
        {{"erp", "erp"}, {"bank", "bank"}, {"legal_entity", "DE01"}, {"currency", "USD"},
         {"account_currency", "EUR"}, {"in_transit_account", "1361"}, {"bank_account", "1200"},
         {"charges_account", "6855"}, {"fx_gain_loss_account", "7900"},
         {"debtor", {{"name", "Example GmbH"}}},
         {"debtor_account", {{"iban", "DE89370400440532013000"}, {"bic", "COBADEFFXXX"}, {"currency", "EUR"}}},
         {"creditor_accounts", json::object()}});
    rig.pay_to(s1, "FR1420041010050500013M02606");
    run = rig.run("FX1");
    sent = rig.bank_.last_batch()["payments"][0];
  }

  // The bank's credit for the return: the instructed USD as sent (or not) and the EUR credited.
  json return_entry(const std::string& credited, const json& instructed) const {
    return {{"amount", eur(credited)}, {"credit_debit", "CRDT"}, {"status", "BOOK"},
            {"booking_date", "2026-03-13"}, {"account_servicer_reference", "FXR1"},
            {"details", {{{"references", sent["references"]}, {"amount", eur(credited)},
                          {"instructed_amount", instructed}, {"return_reason", "AC04"},
                          {"currency_exchange", {{"source_currency", "USD"}, {"target_currency", "EUR"},
                                                 {"rate", "0.9300"}}}}}}};
  }

  const json usd = {{"amount", "500.00"}, {"currency", "USD"}};
  const json zero = {{"amount", "0.00"}, {"currency", "USD"}};
  std::string bill;
  json run;
  json sent;
};

}  // namespace

TEST_CASE("pay and settle FX: a USD payment from the EUR account settles with the realised "
          "difference, and its return posts a return journal in EUR with the realised difference, "
          "voids the vendorPayment and the bill is paid once by the next run",
          "[flows][pay_settle][fx]") {
  pay_rig rig;
  fx_run fx(rig);
  REQUIRE(fx.run["payments"].size() == 1);
  CHECK(fx.run["payments"][0]["amount"] == fx.usd);
  CHECK_FALSE(rig.open(fx.bill));
  CHECK(fx.sent["charge_bearer"] == "SHAR");
  CHECK(fx.sent["method"] == "credit_transfer");

  // 500.00 USD recorded at 0.95 (475.00 EUR); the bank took 460.00 EUR and 5.00 charges: a gain.
  json entry = {{"amount", eur("465.00")}, {"credit_debit", "DBIT"}, {"status", "BOOK"},
                {"booking_date", "2026-03-11"}, {"account_servicer_reference", "FXB1"},
                {"details", {{{"references", fx.sent["references"]}, {"amount", eur("460.00")},
                              {"instructed_amount", fx.usd},
                              {"currency_exchange", {{"source_currency", "USD"}, {"target_currency", "EUR"},
                                                     {"rate", "0.92"}}}}}}};
  rig.bank_.push_statement(rig.bank_.statement("S-FX-1", {entry}));
  const auto settled = rig.settle();
  INFO(settled.dump());
  REQUIRE(settled["settled"].size() == 1);
  const auto journal = rig.direct("get", "JournalEntry", "", {{"natural_key", {{"idempotency_key", "FX1.p1.stl"}}}});
  REQUIRE(journal["lines"].size() == 4);
  CHECK(journal["lines"][0]["amount"] == eur("475.00"));  // in-transit at NetSuite's rate
  CHECK(journal["lines"][1]["amount"] == eur("5.00"));    // charges
  CHECK(journal["lines"][2]["amount"] == eur("465.00"));  // bank
  CHECK(journal["lines"][3]["account"] == "7900");
  CHECK(journal["lines"][3]["side"] == "credit");          // a realised gain
  CHECK(journal["lines"][3]["amount"] == eur("15.00"));
  const auto stored = rig.store_->payment("FX1.p1");
  REQUIRE(stored);
  CHECK(stored->settlement["fx_difference"] == eur("-15.00"));
  CHECK(stored->settlement["functional_amount"] == eur("460.00"));

  // A `returned` status first: it names the payment but not the EUR credited — nothing is
  // written, the payment stays settled and waits for the bank's credit.
  rig.bank_.push_status(rig.bank_.status_for(fx.sent, "returned", "RJCT", "AC04"));
  const auto waiting = rig.settle();
  INFO(waiting.dump());
  CHECK(waiting["voided"].empty());
  CHECK(waiting["ambiguous"].empty());
  REQUIRE(waiting["awaiting_return_entry"].size() == 1);
  CHECK(rig.created("journalEntry") == 1);
  CHECK_FALSE(rig.open(fx.bill));
  CHECK(rig.store_->payment("FX1.p1")->state == "settled");
  CHECK(events_of(*rig.audit_, "pay-FX1").count("payment_return_awaiting_entry") == 1);

  // The credit: 500.00 USD instructed as sent, converted back at 0.93 → 465.00 EUR credited.
  // Return journal: debit bank 465.00, credit in-transit 475.00 (what the settlement cleared),
  // debit FX loss 10.00.
  rig.bank_.push_statement(rig.bank_.statement("S-FX-2", {fx.return_entry("465.00", fx.usd)}));
  const auto back = rig.settle();
  INFO(back.dump());
  CHECK(back["ambiguous"].empty());
  REQUIRE(back["voided"].size() == 1);
  CHECK(back["voided"][0]["why"] == "returned");
  CHECK(rig.created("journalEntry") == 2);
  const auto ret = rig.direct("get", "JournalEntry", "", {{"natural_key", {{"idempotency_key", "FX1.p1.ret"}}}});
  INFO(ret.dump());
  CHECK(ret["functional_currency"] == "EUR");
  REQUIRE(ret["lines"].size() == 3);
  const auto line = [&](std::size_t i) {
    const auto& l = ret["lines"][i];
    return l["account"].get<std::string>() + " " + l["side"].get<std::string>() + " " +
           l["amount"]["amount"].get<std::string>() + " " + l["amount"]["currency"].get<std::string>();
  };
  CHECK(line(0) == "1200 debit 465.00 EUR");
  CHECK(line(1) == "1361 credit 475.00 EUR");
  CHECK(line(2) == "7900 debit 10.00 EUR");
  CHECK(ret["posting_date"] == "2026-03-13");
  CHECK(rig.open(fx.bill));  // the vendorPayment is voided: the bill is open again
  CHECK(rig.store_->payment("FX1.p1")->state == "voided");
  const auto events = events_of(*rig.audit_, "pay-FX1");
  CHECK(events.count("payment_return_posted") == 1);
  CHECK(events.count("erp_payment_voided") == 1);
  CHECK(events.count("payment_return_ambiguous") == 0);

  // Reading everything again changes nothing.
  rig.store_->set_cursor("bank", "PaymentStatus", "0");
  rig.store_->set_cursor("bank", "BankStatement", "0");
  const auto again = rig.settle();
  CHECK(again["voided"].empty());
  CHECK(again["settled"].empty());
  CHECK(rig.created("journalEntry") == 2);

  // The next run pays the reopened bill — once.
  const auto next = rig.run("FX2");
  REQUIRE(next["payments"].size() == 1);
  CHECK(next["payments"][0]["invoices"] == json({fx.bill}));
  CHECK(rig.run("FX3")["payments"].empty());
  CHECK(rig.created("vendorPayment") == 2);
  CHECK(rig.bank_.submits() == 2);
}

TEST_CASE("pay and settle FX: a return whose instructed amount is not what was sent stays "
          "ambiguous, for a person",
          "[flows][pay_settle][fx]") {
  pay_rig rig;
  fx_run fx(rig);
  json entry = {{"amount", eur("460.00")}, {"credit_debit", "DBIT"}, {"status", "BOOK"},
                {"booking_date", "2026-03-11"}, {"account_servicer_reference", "FXB1"},
                {"details", {{{"references", fx.sent["references"]}, {"amount", eur("460.00")},
                              {"instructed_amount", fx.usd}}}}};
  rig.bank_.push_statement(rig.bank_.statement("S-FX-1", {entry}));
  REQUIRE(rig.settle()["settled"].size() == 1);
  // 490.00 USD came back of 500.00 sent (the creditor's bank kept charges): not automated.
  rig.bank_.push_statement(rig.bank_.statement(
      "S-FX-2", {fx.return_entry("455.70", {{"amount", "490.00"}, {"currency", "USD"}})}));
  const auto back = rig.settle();
  INFO(back.dump());
  CHECK(back["voided"].empty());
  REQUIRE(back["ambiguous"].size() == 1);
  CHECK_THAT(back["ambiguous"][0]["reason"].get<std::string>(), Catch::Contains("instructed for 490.00"));
  CHECK(rig.created("journalEntry") == 1);
  CHECK_FALSE(rig.open(fx.bill));
  CHECK(rig.store_->payment("FX1.p1")->state == "settled");
  CHECK(events_of(*rig.audit_, "pay-settle-bank").count("statement_entry_ambiguous") == 1);
}

TEST_CASE("pay and settle FX: a return credited before the payment's debit was read (accepted, "
          "not settled) voids it as for a EUR payment, without a journal",
          "[flows][pay_settle][fx]") {
  pay_rig rig;
  fx_run fx(rig);
  rig.bank_.push_status(rig.bank_.status_for(fx.sent, "accepted", "ACCP"));
  rig.bank_.push_statement(rig.bank_.statement("S-FX-2", {fx.return_entry("465.00", fx.usd)}));
  const auto back = rig.settle();
  INFO(back.dump());
  REQUIRE(back["voided"].size() == 1);
  CHECK(back["ambiguous"].empty());
  CHECK(rig.created("journalEntry") == 0);  // nothing was settled, nothing to clear
  CHECK(rig.open(fx.bill));
  CHECK(rig.store_->payment("FX1.p1")->state == "voided");
}
