// The pay-and-settle flow as a user runs it (issue 6 item 6, BANKING.md "The pay-and-settle
// flow"): nothing faked. `erpc sim netsuite` is the ERP, `erpc sim bank` the bank behind its
// file gateway, and the `erpc` executable drives the real bundled adapters (netsuite,
// bank_iso20022) through the host's durable path: `erpc invoke` enters the supplier and the
// bills, `erpc pay run` selects them, releases the pain.001 and records the vendorPayment against
// the in-transit account, the bank answers pain.002 and books the camt.053, and `erpc pay settle`
// matches the entry and posts in-transit → bank with the charges. The same sequence is the
// README's main command (scripts/demo.sh).
#include "flow_e2e_support.hpp"
#include "support/raw_http.hpp"

#include <erpc/sim/testing/sim_process.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

using nlohmann::json;
namespace fs = std::filesystem;
using erpc::flows_e2e::cli_result;
using erpc::sim::testing::sim_process;

constexpr const char* debtor_iban = "DE89370400440532013000";
constexpr const char* creditor_iban = "FR1420041010050500013M02606";

json eur(const std::string& amount) { return {{"amount", amount}, {"currency", "EUR"}}; }

int counter() {
  static int n = 0;
  return ++n;
}

// Both simulators, the host configuration and the flow file in one temporary folder.
class pay_and_settle_world {
 public:
  pay_and_settle_world() {
    fs::remove_all(dir_);
    for (const char* sub : {"bank/out", "bank/in", "bank/state", "bank/archive"}) {
      fs::create_directories(dir_ / sub);
    }
    bank_.apply_settings(
        {{"folders.outbound", (dir_ / "bank/out").string()},
         {"folders.inbound", (dir_ / "bank/in").string()},
         {"folders.archive", (dir_ / "bank/archive").string()},
         {"accounts", json::array({{{"iban", debtor_iban},
                                    {"bic", "COBADEFFXXX"},
                                    {"currency", "EUR"},
                                    {"opening_balance", "10000.00"},
                                    {"owner", "Example GmbH"}}})
                          .dump()},
         {"calendar.start_date", "2026-03-10"},
         {"charges.per_payment", "2.50"},
         {"charges.booking", "netted"}});
    netsuite_settings_ = erpc::flows_e2e::netsuite_connection_settings(netsuite_.base_url());
    write(dir_ / "netsuite.json", netsuite_settings_);
    write_host_config("sepa");
  }

  // erpc.json; `pain001_usage` sepa (EUR only) or cgi_mp (a bank that converts other currencies).
  void write_host_config(const std::string& pain001_usage) {
    write(dir_ / "erpc.json",
          {{"ledger", {{"backend", "sqlite"}, {"path", (dir_ / "ledger.db").string()}}},
           {"audit",
            {{"hmac_key", "env:ERPC_E2E_AUDIT_KEY"}, {"anchor_path", (dir_ / "audit.anchor").string()}}},
           {"connections",
            {{"netsuite", {{"adapter", "netsuite"}, {"settings", netsuite_settings_}}},
             {"bank",
              {{"adapter", "bank_iso20022"},
               {"settings",
                {{"outbound_dir", (dir_ / "bank/out").string()},
                 {"inbound_dir", (dir_ / "bank/in").string()},
                 {"state_dir", (dir_ / "bank/state").string()},
                 {"pain001_version", "pain.001.001.09"},
                 {"pain001_usage", pain001_usage}}}}}}}});
  }

  ~pay_and_settle_world() { fs::remove_all(dir_); }

  // `erpc <args>` with the simulator credentials and the audit key in its environment.
  cli_result erpc(const std::vector<std::string>& args) { return cli_.run(args); }
  json erpc_ok(const std::vector<std::string>& args) { return cli_.ok(args); }

  // A direct NetSuite adapter call (`erpc invoke`) for the test's own setup and checks.
  json invoke(const std::string& op, const std::string& object, const std::string& key,
              const json& document) {
    return cli_.invoke("netsuite", dir_ / "netsuite.json", op, object, key, document);
  }

