#include <erpc/host/pay_store.hpp>

#include <erpc/host/host_clock.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <unistd.h>

using namespace erpc;
namespace fs = std::filesystem;

TEST_CASE("the flow store keeps runs, payments, in-flight invoices and cursors across reopen",
          "[flows][store]") {
  const fs::path dir = fs::temp_directory_path() / ("erpc_pay_store_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  manual_host_clock clock;
  database_config cfg;
  cfg.path = (dir / "ledger.db").string();
  {
    database db(cfg, clock);
    pay_store store(db);
    pay_payment p;
    p.key = "R1.p1";
    p.run_id = "R1";
    p.supplier_key = "netsuite:7";
    p.state = "selected";
    p.bank_document = {{"amount", {{"amount", "1.00"}, {"currency", "EUR"}}}};
    p.erp_document = nlohmann::json::object();
    p.invoice_keys = {"101", "102"};
    store.create_run({"R1", "pay-R1", "erp", "bank", "selected", "2026-03-10", {{"payments", 1}},
                      nullptr, std::nullopt, ""},
                     {p});
    p.state = "voided";
    p.end_to_end_id = "E2E-1";
    store.save_payment(p);
    store.set_cursor("bank", "PaymentStatus", "7");
  }
  database db(cfg, clock);
  pay_store store(db);
  const auto run = store.run("R1");
  REQUIRE(run);
  CHECK(run->correlation_id == "pay-R1");
  const auto p = store.payment("R1.p1");
  REQUIRE(p);
  CHECK(p->state == "voided");
  CHECK(p->end_to_end_id == "E2E-1");
  CHECK(p->invoice_keys == std::vector<std::string>{"101", "102"});
  CHECK(store.invoices_in_flight("erp").empty());  // voided payments hold nothing
  CHECK(store.cursor("bank", "PaymentStatus") == "7");
  CHECK_FALSE(store.cursor("bank", "BankStatement"));
  fs::remove_all(dir);
}

TEST_CASE("a run's status watch starts at its first submission and closes when answered",
          "[flows][store]") {
  const fs::path dir = fs::temp_directory_path() / ("erpc_pay_watch_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  manual_host_clock clock;
  database_config cfg;
  cfg.path = (dir / "ledger.db").string();
  database db(cfg, clock);
  pay_store store(db);
  for (const char* id : {"R1", "R2"}) {
    store.create_run({id, std::string("pay-") + id, "erp", "bank", "selected", "2026-03-10",
                      nlohmann::json::object(), nullptr, std::nullopt, ""},
                     {});
  }
  CHECK(store.runs_watched("bank").empty());  // nothing submitted yet
  const auto first = clock.now_unix_ms();
  store.set_run_state("R1", "submitted", nlohmann::json{{"message_id", "M1"}});
  clock.advance_ms(5'000);
  store.set_run_state("R1", "recorded", nullptr);
  store.set_run_state("R1", "submitted", nlohmann::json{{"message_id", "M1"}});  // a resumed run
  auto watched = store.runs_watched("bank");
  REQUIRE(watched.size() == 1);
  CHECK(watched[0].run_id == "R1");
  CHECK(watched[0].submitted_ms == first);  // the first submission counts, not a resume
  CHECK(watched[0].status_watch.empty());
  CHECK(store.now_ms() == first + 5'000);

  store.set_status_watch("R1", "raised");
  REQUIRE(store.runs_watched("bank").size() == 1);  // raised: still watched, to be resolved
  CHECK(store.run("R1")->status_watch == "raised");
  store.set_status_watch("R1", "resolved");
  CHECK(store.runs_watched("bank").empty());
  CHECK(store.runs_watched("other-bank").empty());
  fs::remove_all(dir);
}
