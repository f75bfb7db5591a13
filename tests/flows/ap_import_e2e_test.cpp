// The AP import flow as a user runs it (docs/ap-import.md): nothing faked. `erpc sim coupa` holds
// approved supplier invoices, `erpc sim netsuite` is the ERP, and `erpc ap import` pulls the
// invoices through the real Coupa adapter, creates them in NetSuite through the host's durable
// path (outbox, idempotency ledger, audit) under `coupa:<id>`, and only then marks them exported
// in Coupa. Counted at both simulators, which never deduplicate on the flow's behalf.
#include "flow_e2e_support.hpp"

#include <erpc/sim/testing/sim_process.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <filesystem>
#include <set>
#include <string>

namespace {

using nlohmann::json;
namespace fs = std::filesystem;
using erpc::flows_e2e::write_json;
using erpc::sim::testing::sim_process;

json eur(const std::string& amount) { return {{"amount", amount}, {"currency", "EUR"}}; }

class ap_import_world {
 public:
  ap_import_world() {
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    coupa_.apply_settings({{"rate_limit.requests_per_second", 0}});
    write_json(dir_ / "netsuite.json", erpc::flows_e2e::netsuite_connection_settings(netsuite_.base_url()));
    // The tenant lets the test enter invoices through the API (a setting: vendors.md §10.1).
    write_json(dir_ / "coupa.json", {{"base_url", coupa_.base_url()},
                                     {"client_id", "env:COUPA_CLIENT"},
                                     {"client_secret", "env:COUPA_SECRET"},
                                     {"invoice_create", true}});
    write_json(dir_ / "erpc.json",
               {{"ledger", {{"backend", "sqlite"}, {"path", (dir_ / "ledger.db").string()}}},
                {"audit",
                 {{"hmac_key", "env:ERPC_E2E_AUDIT_KEY"},
                  {"anchor_path", (dir_ / "audit.anchor").string()}}},
                {"connections",
                 {{"netsuite",
                   {{"adapter", "netsuite"},
                    {"settings", erpc::flows_e2e::netsuite_connection_settings(netsuite_.base_url())}}},
                  {"coupa",
                   {{"adapter", "coupa"},
                    {"settings", erpc::flows_e2e::read_json(dir_ / "coupa.json")}}}}}});
  }
  ~ap_import_world() { fs::remove_all(dir_); }

  // The same supplier on both sides: Coupa's id (the source's key) and NetSuite's vendor id.
  std::pair<std::string, std::string> supplier(const std::string& number) {
    json doc = {{"external_refs", json::object()}, {"source", {{"system", "e2e"}}},
                {"name", "Acme " + number}, {"number", number}};
    const auto in_coupa = cli_.invoke("coupa", dir_ / "coupa.json", "create", "Supplier",
                                      "sup-c-" + number, doc);
    doc["legal_entity"] = "DE01";  // NetSuite's vendor belongs to a subsidiary
    doc["default_currency"] = "EUR";
    const auto in_netsuite = cli_.invoke("netsuite", dir_ / "netsuite.json", "create", "Supplier",
                                         "sup-n-" + number, doc);
    return {in_coupa["external_refs"]["coupa"], in_netsuite["id"]};
  }

  // An approved invoice in Coupa (the simulator's default state for API-created invoices).
  std::string coupa_invoice(const std::string& coupa_supplier, const std::string& number,
                            const std::string& gross) {
    // The flow's source key for it: "coupa:<id>".
    return "coupa:" + cli_.invoke("coupa", dir_ / "coupa.json", "create", "Invoice", "inv-" + number,
                       {{"external_refs", json::object()}, {"source", {{"system", "e2e"}}},
                        {"document_type", "invoice"}, {"direction", "payable"},
                        {"supplier", {{"external_refs", {{"coupa", coupa_supplier}}}}},
                        {"invoice_number", number}, {"invoice_date", "2026-03-02"},
                        {"currency", "EUR"},
                        {"lines", {{{"description", "Bearings"}, {"net", eur(gross)},
                                    {"tax", eur("0.00")}, {"gross", eur(gross)}}}},
                        {"totals", {{"net", eur(gross)}, {"tax", eur("0.00")}, {"gross", eur(gross)}}}})
        ["external_refs"]["coupa"].get<std::string>();
  }