  std::string supplier(const std::string& number) {
    return invoke("create", "Supplier", "sup-" + number,
                  {{"external_refs", json::object()}, {"source", {{"system", "e2e"}}},
                   {"name", "Acme " + number}, {"number", number}, {"legal_entity", "DE01"},
                   {"default_currency", "EUR"}})["id"];
  }

  std::string bill(const std::string& supplier_id, const std::string& number,
                   const std::string& gross, const std::string& currency = "EUR") {
    const auto m = [&](const std::string& a) { return json{{"amount", a}, {"currency", currency}}; };
    return invoke("create", "Invoice", "bill-" + number,
                  {{"external_refs", json::object()}, {"source", {{"system", "e2e"}}},
                   {"document_type", "invoice"}, {"direction", "payable"}, {"legal_entity", "DE01"},
                   {"supplier", {{"external_refs", {{"netsuite", supplier_id}}}}},
                   {"invoice_number", number}, {"invoice_date", "2026-03-02"}, {"currency", currency},
                   {"lines", {{{"account", "5400"}, {"net", m(gross)}, {"tax", m("0.00")},
                               {"gross", m(gross)}}}},
                   {"totals", {{"net", m(gross)}, {"tax", m("0.00")}, {"gross", m(gross)}}}})["id"];
  }

  bool open(const std::string& bill_id) {
    return invoke("get", "Invoice", "", {{"id", bill_id}}).value("payment_block", false) == false;
  }

  // The flow file: NetSuite's adapter carries no vendor bank accounts, so the flow names them.
  void pay_to(const std::string& supplier_id) {
    write(dir_ / "pay.json",
          {{"erp", "netsuite"}, {"bank", "bank"}, {"legal_entity", "DE01"}, {"currency", "EUR"},
           {"in_transit_account", "1361"}, {"bank_account", "1200"}, {"charges_account", "6855"},
           {"debtor", {{"name", "Example GmbH"}}},
           {"debtor_account", {{"iban", debtor_iban}, {"bic", "COBADEFFXXX"}}},
           {"creditor_accounts", {{"netsuite:" + supplier_id, {{"iban", creditor_iban}}}}}});
  }

  // One setting of the flow file written by pay_to / pay_in_usd_to.
  void set_flow(const std::string& name, const json& value) {
    json flow = erpc::flows_e2e::read_json(dir_ / "pay.json");
    flow[name] = value;
    write(dir_ / "pay.json", flow);
  }

  // An FX run: USD invoices paid from the EUR account (docs/pay-and-settle.md "FX runs").
  void pay_in_usd_to(const std::string& supplier_id) {
    write(dir_ / "pay.json",
          {{"erp", "netsuite"}, {"bank", "bank"}, {"legal_entity", "DE01"}, {"currency", "USD"},
           {"account_currency", "EUR"}, {"in_transit_account", "1361"}, {"bank_account", "1200"},
           {"charges_account", "6855"}, {"fx_gain_loss_account", "7900"},
           {"debtor", {{"name", "Example GmbH"}}},
           {"debtor_account", {{"iban", debtor_iban}, {"bic", "COBADEFFXXX"}, {"currency", "EUR"}}},
           {"creditor_accounts", {{"netsuite:" + supplier_id, {{"iban", creditor_iban}}}}}});
  }

  json pay_run(const std::string& run_id) {
    return erpc_ok({"--config", (dir_ / "erpc.json").string(), "pay", "run", "--flow",
                    (dir_ / "pay.json").string(), "--run-id", run_id, "--execution-date",
                    "2026-03-10"});
  }
  json pay_settle() {
    return erpc_ok({"--config", (dir_ / "erpc.json").string(), "pay", "settle", "--flow",
                    (dir_ / "pay.json").string()});
  }

  // The bank's own clock: pick up the pain.001 files, then close the business day.
  json bank(const std::string& route) {
    const auto r = erpc::testing::raw_http(bank_.port(), "POST", route, {}, "");
    INFO(route << ": " << r.body);
    REQUIRE(r.status == 200);
    return json::parse(r.body);
  }

