// SPDX-License-Identifier: Apache-2.0
// The Business Central adapter end to end: driven through erpc::testing::fake_host, whose HTTP
// goes to the host's real HTTP service and on to the Business Central simulator in a child
// process. What happened at "BC" is counted through /_sim/effects: posted documents are
// purchInvHeader / purchCrMemoHdr records, drafts purchaseHeader (vendors.md §4; BANKING.md
// "Business Central"): R1 replay, R2 reuse, a lost reply to the draft POST and to
// Microsoft.NAV.post, a late-delivered twin draft under both duplicate settings, credit memos,
// BC's totals checked before posting, ETags on supplier updates, the Entra token cached and
// refreshed once, 429.
#include <erpc/adapters/testing/sim_rig.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <atomic>
#include <deque>
#include <mutex>

extern "C" const erpc_adapter_entry_v1 erpc_adapter_entry;

namespace {

using nlohmann::json;

constexpr const char* sim_secret = "erpc-sim-bc-secret";  // simulator default (README)

class bc_rig : public erpc::adapters::testing::sim_rig {
 public:
  explicit bc_rig(json extra_config = json::object()) : sim_rig("business_central", erpc_adapter_entry) {
    open(std::move(extra_config));
  }

  // A new fake host and connection: no memory of earlier calls (R5b: no ledger, no cache).
  void open(json extra_config = json::object(), const std::string& secret = sim_secret) {
    json config = {{"base_url", sim().base_url()},
                   {"environment", "production"},
                   {"company_id", "5b3c4a58-2f1e-4c6a-9d0b-0a1b2c3d4e5f"},
                   {"legal_entity", "DE01"},
                   {"local_currency", "EUR"},
                   {"auth", {{"token_url", "/00000000-0000-0000-0000-0000000000aa/oauth2/v2.0/token"},
                             {"client_id", "env:BC_CLIENT_ID"},
                             {"client_secret", "env:BC_CLIENT_SECRET"}}},
                   {"value_maps", {{"accounts", {{"5400", "6110"}}},
                                   {"tax_codes", {{"DE19", "VAT19"}, {"DE07", "VAT7"}}}}}};
    config.update(extra_config);
    sim_rig::open(
        {{"env:BC_CLIENT_ID", "erpc-sim-bc-client"}, {"env:BC_CLIENT_SECRET", secret}}, config,
        [this](const erpc::http_request& req, const erpc_call_v1* call) {
          {
            std::lock_guard lock(mutex_);
            sent_.push_back(req.method + " " + req.url);
          }
          const bool post = req.method == "POST";
          const bool action = req.url.find("Microsoft.NAV.post") != std::string::npos;
          if (post && !action && req.url.find("purchase") != std::string::npos &&
              twin_next_draft_.exchange(false)) {
            // The same create delivered twice: a first attempt that arrives late.
            (void)forward(req, call);
          }
          auto res = forward(req, call);
          const bool lose = action ? lose_next_post_reply_.exchange(false)
                                   : (post && req.url.find("token") == std::string::npos &&
                                      lose_next_create_reply_.exchange(false));
          return lose ? erpc::adapters::testing::lost_reply() : res;
        });
  }

  void lose_next_create_reply() { lose_next_create_reply_ = true; }
  void lose_next_post_reply() { lose_next_post_reply_ = true; }
  void twin_next_draft() { twin_next_draft_ = true; }
  std::vector<std::string> take_sent() {
    std::lock_guard lock(mutex_);
    std::vector<std::string> out(sent_.begin(), sent_.end());
    sent_.clear();
    return out;
  }

  // Drafts and posted documents with this vendor invoice number, read through the adapter.
  std::size_t documents_numbered(const std::string& number) {
    const auto page = ok(call("list", "Invoice", "", json{{"limit", 1000}}));
    std::size_t n = 0;
    for (const auto& item : page["result"]["items"]) n += item["invoice_number"] == number;
    return n;
  }

