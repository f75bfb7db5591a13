// SPDX-License-Identifier: Apache-2.0
// The F&O adapter end to end: driven through erpc::testing::fake_host, whose HTTP goes to the
// host's real HTTP service and on to the F&O simulator in a child process. What happened at
// "F&O" is counted through /_sim/effects (VendTable, VendInvoiceInfoTable, VendInvoiceInfoLine,
// LedgerJournalTable, LedgerJournalTrans): R1 replay and R2 reuse on fresh connections, a lost
// reply after the header (the retry finishes the lines), a late-delivered twin create answered by
// F&O's "record already exists" 500, credit notes, journals with the key in a reference field,
// 429, the Entra token refreshed once after a rotation.
#include <erpc/adapters/testing/sim_rig.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <atomic>

extern "C" const erpc_adapter_entry_v1 erpc_adapter_entry;

namespace {

using nlohmann::json;

constexpr const char* sim_secret = "erpc-sim-fo-secret";  // simulator default

class fo_rig : public erpc::adapters::testing::sim_rig {
 public:
  fo_rig() : sim_rig("dynamics_fo", erpc_adapter_entry) { open(); }

  // A new fake host and connection: no memory of earlier calls (R5b: no ledger, no cache).
  void open(const std::string& secret = sim_secret) {
    const json config = {{"base_url", sim().base_url()},
                         {"company", "usmf"},
                         {"legal_entity", "US01"},
                         {"auth", {{"token_url", "/00000000-0000-0000-0000-0000000000fo/oauth2/v2.0/token"},
                                   {"client_id", "env:FO_CLIENT_ID"},
                                   {"client_secret", "env:FO_CLIENT_SECRET"}}},
                         {"value_maps", {{"accounts", {{"5400", "600100"}, {"3300", "200100"}}},
                                         {"tax_codes", {{"US19", "VAT19"}, {"US99", "VAT99"}}}}}};
    sim_rig::open(
        {{"env:FO_CLIENT_ID", "erpc-sim-fo-client"}, {"env:FO_CLIENT_SECRET", secret}}, config,
        [this](const erpc::http_request& req, const erpc_call_v1* call) {
          const bool post = req.method == "POST" && req.url.find("/data/") != std::string::npos;
          if (post && twin_next_create_.exchange(false)) {
            // The same create delivered twice: a first attempt that arrives late.
            (void)forward(req, call);
          }
          if (req.url.find("token") != std::string::npos) ++token_requests_;
          auto res = forward(req, call);
          return post && lose_next_create_reply_.exchange(false) ? erpc::adapters::testing::lost_reply()
                                                                  : res;
        });
  }

  void lose_next_create_reply() { lose_next_create_reply_ = true; }
  void rotate_secret(const std::string& secret) { host().secrets().set("env:FO_CLIENT_SECRET", secret); }
  void twin_next_create() { twin_next_create_ = true; }
  int token_requests() const { return token_requests_; }

 private:
  std::atomic<bool> lose_next_create_reply_{false};
  std::atomic<bool> twin_next_create_{false};
  std::atomic<int> token_requests_{0};
};

json money(const char* amount) { return {{"amount", amount}, {"currency", "USD"}}; }

json supplier(const std::string& number) {
  return {{"external_refs", json::object()},
          {"source", {{"system", "test"}}},
          {"number", number},
          {"name", "Contoso " + number},
          {"country", "US"},
          {"postal_address", {{"street_name", "Main St"}, {"building_number", "1"},
                              {"postal_code", "98052"}, {"town_name", "Redmond"}}}};
}

json invoice(const std::string& vendor, const std::string& number, const char* type = "invoice") {
  return {{"external_refs", json::object()},
          {"source", {{"system", "test"}}},
          {"document_type", type},
          {"direction", "payable"},
          {"supplier", {{"number", vendor}}},
          {"invoice_number", number},
          {"invoice_date", "2026-03-02"},
          {"currency", "USD"},
          {"lines", {{{"account", "5400"}, {"tax_code", "US19"}, {"description", "Bearings"},
                      {"net", money("100.10")}, {"tax", money("19.02")}, {"gross", money("119.12")}},
                     {{"account", "5400"}, {"description", "Freight"},
                      {"net", money("5.00")}, {"tax", money("0.00")}, {"gross", money("5.00")}}}},
          {"totals", {{"net", money("105.10")}, {"tax", money("19.02")}, {"gross", money("124.12")}}}};
}

json journal() {
  return {{"external_refs", json::object()},
          {"source", {{"system", "test"}}},
          {"legal_entity", "US01"},
          {"posting_date", "2026-03-31"},
          {"functional_currency", "USD"},
          {"description", "Accrual"},
          {"lines", {{{"account", "5400"}, {"side", "debit"}, {"amount", money("1000.00")}, {"functional_amount", money("1000.00")}},
                     {{"account", "3300"}, {"side", "credit"}, {"amount", money("1000.00")}, {"functional_amount", money("1000.00")}}}}};
}

}  // namespace