  int created(const std::string& record_type) const {
    return netsuite_.effects(record_type)["created"].get<int>();
  }

  std::string log_tail() const { return cli_.log_tail(); }

  static void write(const fs::path& path, const json& document) {
    erpc::flows_e2e::write_json(path, document);
  }

  sim_process netsuite_{"netsuite"};
  sim_process bank_{"bank"};
  fs::path dir_ = fs::temp_directory_path() /
                  ("erpc_pay_e2e_" + std::to_string(::getpid()) + "_" + std::to_string(counter()));
  erpc::flows_e2e::erpc_cli cli_{dir_};
  json netsuite_settings_;
};

std::size_t entries_booked(const json& end_of_day) {
  std::size_t n = 0;
  for (const auto& s : end_of_day["statements"]) n += s["entries"].get<std::size_t>();
  return n;
}

}  // namespace

TEST_CASE("pay and settle end to end: one payment, one statement entry, one settlement journal, "
          "settled — and running it again changes nothing",
          "[flows][e2e]") {
  pay_and_settle_world world;
  const auto supplier = world.supplier("SUP-1");
  const auto b1 = world.bill(supplier, "AC-1", "119.00");
  const auto b2 = world.bill(supplier, "AC-2", "50.00");
  world.pay_to(supplier);

  const auto run = world.pay_run("R1");
  REQUIRE(run["payments"].size() == 1);
  CHECK(run["payments"][0]["amount"] == eur("169.00"));
  CHECK(world.created("vendorPayment") == 1);
  CHECK_FALSE(world.open(b1));  // closed in the AP subledger by the vendorPayment
  CHECK_FALSE(world.open(b2));

  const auto cycle = world.bank("/bank/cycle");
  REQUIRE(cycle["picked_up"].size() == 1);
  CHECK(cycle["picked_up"][0]["group_status"] == "ACCP");
  const auto accepted = world.pay_settle();
  CHECK(accepted["settled"].empty());

  const auto day = world.bank("/bank/end-of-day");
  CHECK(entries_booked(day) == 1);  // one PmtInf, batch booking: one entry, charges netted
  const auto settled = world.pay_settle();
  INFO(settled.dump());
  REQUIRE(settled["settled"].size() == 1);
  CHECK(settled["settled"][0]["payment"] == "R1.p1");
  CHECK(settled["ambiguous"].empty());
  CHECK(world.created("journalEntry") == 1);
  const auto journal = world.invoke("get", "JournalEntry", "", {{"natural_key", {{"idempotency_key", "R1.p1.stl"}}}});
  REQUIRE(journal["lines"].size() == 3);
  CHECK(journal["lines"][0]["amount"] == eur("169.00"));  // in-transit
  CHECK(journal["lines"][1]["amount"] == eur("2.50"));    // charges
  CHECK(journal["lines"][2]["amount"] == eur("171.50"));  // bank

  // Everything again — the run, the bank's pickup, settle — writes nothing twice.
  world.pay_run("R1");
  world.bank("/bank/cycle");
  const auto again = world.pay_settle();
  CHECK(again["settled"].empty());
  CHECK(world.created("vendorPayment") == 1);
  CHECK(world.created("journalEntry") == 1);
  CHECK(world.pay_run("R2")["payments"].empty());  // nothing left to pay

  // Every step under the run's correlation id, and the chain verifies.
  const auto trail = world.erpc({"--config", (world.dir_ / "erpc.json").string(), "audit",
                                 "show", "pay-R1"});
  CHECK(trail.exit_code == 0);
  CHECK(trail.out.find("PaymentBatch") != std::string::npos);
  const auto verify = world.erpc({"--config", (world.dir_ / "erpc.json").string(), "audit", "verify"});
  CHECK(verify.exit_code == 0);
}