 private:
  std::mutex mutex_;
  std::deque<std::string> sent_;
  std::atomic<bool> lose_next_create_reply_{false};
  std::atomic<bool> lose_next_post_reply_{false};
  std::atomic<bool> twin_next_draft_{false};
};

json money(const char* amount) { return {{"amount", amount}, {"currency", "EUR"}}; }

json supplier(const std::string& number) {
  return {{"external_refs", json::object()},
          {"source", {{"system", "test"}}},
          {"number", number},
          {"name", "Fabrikam " + number},
          {"country", "DE"},
          {"postal_address", {{"street_name", "Marienplatz"}, {"building_number", "1"},
                              {"postal_code", "80331"}, {"town_name", "Munich"}}}};
}

json invoice(const std::string& vendor, const std::string& number, const char* type = "invoice",
             const char* tax_code = "DE19") {
  return {{"external_refs", json::object()},
          {"source", {{"system", "test"}}},
          {"document_type", type},
          {"direction", "payable"},
          {"supplier", {{"number", vendor}}},
          {"invoice_number", number},
          {"invoice_date", "2026-03-02"},
          {"currency", "EUR"},
          {"lines", {{{"account", "5400"}, {"tax_code", tax_code}, {"description", "Bearings"},
                      {"net", money("100.10")}, {"tax", money("19.02")}, {"gross", money("119.12")}}}},
          {"totals", {{"net", money("100.10")}, {"tax", money("19.02")}, {"gross", money("119.12")}}}};
}

}  // namespace

TEST_CASE("bc: a supplier is created, read, listed, updated under its ETag, and replayed",
          "[bc][integration]") {
  bc_rig rig;
  const auto created = rig.ok(rig.call("create", "Supplier", "k-s1", supplier("V100")));
  const auto id = created["result"]["id"].get<std::string>();
  CHECK(rig.created("vendor") == 1);
  const auto replay = rig.call("create", "Supplier", "k-s1", supplier("V100"));
  CHECK(rig.ok(replay)["replayed"] == true);
  CHECK(rig.created("vendor") == 1);
  auto changed = supplier("V100");
  changed["name"] = "Another name";
  CHECK(rig.failed(rig.call("create", "Supplier", "k-s1", changed)).cls() ==
        erpc::error_class::idempotency_key_reuse);

  const auto read = rig.ok(rig.call("get", "Supplier", "", json{{"id", id}}))["result"];
  CHECK(read["number"] == "V100");
  CHECK(read["postal_address"]["town_name"] == "Munich");
  const auto etag = read["etag"].get<std::string>();
  CHECK(rig.ok(rig.call("list", "Supplier", "", json::object()))["result"]["items"].size() == 1);

  auto update = read;
  update["postal_address"]["town_name"] = "Augsburg";
  rig.ok(rig.call("update", "Supplier", "k-u1", update));
  CHECK(rig.updated("vendor") == 1);
  // The ETag of the earlier read is stale now: BC refuses, nothing is overwritten.
  update["postal_address"]["town_name"] = "Passau";
  update["etag"] = etag;
  const auto stale = rig.failed(rig.call("update", "Supplier", "k-u2", update));
  CHECK(stale.cls() == erpc::error_class::conflict);
  CHECK(stale.code() == "bc.entity_changed");
  CHECK(rig.updated("vendor") == 1);
}