  void map_suppliers(const json& suppliers) {
    write_json(dir_ / "ap.json", {{"source", "coupa"}, {"erp", "netsuite"}, {"legal_entity", "DE01"},
                                  {"default_account", "5400"}, {"suppliers", suppliers}});
  }

  erpc::flows_e2e::cli_result import() {
    return cli_.run({"--config", (dir_ / "erpc.json").string(), "ap", "import", "--flow",
                     (dir_ / "ap.json").string()});
  }

  std::set<std::string> imported_ids(const json& summary) const {
    std::set<std::string> ids;
    for (const auto& i : summary["imported"]) ids.insert(i["source_id"].get<std::string>());
    return ids;
  }

  int bills_created() const { return netsuite_.effects("vendorBill")["created"].get<int>(); }
  int coupa_invoice_writes() const { return coupa_.effects("invoices")["updated"].get<int>(); }

  sim_process netsuite_{"netsuite"};
  sim_process coupa_{"coupa"};
  fs::path dir_ = fs::temp_directory_path() / ("erpc_ap_e2e_" + std::to_string(::getpid()));
  erpc::flows_e2e::erpc_cli cli_{dir_};
};

}  // namespace

TEST_CASE("ap import end to end: approved Coupa invoices become NetSuite bills once, marked "
          "exported only after, an unmapped supplier waits untouched",
          "[flows][e2e][ap_import]") {
  ap_import_world world;
  const auto [coupa_acme, netsuite_acme] = world.supplier("SUP-1");
  const auto [coupa_other, netsuite_other] = world.supplier("SUP-2");
  const auto i1 = world.coupa_invoice(coupa_acme, "AC-1", "119.00");
  const auto i2 = world.coupa_invoice(coupa_acme, "AC-2", "50.00");
  const auto i3 = world.coupa_invoice(coupa_other, "OT-1", "75.00");
  const int writes_before = world.coupa_invoice_writes();
  world.map_suppliers({{"coupa:" + coupa_acme, {{"external_refs", {{"netsuite", netsuite_acme}}}}}});

  const auto first = world.import();
  INFO(first.out << world.cli_.log_tail());
  CHECK(first.exit_code == 1);  // SUP-2 has no NetSuite party yet: skipped, for a person
  const auto summary = first.document();
  CHECK(world.imported_ids(summary) == std::set<std::string>{i1, i2});
  REQUIRE(summary["skipped"].size() == 1);
  CHECK(summary["skipped"][0]["source_id"] == i3);
  CHECK(summary["failed"].empty());
  CHECK(world.bills_created() == 2);
  CHECK(world.coupa_invoice_writes() == writes_before + 2);  // the two marks, nothing for i3

  // Again: nothing new in NetSuite, nothing marked twice; i3 still waits.
  const auto again = world.import();
  CHECK(again.exit_code == 1);
  CHECK(again.document()["imported"].empty());
  CHECK(world.bills_created() == 2);
  CHECK(world.coupa_invoice_writes() == writes_before + 2);

  // A person maps SUP-2: the next run imports i3, once.
  world.map_suppliers({{"coupa:" + coupa_acme, {{"external_refs", {{"netsuite", netsuite_acme}}}}},
                       {"coupa:" + coupa_other, {{"external_refs", {{"netsuite", netsuite_other}}}}}});
  const auto third = world.import();
  INFO(third.out);
  CHECK(third.exit_code == 0);
  CHECK(world.imported_ids(third.document()) == std::set<std::string>{i3});
  CHECK(world.bills_created() == 3);
  CHECK(world.coupa_invoice_writes() == writes_before + 3);

  // The NetSuite bill carries the Coupa invoice's number and amount, under its supplier.
  const auto bill = world.cli_.invoke("netsuite", world.dir_ / "netsuite.json", "get", "Invoice", "",
                                      {{"natural_key", {{"idempotency_key", i1}}}});
  CHECK(bill["invoice_number"] == "AC-1");
  CHECK(bill["totals"]["gross"] == eur("119.00"));
  CHECK(bill["supplier"]["external_refs"]["netsuite"] == netsuite_acme);

  const auto trail = world.cli_.run({"--config", (world.dir_ / "erpc.json").string(), "audit",
                                     "show", "ap-" + i1});
  CHECK(trail.out.find("ap_import_marked_exported") != std::string::npos);
  CHECK(world.cli_.run({"--config", (world.dir_ / "erpc.json").string(), "audit", "verify"})
            .exit_code == 0);
}