TEST_CASE("pay and settle end to end: a rejected payment voids the vendorPayment, the bill "
          "opens again and the next run pays it once",
          "[flows][e2e]") {
  pay_and_settle_world world;
  const auto supplier = world.supplier("SUP-9");
  const auto bill = world.bill(supplier, "RJ-1", "80.00");
  world.pay_to(supplier);
  world.bank_.apply_settings({{"rejection.creditor_accounts", std::string(creditor_iban) + "=AC01"}});

  REQUIRE(world.pay_run("R1")["payments"].size() == 1);
  CHECK_FALSE(world.open(bill));
  const auto cycle = world.bank("/bank/cycle");
  CHECK(cycle["picked_up"][0]["group_status"] == "RJCT");
  const auto settled = world.pay_settle();
  INFO(settled.dump());
  REQUIRE(settled["voided"].size() == 1);
  CHECK(world.open(bill));  // vendorPayment voided: the bill is open again
  CHECK(entries_booked(world.bank("/bank/end-of-day")) == 0);

  // The creditor's account is fixed; the next run pays the bill — once.
  world.bank_.apply_settings({{"rejection.creditor_accounts", ""}});
  REQUIRE(world.pay_run("R2")["payments"].size() == 1);
  CHECK(world.created("vendorPayment") == 2);
  CHECK(world.pay_run("R3")["payments"].empty());
  world.bank("/bank/cycle");
  CHECK(entries_booked(world.bank("/bank/end-of-day")) == 1);
  CHECK(world.pay_settle()["settled"].size() == 1);
  CHECK_FALSE(world.open(bill));
}