TEST_CASE("bc R1 and R2: an invoice is posted once, replayed, and a changed payload is key reuse",
          "[bc][integration]") {
  bc_rig rig;
  rig.ok(rig.call("create", "Supplier", "k-v", supplier("V200")));
  rig.take_sent();
  const auto first = rig.ok(rig.call("create", "Invoice", "k-i1", invoice("V200", "INV-1")));
  const auto sent = rig.take_sent();
  CHECK(std::count_if(sent.begin(), sent.end(), [](const std::string& s) {
          return s.find("Microsoft.NAV.post") != std::string::npos;
        }) == 1);
  CHECK(rig.created("purchInvHeader") == 1);
  rig.open();  // R5b: a fresh connection, no ledger
  const auto again = rig.ok(rig.call("create", "Invoice", "k-i1", invoice("V200", "INV-1")));
  CHECK(again["replayed"] == true);
  CHECK(again["result"]["id"] == first["result"]["id"]);
  auto changed = invoice("V200", "INV-1");
  changed["invoice_date"] = "2026-03-03";
  const auto reuse = rig.failed(rig.call("create", "Invoice", "k-i1", changed));
  CHECK(reuse.cls() == erpc::error_class::idempotency_key_reuse);
  CHECK(reuse.code() == "bc.key_reuse");
  CHECK(rig.created("purchInvHeader") == 1);
  CHECK(rig.created("purchaseHeader") == 1);

  const auto read = rig.ok(rig.call("get", "Invoice", "", json{{"id", first["result"]["id"]}}))["result"];
  CHECK(read["document_type"] == "invoice");
  CHECK(read["totals"]["gross"] == money("119.12"));
  CHECK(read["lines"][0]["tax"] == money("19.02"));
}

TEST_CASE("bc R4: the reply to the draft POST is lost, the retry posts the draft it finds",
          "[bc][integration]") {
  bc_rig rig;
  rig.ok(rig.call("create", "Supplier", "k-v", supplier("V300")));
  rig.lose_next_create_reply();
  const auto lost = rig.failed(rig.call("create", "Invoice", "k-i", invoice("V300", "INV-3")));
  CHECK(lost.cls() == erpc::error_class::outcome_unknown);
  CHECK(lost.effect() == erpc::effect::possible);
  CHECK(rig.created("purchInvHeader") == 0);  // a draft only
  rig.open();
  const auto retry = rig.ok(rig.call("create", "Invoice", "k-i", invoice("V300", "INV-3"), 2, "unknown"));
  CHECK(retry["replayed"] == true);
  CHECK(rig.created("purchInvHeader") == 1);
  CHECK(rig.created("purchaseHeader") == 1);  // no second draft
}

TEST_CASE("bc: the reply to Microsoft.NAV.post is lost, the status is read and nothing is posted twice",
          "[bc][integration]") {
  bc_rig rig;
  rig.ok(rig.call("create", "Supplier", "k-v", supplier("V400")));
  rig.lose_next_post_reply();
  const auto r = rig.ok(rig.call("create", "Invoice", "k-i", invoice("V400", "INV-4")));
  CHECK(r["replayed"] == false);
  CHECK(rig.created("purchInvHeader") == 1);
  // And a retry of the whole call afterwards is a replay.
  rig.open();
  CHECK(rig.ok(rig.call("create", "Invoice", "k-i", invoice("V400", "INV-4"), 2, "unknown"))["replayed"] == true);
  CHECK(rig.created("purchInvHeader") == 1);
}

TEST_CASE("bc: a late-delivered twin draft is never posted, under both duplicate settings",
          "[bc][integration]") {
  for (const auto* mode : {"reject_at_post", "reject_at_create"}) {
    INFO(mode);
    bc_rig rig;
    rig.settings({{"purchase.duplicate_vendor_invoice_number", mode}});
    rig.ok(rig.call("create", "Supplier", "k-v", supplier("V500")));
    rig.twin_next_draft();
    const auto r = rig.call("create", "Invoice", "k-i", invoice("V500", "INV-5"));
    rig.ok(r);
    CHECK(rig.created("purchInvHeader") == 1);
    // The twin draft (reject_at_post: created, then deleted; reject_at_create: refused) is gone.
    CHECK(rig.documents_numbered("INV-5") == 1);
  }
}

TEST_CASE("bc: a duplicate refused at post by an invoice posted meanwhile resolves to it",
          "[bc][integration]") {
  bc_rig rig;
  rig.ok(rig.call("create", "Supplier", "k-v", supplier("V600")));
  const auto first = rig.ok(rig.call("create", "Invoice", "k-a", invoice("V600", "INV-6")));
  // Another key, the same supplier invoice number and content: BC holds it already, so this
  // is the same document, never a second posting.
  const auto second = rig.ok(rig.call("create", "Invoice", "k-b", invoice("V600", "INV-6")));
  CHECK(second["replayed"] == true);
  CHECK(second["result"]["id"] == first["result"]["id"]);
  CHECK(rig.created("purchInvHeader") == 1);
}