TEST_CASE("fo: a supplier is created, read, listed, replayed on a fresh connection, and a changed one refused",
          "[fo][integration]") {
  fo_rig rig;
  const auto created = rig.ok(rig.call("create", "Supplier", "k-s1", supplier("V100")));
  CHECK(created["result"]["id"] == "V100");
  CHECK(created["replayed"] == false);
  CHECK(rig.created("VendTable") == 1);
  rig.open();
  const auto replay = rig.ok(rig.call("create", "Supplier", "k-s1", supplier("V100")));
  CHECK(replay["replayed"] == true);
  CHECK(rig.created("VendTable") == 1);
  auto changed = supplier("V100");
  changed["name"] = "Another name";
  CHECK(rig.failed(rig.call("create", "Supplier", "k-s1", changed)).cls() == erpc::error_class::idempotency_key_reuse);
  CHECK(rig.created("VendTable") == 1);

  const auto read = rig.ok(rig.call("get", "Supplier", "", json{{"id", "V100"}}))["result"];
  CHECK(read["name"] == "Contoso V100");
  CHECK(read["postal_address"]["town_name"] == "Redmond");
  CHECK(rig.failed(rig.call("get", "Supplier", "", json{{"id", "V404"}})).cls() == erpc::error_class::not_found);
  rig.ok(rig.call("create", "Supplier", "k-s2", supplier("V200")));
  const auto page1 = rig.ok(rig.call("list", "Supplier", "", json{{"limit", 1}}))["result"];
  REQUIRE(page1["items"].size() == 1);
  REQUIRE(page1.contains("next_cursor"));
  const auto page2 = rig.ok(rig.call("list", "Supplier", "", json{{"limit", 1}, {"cursor", page1["next_cursor"]}}))["result"];
  REQUIRE(page2["items"].size() == 1);
  CHECK(page2["items"][0]["number"] != page1["items"][0]["number"]);
  CHECK_FALSE(page2.contains("next_cursor"));
}

TEST_CASE("fo: a supplier create whose twin lands first is answered by 'record already exists' and replayed",
          "[fo][integration]") {
  fo_rig rig;
  rig.twin_next_create();
  const auto r = rig.ok(rig.call("create", "Supplier", "k-s1", supplier("V100")));
  CHECK(r["replayed"] == true);
  CHECK(rig.created("VendTable") == 1);
  CHECK(rig.updated("VendTable") == 0);
}

TEST_CASE("fo: an invoice with lines is created, read, listed, replayed, and a changed one refused",
          "[fo][integration]") {
  fo_rig rig;
  rig.ok(rig.call("create", "Supplier", "k-s", supplier("V1")));
  const auto created = rig.ok(rig.call("create", "Invoice", "k-i1", invoice("V1", "INV-1")));
  const auto id = created["result"]["id"].get<std::string>();
  CHECK(id.rfind("APINV", 0) == 0);
  CHECK(rig.created("VendInvoiceInfoTable") == 1);
  CHECK(rig.created("VendInvoiceInfoLine") == 2);

  const auto read = rig.ok(rig.call("get", "Invoice", "", json{{"id", id}}))["result"];
  CHECK(read["invoice_number"] == "INV-1");
  CHECK(read["totals"]["gross"] == money("124.12"));
  CHECK(read["lines"].size() == 2);
  CHECK(read["lines"][0]["tax"] == money("19.02"));  // computed by F&O (the simulator)

  rig.open();
  const auto replay = rig.ok(rig.call("create", "Invoice", "k-i1", invoice("V1", "INV-1")));
  CHECK(replay["replayed"] == true);
  CHECK(replay["result"]["id"] == id);
  auto changed = invoice("V1", "INV-1");
  changed["invoice_date"] = "2026-03-03";
  CHECK(rig.failed(rig.call("create", "Invoice", "k-i1", changed)).cls() == erpc::error_class::idempotency_key_reuse);
  auto other_amount = invoice("V1", "INV-1");
  other_amount["lines"][1]["net"] = money("6.00");
  other_amount["lines"][1]["gross"] = money("6.00");
  other_amount["totals"]["net"] = money("106.10");
  other_amount["totals"]["gross"] = money("125.12");
  CHECK(rig.failed(rig.call("create", "Invoice", "k-i1", other_amount)).cls() == erpc::error_class::idempotency_key_reuse);
  CHECK(rig.created("VendInvoiceInfoTable") == 1);
  CHECK(rig.created("VendInvoiceInfoLine") == 2);

  const auto list = rig.ok(rig.call("list", "Invoice", "", json::object()))["result"];
  REQUIRE(list["items"].size() == 1);
  CHECK(list["items"][0]["lines"].size() == 2);
}