TEST_CASE("pay and settle end to end: a USD invoice paid from the EUR account with FX and "
          "charges — in-transit at the ERP's rate, the bank's EUR, charges and the realised FX "
          "difference in one balanced journal",
          "[flows][e2e][fx]") {
  pay_and_settle_world world;
  world.write_host_config("cgi_mp");  // the SEPA usage pays EUR only
  // The ERP's rate on the payment date (NetSuite fills exchangeRate from its rate table) and the
  // bank's own conversion rate differ: that is the realised difference.
  world.netsuite_.apply_settings({{"payables.exchange_rates", "2=0.9100"}});
  world.bank_.apply_settings({{"fx.rates", "USD/EUR=0.9234"}, {"charges.per_payment", "12.50"}});
  const auto supplier = world.supplier("SUP-US");
  const auto b1 = world.bill(supplier, "US-1", "600.00", "USD");
  const auto b2 = world.bill(supplier, "US-2", "400.05", "USD");
  world.bill(supplier, "EU-1", "70.00");  // a EUR bill is not paid by the USD run
  world.pay_in_usd_to(supplier);

  const auto run = world.pay_run("FX1");
  REQUIRE(run["payments"].size() == 1);
  CHECK(run["payments"][0]["amount"] == json({{"amount", "1000.05"}, {"currency", "USD"}}));
  CHECK(world.created("vendorPayment") == 1);
  CHECK_FALSE(world.open(b1));
  CHECK_FALSE(world.open(b2));
  // The vendorPayment is in USD with NetSuite's rate: 1000.05 × 0.9100 = 910.05 EUR in transit.
  const auto erp_payment = world.invoke("get", "Payment", "", {{"id", run["payments"][0]["erp_payment_id"]}});
  CHECK(erp_payment["amount"] == json({{"amount", "1000.05"}, {"currency", "USD"}}));
  REQUIRE(erp_payment.contains("fx"));
  CHECK(erp_payment["fx"]["rate"].get<std::string>().rfind("0.91", 0) == 0);  // 0.91 or 0.9100
  CHECK(erp_payment["fx"]["source_currency"] == "USD");
  CHECK(erp_payment["fx"]["target_currency"] == "EUR");
  CHECK(erp_payment["clearing_account"] == "1361");

  // The pain.001: a credit transfer in USD from the EUR account, charges shared, not SEPA.
  const auto cycle = world.bank("/bank/cycle");
  REQUIRE(cycle["picked_up"].size() == 1);
  CHECK(cycle["picked_up"][0]["group_status"] == "ACCP");
  {
    std::ifstream in(cycle["picked_up"][0]["archived_as"].get<std::string>());
    std::stringstream xml;
    xml << in.rdbuf();
    INFO(xml.str());
    CHECK(xml.str().find("<InstdAmt Ccy=\"USD\">1000.05</InstdAmt>") != std::string::npos);
    CHECK(xml.str().find("<ChrgBr>SHAR</ChrgBr>") != std::string::npos);
    CHECK(xml.str().find("<Cd>SEPA</Cd>") == std::string::npos);
  }
  CHECK(world.pay_settle()["settled"].empty());

  // The bank converts at its rate: 1000.05 × 0.9234 = 923.45 EUR, + 12.50 charges = 935.95.
  const auto day = world.bank("/bank/end-of-day");
  CHECK(entries_booked(day) == 1);
  const auto settled = world.pay_settle();
  INFO(settled.dump());
  REQUIRE(settled["settled"].size() == 1);
  CHECK(settled["settled"][0]["payment"] == "FX1.p1");
  CHECK(settled["ambiguous"].empty());
  CHECK(settled["unmatched"].empty());
  CHECK(world.created("journalEntry") == 1);
  const auto journal = world.invoke("get", "JournalEntry", "", {{"natural_key", {{"idempotency_key", "FX1.p1.stl"}}}});
  INFO(journal.dump());
  REQUIRE(journal["lines"].size() == 4);
  const auto line = [&](std::size_t i) {
    const auto& l = journal["lines"][i];
    return l["account"].get<std::string>() + " " + l["side"].get<std::string>() + " " +
           l["amount"]["amount"].get<std::string>() + " " + l["amount"]["currency"].get<std::string>();
  };
  CHECK(line(0) == "1361 debit 910.05 EUR");   // in-transit, at the ERP's rate
  CHECK(line(1) == "6855 debit 12.50 EUR");    // the bank's charges
  CHECK(line(2) == "1200 credit 935.95 EUR");  // what the bank debited
  CHECK(line(3) == "7900 debit 13.40 EUR");    // realised FX loss: 923.45 − 910.05
  CHECK(journal["functional_currency"] == "EUR");

  // Nothing twice: settle again, the bank again, the run again.
  world.bank("/bank/cycle");
  const auto again = world.pay_settle();
  CHECK(again["settled"].empty());
  CHECK(again["ambiguous"].empty());
  CHECK(world.created("journalEntry") == 1);
  CHECK(world.pay_run("FX1")["payments"][0]["state"] == "settled");
  CHECK(world.created("vendorPayment") == 1);
  CHECK(world.pay_run("FX2")["payments"].empty());  // the USD bills are paid; the EUR one is not USD
  const auto trail = world.erpc({"--config", (world.dir_ / "erpc.json").string(), "audit", "show", "pay-FX1"});
  CHECK(trail.exit_code == 0);
  CHECK(trail.out.find("fx_difference") != std::string::npos);
}