TEST_CASE("bc: a credit note is a purchase credit memo, posted once and read back as such",
          "[bc][integration]") {
  bc_rig rig;
  rig.ok(rig.call("create", "Supplier", "k-v", supplier("V700")));
  const auto cm = rig.ok(rig.call("create", "Invoice", "k-c", invoice("V700", "CM-7", "credit_note")));
  CHECK(rig.created("purchCrMemoHdr") == 1);
  CHECK(rig.created("purchInvHeader") == 0);
  rig.open();
  CHECK(rig.ok(rig.call("create", "Invoice", "k-c", invoice("V700", "CM-7", "credit_note")))["replayed"] == true);
  const auto read = rig.ok(rig.call("get", "Invoice", "", json{{"id", cm["result"]["id"]}}))["result"];
  CHECK(read["document_type"] == "credit_note");
  CHECK(read["invoice_number"] == "CM-7");
  CHECK(rig.created("purchCrMemoHdr") == 1);
}

TEST_CASE("bc: when BC computes another total, nothing is posted and the draft is deleted",
          "[bc][integration]") {
  bc_rig rig;
  rig.ok(rig.call("create", "Supplier", "k-v", supplier("V800")));
  // DE07 maps to BC's 7 % group, the invoice says 19.02 tax.
  const auto e = rig.failed(rig.call("create", "Invoice", "k-t", invoice("V800", "INV-8", "invoice", "DE07")));
  CHECK(e.cls() == erpc::error_class::validation);
  CHECK(e.code() == "bc.total_mismatch");
  REQUIRE_FALSE(e.field_errors().empty());
  CHECK(e.field_errors()[0].pointer == "/totals/gross");
  CHECK(rig.created("purchInvHeader") == 0);
  CHECK(rig.documents_numbered("INV-8") == 0);
}

TEST_CASE("bc: the Entra token is fetched once, refetched once after a rotated secret",
          "[bc][integration][auth]") {
  bc_rig rig;
  rig.ok(rig.call("create", "Supplier", "k-v", supplier("V900")));
  rig.ok(rig.call("list", "Supplier", "", json::object()));
  auto tokens = [&] {
    const auto sent = rig.take_sent();
    return std::count_if(sent.begin(), sent.end(),
                         [](const std::string& s) { return s.find("/oauth2/v2.0/token") != std::string::npos; });
  };
  CHECK(tokens() == 1);
  rig.settings({{"auth.client_secret", "rotated-secret"}});
  // The connection's secret reference still resolves to the old value: the token endpoint
  // refuses it — AUTHENTICATION, and the secret is in no message.
  const auto refused = rig.failed(rig.call("list", "Supplier", "", json::object()));
  CHECK(refused.cls() == erpc::error_class::authentication);
  CHECK(refused.code() == "bc.oauth_token_refused");
  CHECK(std::string(refused.message()).find(sim_secret) == std::string::npos);
  rig.open(json::object(), "rotated-secret");
  rig.take_sent();
  rig.ok(rig.call("list", "Supplier", "", json::object()));
  CHECK(tokens() == 1);
}