TEST_CASE("fo: a lost reply after the header — the retry finds it and writes the lines once", "[fo][integration]") {
  fo_rig rig;
  rig.ok(rig.call("create", "Supplier", "k-s", supplier("V1")));
  rig.lose_next_create_reply();
  const auto lost = rig.failed(rig.call("create", "Invoice", "k-i1", invoice("V1", "INV-1")));
  CHECK(lost.cls() == erpc::error_class::outcome_unknown);
  CHECK(rig.created("VendInvoiceInfoTable") == 1);
  CHECK(rig.created("VendInvoiceInfoLine") == 0);
  rig.open();
  const auto retry = rig.ok(rig.call("create", "Invoice", "k-i1", invoice("V1", "INV-1"), 2, "unknown"));
  CHECK(retry["replayed"] == true);
  CHECK(rig.created("VendInvoiceInfoTable") == 1);
  CHECK(rig.created("VendInvoiceInfoLine") == 2);
}

TEST_CASE("fo: a late-delivered twin invoice header is refused by F&O and the create replays it",
          "[fo][integration]") {
  for (const auto* mode : {"reject", "reject_per_fiscal_year"}) {
    INFO(mode);
    fo_rig rig;
    rig.settings({{"invoices.check_invoice_number_used", mode}});
    rig.ok(rig.call("create", "Supplier", "k-s", supplier("V1")));
    rig.twin_next_create();  // the header POST reaches F&O twice: the first copy wins
    const auto r = rig.ok(rig.call("create", "Invoice", "k-i1", invoice("V1", "INV-1")));
    CHECK(r["replayed"] == true);
    CHECK(rig.created("VendInvoiceInfoTable") == 1);
    CHECK(rig.created("VendInvoiceInfoLine") == 2);
  }
}

TEST_CASE("fo: a line F&O refuses after the header leaves effect committed, and the retry completes it",
          "[fo][integration]") {
  fo_rig rig;
  rig.ok(rig.call("create", "Supplier", "k-s", supplier("V1")));
  auto bad = invoice("V1", "INV-1");
  bad["lines"][0]["tax_code"] = "US99";  // mapped to a sales tax group F&O does not know
  const auto e = rig.failed(rig.call("create", "Invoice", "k-i1", bad));
  CHECK(e.cls() == erpc::error_class::validation);
  CHECK(e.code() == "fo.write_failed");
  CHECK(e.effect() == erpc::effect::committed);  // the header is there
  CHECK(rig.created("VendInvoiceInfoTable") == 1);
  CHECK(rig.created("VendInvoiceInfoLine") == 0);
  const auto retry = rig.ok(rig.call("create", "Invoice", "k-i1", invoice("V1", "INV-1"), 2));
  CHECK(retry["replayed"] == true);
  CHECK(rig.created("VendInvoiceInfoTable") == 1);
  CHECK(rig.created("VendInvoiceInfoLine") == 2);
}

TEST_CASE("fo: a credit note round-trips with positive amounts", "[fo][integration]") {
  fo_rig rig;
  rig.ok(rig.call("create", "Supplier", "k-s", supplier("V1")));
  const auto id = rig.ok(rig.call("create", "Invoice", "k-c1", invoice("V1", "CN-1", "credit_note")))["result"]["id"];
  const auto read = rig.ok(rig.call("get", "Invoice", "", json{{"id", id}}))["result"];
  CHECK(read["document_type"] == "credit_note");
  CHECK(read["totals"]["gross"] == money("124.12"));
  CHECK(read["lines"][0]["net"] == money("100.10"));
}