TEST_CASE("pay and settle end to end: the bank books its charges as their own CHRG entry naming "
          "the payment — one settlement journal and one charges journal, each once",
          "[flows][e2e]") {
  pay_and_settle_world world;
  world.bank_.apply_settings({{"charges.booking", "separate"}});
  const auto supplier = world.supplier("SUP-C");
  world.bill(supplier, "CH-1", "119.00");
  world.pay_to(supplier);
  REQUIRE(world.pay_run("R1")["payments"].size() == 1);
  world.bank("/bank/cycle");
  const auto day = world.bank("/bank/end-of-day");
  CHECK(entries_booked(day) == 2);  // the payment, and the charges apart
  const auto settled = world.pay_settle();
  INFO(settled.dump());
  REQUIRE(settled["settled"].size() == 1);
  REQUIRE(settled["charges"].size() == 1);
  CHECK(settled["charges"][0]["payment"] == "R1.p1");
  // Keyed by the entry's AcctSvcrRef (a second charges entry would be a journal of its own).
  const std::string chg_key = settled["charges"][0]["journal"];
  CHECK(chg_key.starts_with("R1.p1.chg."));
  CHECK(settled["unmatched"].empty());
  CHECK(settled["ambiguous"].empty());
  CHECK(world.created("journalEntry") == 2);
  const auto stl = world.invoke("get", "JournalEntry", "", {{"natural_key", {{"idempotency_key", "R1.p1.stl"}}}});
  REQUIRE(stl["lines"].size() == 2);  // nothing netted: in-transit → bank
  CHECK(stl["lines"][0]["amount"] == eur("119.00"));
  CHECK(stl["lines"][1]["amount"] == eur("119.00"));
  const auto chg = world.invoke("get", "JournalEntry", "", {{"natural_key", {{"idempotency_key", chg_key}}}});
  INFO(chg.dump());
  REQUIRE(chg["lines"].size() == 2);
  CHECK(chg["lines"][0]["account"] == "6855");
  CHECK(chg["lines"][0]["side"] == "debit");
  CHECK(chg["lines"][0]["amount"] == eur("2.50"));
  CHECK(chg["lines"][1]["account"] == "1200");
  CHECK(chg["lines"][1]["side"] == "credit");
  CHECK(chg["lines"][1]["amount"] == eur("2.50"));

  // Again: the run, the bank, settle — no second charges journal.
  world.pay_run("R1");
  world.bank("/bank/cycle");
  world.bank("/bank/end-of-day");
  const auto again = world.pay_settle();
  CHECK(again["settled"].empty());
  CHECK(again["charges"].empty());
  CHECK(world.created("journalEntry") == 2);
  const auto trail = world.erpc({"--config", (world.dir_ / "erpc.json").string(), "audit", "show", "pay-R1"});
  CHECK(trail.exit_code == 0);
  CHECK(trail.out.find("bank_charges_posted") != std::string::npos);
}

TEST_CASE("pay and settle end to end: a USD payment the bank converted comes back — return "
          "journal in EUR with the realised difference, vendorPayment voided, the bills paid once "
          "by the next run",
          "[flows][e2e][fx]") {
  pay_and_settle_world world;
  world.write_host_config("cgi_mp");
  world.netsuite_.apply_settings({{"payables.exchange_rates", "2=0.9100"}});
  // Settled at 0.9234, returned the next business day and converted back at 0.9000.
  world.bank_.apply_settings({{"fx.rates", "USD/EUR=0.9234"},
                              {"charges.per_payment", "12.50"},
                              {"returns.creditor_accounts", creditor_iban},
                              {"returns.fx_rates", "USD/EUR=0.9000"}});
  const auto supplier = world.supplier("SUP-US");
  const auto b1 = world.bill(supplier, "US-1", "600.00", "USD");
  const auto b2 = world.bill(supplier, "US-2", "400.05", "USD");
  world.pay_in_usd_to(supplier);
  REQUIRE(world.pay_run("FX1")["payments"].size() == 1);
  world.bank("/bank/cycle");
  CHECK(entries_booked(world.bank("/bank/end-of-day")) == 1);
  const auto settled = world.pay_settle();
  INFO(settled.dump());
  REQUIRE(settled["settled"].size() == 1);
  CHECK_FALSE(world.open(b1));

  // The return: 1000.05 USD × 0.9000 = 900.045 → 900.04 EUR credited (half-even).
  CHECK(entries_booked(world.bank("/bank/end-of-day")) == 1);
  const auto back = world.pay_settle();
  INFO(back.dump());
  CHECK(back["ambiguous"].empty());
  CHECK(back["unmatched"].empty());
  REQUIRE(back["voided"].size() == 1);
  CHECK(back["voided"][0]["payment"] == "FX1.p1");
  CHECK(world.created("journalEntry") == 2);
  const auto ret = world.invoke("get", "JournalEntry", "", {{"natural_key", {{"idempotency_key", "FX1.p1.ret"}}}});
  INFO(ret.dump());
  REQUIRE(ret["lines"].size() == 3);
  const auto line = [&](std::size_t i) {
    const auto& l = ret["lines"][i];
    return l["account"].get<std::string>() + " " + l["side"].get<std::string>() + " " +
           l["amount"]["amount"].get<std::string>() + " " + l["amount"]["currency"].get<std::string>();
  };
  CHECK(line(0) == "1200 debit 900.04 EUR");    // what the bank credited
  CHECK(line(1) == "1361 credit 910.05 EUR");   // what the settlement cleared (ERP rate)
  CHECK(line(2) == "7900 debit 10.01 EUR");     // realised FX loss on the way back
  CHECK(world.open(b1));  // the vendorPayment is voided: both bills are open again
  CHECK(world.open(b2));

  // Nothing twice; the next run pays the bills once.
  world.bank("/bank/cycle");
  CHECK(world.pay_settle()["voided"].empty());
  CHECK(world.created("journalEntry") == 2);
  const auto next = world.pay_run("FX2");
  REQUIRE(next["payments"].size() == 1);
  CHECK(next["payments"][0]["amount"] == json({{"amount", "1000.05"}, {"currency", "USD"}}));
  CHECK(world.pay_run("FX3")["payments"].empty());
  CHECK(world.created("vendorPayment") == 2);
  const auto trail = world.erpc({"--config", (world.dir_ / "erpc.json").string(), "audit", "show", "pay-FX1"});
  CHECK(trail.out.find("payment_return_posted") != std::string::npos);
}