TEST_CASE("bc: beyond the rate limit the create is RATE_LIMITED and writes nothing",
          "[bc][integration]") {
  bc_rig rig;
  rig.ok(rig.call("create", "Supplier", "k-v", supplier("V950")));
  rig.settings({{"rate_limit.requests", 3}, {"rate_limit.retry_after_seconds", 12}});
  const auto e = rig.failed(rig.call("create", "Invoice", "k-r", invoice("V950", "INV-9")));
  CHECK(e.cls() == erpc::error_class::rate_limited);
  REQUIRE(e.retry_after_ms());
  CHECK(*e.retry_after_ms() == 12'000);
  CHECK(rig.created("purchInvHeader") == 0);
}

namespace {

const json payment_maps = {{"value_maps", {{"accounts", {{"5400", "6110"}, {"1460", "2920"}}},
                                           {"tax_codes", {{"DE19", "VAT19"}}}}}};

json payment(const std::string& vendor, const char* amount, json applications = json::array()) {
  return {{"external_refs", json::object()},
          {"source", {{"system", "test"}}},
          {"legal_entity", "DE01"},
          {"direction", "outbound"},
          {"document_number", "PAY-1"},
          {"amount", money(amount)},
          {"requested_execution_date", "2026-04-01"},
          {"creditor", {{"number", vendor}}},
          {"clearing_account", "1460"},
          {"applications", std::move(applications)}};
}

json applied(const std::string& invoice_number, const char* amount) {
  return {{"document_type", "invoice"}, {"document", json::object()}, {"invoice_number", invoice_number},
          {"amount", money(amount)}};
}

// A posted purchase invoice of 119.12 (BC's id) for the vendor.
std::string posted_invoice(bc_rig& rig, const std::string& vendor, const std::string& number) {
  return rig.ok(rig.call("create", "Invoice", "k-" + number, invoice(vendor, number)))["result"]["id"].get<std::string>();
}

}  // namespace

TEST_CASE("bc: a vendor payment posts once through its own batch, applied to the invoice it pays",
          "[bc][integration][payment]") {
  bc_rig rig(payment_maps);
  rig.ok(rig.call("create", "Supplier", "k-v", supplier("V500")));
  posted_invoice(rig, "V500", "INV-P1");
  rig.take_sent();
  const auto first = rig.ok(rig.call("create", "Payment", "k-p1", payment("V500", "100.00", {applied("INV-P1", "100.00")})));
  const auto id = first["result"]["id"].get<std::string>();
  CHECK(id.rfind("ERPP", 0) == 0);
  CHECK(first["replayed"] == false);
  CHECK(rig.created("vendLedgEntry") == 1);
  CHECK(rig.created("vendPaymentBatch") == 1);
  const auto sent = rig.take_sent();
  CHECK(std::count_if(sent.begin(), sent.end(), [](const std::string& s) {
          return s.find("Microsoft.NAV.post") != std::string::npos;
        }) == 1);
  // R5b: a fresh connection replays; a changed amount under the same key is key reuse.
  rig.open(payment_maps);
  const auto again = rig.ok(rig.call("create", "Payment", "k-p1", payment("V500", "100.00", {applied("INV-P1", "100.00")})));
  CHECK(again["replayed"] == true);
  CHECK(again["result"]["id"] == id);
  const auto reuse = rig.failed(rig.call("create", "Payment", "k-p1", payment("V500", "90.00", {applied("INV-P1", "90.00")})));
  CHECK(reuse.cls() == erpc::error_class::idempotency_key_reuse);
  CHECK(reuse.code() == "bc.key_reuse");
  CHECK(rig.created("vendLedgEntry") == 1);
  // Read back from the G/L entries: amount, date, the in-transit account as its canonical code.
  const auto read = rig.ok(rig.call("get", "Payment", "", json{{"id", id}}))["result"];
  CHECK(read["amount"] == money("100.00"));
  CHECK(read["requested_execution_date"] == "2026-04-01");
  CHECK(read["clearing_account"] == "1460");
  CHECK(read["direction"] == "outbound");
  // The partial payment left 19.12 open (the invoice was updated once); paying it under another
  // key closes the invoice; paying more than is open is refused by BC at post.
  CHECK(rig.updated("purchInvHeader") == 1);
  rig.ok(rig.call("create", "Payment", "k-p2", payment("V500", "19.12", {applied("INV-P1", "19.12")})));
  CHECK(rig.created("vendLedgEntry") == 2);
  // A third payment applied to the paid invoice is refused by BC at post: nothing posted.
  const auto closed = rig.failed(rig.call("create", "Payment", "k-p3", payment("V500", "1.00", {applied("INV-P1", "1.00")})));
  CHECK(closed.cls() == erpc::error_class::validation);
  CHECK(rig.created("vendLedgEntry") == 2);
  CHECK(rig.updated("purchInvHeader") == 2);
}

TEST_CASE("bc: the reply to a vendor payment post is lost: the G/L entries are read, nothing posted twice",
          "[bc][integration][payment]") {
  bc_rig rig(payment_maps);
  rig.ok(rig.call("create", "Supplier", "k-v", supplier("V600")));
  posted_invoice(rig, "V600", "INV-P6");
  rig.take_sent();
  rig.lose_next_post_reply();  // posted, the 204 lost
  const auto r = rig.ok(rig.call("create", "Payment", "k-p", payment("V600", "119.12", {applied("INV-P6", "119.12")})));
  CHECK(r["replayed"] == false);
  CHECK(rig.created("vendLedgEntry") == 1);
  const auto sent = rig.take_sent();
  CHECK(std::count_if(sent.begin(), sent.end(), [](const std::string& s) {
          return s.find("Microsoft.NAV.post") != std::string::npos;
        }) == 1);
  CHECK(std::any_of(sent.begin(), sent.end(), [](const std::string& s) {
    return s.find("generalLedgerEntries") != std::string::npos;
  }));
  // A retry of the whole call (outcome unknown to the caller) is a replay, not a second payment.
  rig.open(payment_maps);
  CHECK(rig.ok(rig.call("create", "Payment", "k-p", payment("V600", "119.12", {applied("INV-P6", "119.12")}), 2,
                        "unknown"))["replayed"] == true);
  CHECK(rig.created("vendLedgEntry") == 1);

  // The batch POST's reply lost: the retry finds the batch, adds the line, posts once.
  rig.lose_next_create_reply();
  CHECK(rig.failed(rig.call("create", "Payment", "k-q", payment("V600", "5.00"))).cls() ==
        erpc::error_class::outcome_unknown);
  rig.open(payment_maps);
  CHECK(rig.ok(rig.call("create", "Payment", "k-q", payment("V600", "5.00"), 2, "unknown"))["replayed"] == true);
  CHECK(rig.created("vendLedgEntry") == 2);
  CHECK(rig.created("vendPaymentBatch") == 2);
}

TEST_CASE("bc: payment input BC cannot take is refused before anything is written",
          "[bc][integration][payment]") {
  bc_rig rig(payment_maps);
  rig.ok(rig.call("create", "Supplier", "k-v", supplier("V700")));
  rig.take_sent();
  auto credit = payment("V700", "10.00", {applied("CN-1", "10.00")});
  credit["applications"][0]["document_type"] = "credit_note";
  const auto e = rig.failed(rig.call("create", "Payment", "k-c", credit));
  CHECK(e.cls() == erpc::error_class::unsupported);
  REQUIRE(!e.field_errors().empty());
  CHECK(e.field_errors().front().pointer == "/applications/0/document_type");
  CHECK(rig.take_sent().empty());
  // An invoice BC does not hold (posted) for the vendor: VALIDATION, nothing written.
  const auto missing = rig.failed(rig.call("create", "Payment", "k-m", payment("V700", "10.00", {applied("NOPE", "10.00")})));
  CHECK(missing.code() == "bc.application_document");
  CHECK(rig.created("vendPaymentBatch") == 0);
  // Reversal has no confirmed API: UNSUPPORTED with a stable code.
  const auto reverse = rig.failed(rig.call("reverse", "Payment", "k-r", json::object()));
  CHECK(reverse.cls() == erpc::error_class::unsupported);
  CHECK(reverse.code() == "bc.op_unsupported");
}

namespace {

json journal(const char* debit_account = "5400", const char* amount = "1000.00",
             const char* currency = "EUR") {
  const json m = {{"amount", amount}, {"currency", currency}};
  return {{"external_refs", json::object()},
          {"source", {{"system", "test"}}},
          {"legal_entity", "DE01"},
          {"reference", "JE-EXT-42"},
          {"posting_date", "2026-03-31"},
          {"functional_currency", currency},
          {"description", "accrual"},
          {"lines", {{{"account", debit_account}, {"side", "debit"}, {"amount", m}, {"functional_amount", m}},
                     {{"account", "3300"}, {"side", "credit"}, {"amount", m}, {"functional_amount", m}}}}};
}

const json journal_maps = {{"value_maps", {{"accounts", {{"5400", "6110"}, {"3300", "2310"}}},
                                           {"tax_codes", {{"DE19", "VAT19"}}}}}};

}  // namespace

TEST_CASE("bc: a journal posts once through its own batch, replays, refuses reuse, reads back",
          "[bc][integration][journal]") {
  bc_rig rig(journal_maps);
  const auto first = rig.ok(rig.call("create", "JournalEntry", "k-j1", journal()));
  const auto id = first["result"]["id"].get<std::string>();
  CHECK(id.rfind("ERPC", 0) == 0);
  CHECK(rig.created("glRegister") == 1);
  CHECK(rig.created("genJournalBatch") == 1);
  rig.open(journal_maps);
  const auto again = rig.ok(rig.call("create", "JournalEntry", "k-j1", journal()));
  CHECK(again["replayed"] == true);
  CHECK(again["result"]["id"] == id);
  const auto reuse = rig.failed(rig.call("create", "JournalEntry", "k-j1", journal("5400", "999.00")));
  CHECK(reuse.cls() == erpc::error_class::idempotency_key_reuse);
  CHECK(rig.created("glRegister") == 1);
  // Another key is another batch and another posting.
  rig.ok(rig.call("create", "JournalEntry", "k-j2", journal()));
  CHECK(rig.created("glRegister") == 2);
  CHECK(rig.created("genJournalBatch") == 2);
  const auto read = rig.ok(rig.call("get", "JournalEntry", "", json{{"id", id}}))["result"];
  CHECK(read["posting_date"] == "2026-03-31");
  REQUIRE(read["lines"].size() == 2);
  CHECK(read["lines"][0]["account"] == "5400");
  CHECK(read["lines"][0]["amount"] == money("1000.00"));
}

TEST_CASE("bc: a journal whose batch POST or post reply was lost resumes, never posts twice",
          "[bc][integration][journal]") {
  bc_rig rig(journal_maps);
  rig.lose_next_create_reply();  // the batch is made, its reply lost
  CHECK(rig.failed(rig.call("create", "JournalEntry", "k-j", journal())).cls() ==
        erpc::error_class::outcome_unknown);
  rig.open(journal_maps);
  CHECK(rig.ok(rig.call("create", "JournalEntry", "k-j", journal(), 2, "unknown"))["replayed"] == true);
  CHECK(rig.created("glRegister") == 1);
  CHECK(rig.created("genJournalBatch") == 1);

  rig.lose_next_post_reply();  // posted, the 204 lost: the G/L entries are read
  CHECK(rig.ok(rig.call("create", "JournalEntry", "k-p", journal()))["replayed"] == false);
  CHECK(rig.created("glRegister") == 2);
}

TEST_CASE("bc: an unbalanced or foreign-currency journal is refused before anything is sent",
          "[bc][integration][journal]") {
  bc_rig rig(journal_maps);
  auto unbalanced = journal();
  unbalanced["lines"][1]["amount"]["amount"] = "999.99";
  unbalanced["lines"][1]["functional_amount"]["amount"] = "999.99";
  rig.take_sent();
  const auto e = rig.failed(rig.call("create", "JournalEntry", "k-u", unbalanced));
  CHECK(e.code() == "bc.journal_unbalanced");
  const auto usd = rig.failed(rig.call("create", "JournalEntry", "k-usd", journal("5400", "10.00", "USD")));
  CHECK(usd.cls() == erpc::error_class::unsupported);
  CHECK(rig.take_sent().empty());
  CHECK(rig.created("glRegister") == 0);
}