TEST_CASE("fo: an unknown vendor account is VALIDATION with a pointer, nothing written", "[fo][integration]") {
  fo_rig rig;
  const auto e = rig.failed(rig.call("create", "Invoice", "k-i1", invoice("V404", "INV-1")));
  CHECK(e.cls() == erpc::error_class::validation);
  CHECK(e.code() == "fo.write_failed");
  REQUIRE_FALSE(e.field_errors().empty());
  CHECK(e.field_errors()[0].pointer == "/supplier");
  CHECK(rig.created("VendInvoiceInfoTable") == 0);
}

TEST_CASE("fo: a journal carries its key in a reference field and is replayed, resumed, refused when changed",
          "[fo][integration]") {
  fo_rig rig;
  const auto created = rig.ok(rig.call("create", "JournalEntry", "k-j1", journal()));
  const auto batch = created["result"]["id"].get<std::string>();
  CHECK(batch.rfind("JB", 0) == 0);
  CHECK(rig.created("LedgerJournalTable") == 1);
  CHECK(rig.created("LedgerJournalTrans") == 2);
  rig.open();
  const auto replay = rig.ok(rig.call("create", "JournalEntry", "k-j1", journal()));
  CHECK(replay["replayed"] == true);
  CHECK(replay["result"]["id"] == batch);
  auto changed = journal();
  changed["posting_date"] = "2026-03-30";
  CHECK(rig.failed(rig.call("create", "JournalEntry", "k-j1", changed)).cls() == erpc::error_class::idempotency_key_reuse);
  CHECK(rig.created("LedgerJournalTable") == 1);

  const auto read = rig.ok(rig.call("get", "JournalEntry", "", json{{"id", batch}}))["result"];
  CHECK(read["posting_date"] == "2026-03-31");
  CHECK(read["lines"][0]["account"] == "5400");
  CHECK(rig.ok(rig.call("get", "JournalEntry", "", json{{"natural_key", "k-j1"}}))["result"]["id"] == batch);
  // Server-driven paging: one line a page, both read through @odata.nextLink.
  rig.settings({{"odata.page_size", 1}});
  CHECK(rig.ok(rig.call("get", "JournalEntry", "", json{{"id", batch}}))["result"]["lines"].size() == 2);
  rig.settings({{"odata.page_size", 10000}});

  // A second key is a second batch with a new number from the sequence.
  const auto second = rig.ok(rig.call("create", "JournalEntry", "k-j2", journal()))["result"]["id"];
  CHECK(second != batch);

  // A lost reply after the header: the retry finds the header by the reference, writes the lines.
  rig.lose_next_create_reply();
  CHECK(rig.failed(rig.call("create", "JournalEntry", "k-j3", journal())).cls() == erpc::error_class::outcome_unknown);
  CHECK(rig.created("LedgerJournalTable") == 3);
  CHECK(rig.created("LedgerJournalTrans") == 4);
  rig.open();
  CHECK(rig.ok(rig.call("create", "JournalEntry", "k-j3", journal(), 2, "unknown"))["replayed"] == true);
  CHECK(rig.created("LedgerJournalTable") == 3);
  CHECK(rig.created("LedgerJournalTrans") == 6);
}

TEST_CASE("fo: 429 is RATE_LIMITED with retry_after_ms, nothing written", "[fo][integration]") {
  fo_rig rig;
  rig.settings({{"rate_limit.requests", 1}, {"rate_limit.retry_after_seconds", 9}});
  (void)rig.call("get", "Supplier", "", json{{"id", "V1"}});  // spends the window
  const auto e = rig.failed(rig.call("create", "Supplier", "k-s", supplier("V1")));
  CHECK(e.cls() == erpc::error_class::rate_limited);
  CHECK(e.code() == "fo.rate_limited");
  REQUIRE(e.retry_after_ms());
  CHECK(*e.retry_after_ms() == 9000);
  CHECK(rig.created("VendTable") == 0);
}

TEST_CASE("fo: a rotated client secret meets one 401, one token refresh, one resend", "[fo][integration]") {
  fo_rig rig;
  rig.ok(rig.call("create", "Supplier", "k-s1", supplier("V1")));
  const int before = rig.token_requests();
  rig.ok(rig.call("get", "Supplier", "", json{{"id", "V1"}}));
  CHECK(rig.token_requests() == before);  // the token is cached per connection
  rig.settings({{"auth.client_secret", "rotated"}});
  rig.rotate_secret("rotated");
  rig.ok(rig.call("create", "Supplier", "k-s2", supplier("V2")));
  CHECK(rig.token_requests() == before + 1);  // one refresh after the 401, not more
  CHECK(rig.created("VendTable") == 2);
}