TEST_CASE("pay and settle end to end: no pain.002 in time puts the batch in the bank's technical "
          "queue, replayed once the bank has answered, it completes",
          "[flows][e2e][status_overdue]") {
  pay_and_settle_world world;
  const auto supplier = world.supplier("SUP-1");
  world.bill(supplier, "AC-1", "119.00");
  world.pay_to(supplier);
  world.set_flow("status_timeout_minutes", 0);  // due at once: the bank has not even picked it up
  const std::string config = (world.dir_ / "erpc.json").string();
  REQUIRE(world.pay_run("R1")["payments"].size() == 1);

  const auto overdue = world.pay_settle();
  INFO(overdue.dump());
  REQUIRE(overdue["status_overdue"].size() == 1);
  CHECK(overdue["status_overdue"][0]["run_id"] == "R1");
  const auto queued = world.erpc_ok({"--config", config, "queue", "list", "technical", "--json"});
  REQUIRE(queued["items"].size() == 1);
  const auto item = queued["items"][0];
  CHECK(item["connection"] == "bank");
  CHECK(item["object"] == "PaymentBatch");
  CHECK(item["op"] == "status");
  CHECK(item["correlation_id"] == "pay-R1");
  const std::string id = item["message_id"];
  // Settle again: still one item.
  CHECK(world.pay_settle()["status_overdue"].size() == 1);
  CHECK(world.erpc_ok({"--config", config, "queue", "list", "technical", "--json"})["items"].size() == 1);

  // The bank answers (pain.002 ACCP in the inbound folder); the operator replays the item and
  // the worker asks the bank adapter, which now finds the report.
  REQUIRE(world.bank("/bank/cycle")["picked_up"].size() == 1);
  CHECK(world.erpc({"--config", config, "queue", "replay", id, "--actor", "treasury"}).exit_code == 0);
  const auto worked = world.erpc({"--config", config, "run", "--until-idle", "--timeout-s", "60"});
  INFO(worked.out << world.log_tail());
  CHECK(worked.exit_code == 0);
  const auto shown = world.erpc_ok({"--config", config, "queue", "show", id});
  CHECK(shown["state"] == "succeeded");
  CHECK(world.erpc_ok({"--config", config, "queue", "list", "technical", "--json"})["items"].empty());

  const auto settled = world.pay_settle();
  CHECK(settled["status_overdue"].empty());
  CHECK(settled["statuses"].get<int>() >= 1);
  const auto trail = world.erpc({"--config", config, "audit", "show", "pay-R1"});
  CHECK(trail.out.find("payment_status_overdue") != std::string::npos);
  CHECK(world.erpc({"--config", config, "audit", "verify"}).exit_code == 0);
}
