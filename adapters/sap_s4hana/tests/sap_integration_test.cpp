// SPDX-License-Identifier: Apache-2.0
// The SAP S/4HANA adapter end to end: driven through erpc::testing::fake_host, whose HTTP goes
// to the host's real HTTP service (erpc::http_service) and on to the SAP simulator in a child
// process. What happened at "SAP" is counted through the simulator's /_sim/effects (every create
// *and* update), so a duplicate or a silent overwrite fails the test.
// ARCHITECTURE §6: R1 replay, R2 reuse, R4 lost reply, R5b ledger-less; credit memos; the
// duplicate-invoice check as error and as warning; CSRF expiry and OAuth refresh handled once;
// 429/503; journals over SOAP (failures inside HTTP 200); payments unsupported.
#include <erpc/adapters/testing/sim_rig.hpp>
#include <erpc/http_client.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <deque>
#include <mutex>
#include <thread>

extern "C" const erpc_adapter_entry_v1 erpc_adapter_entry;

namespace {

using nlohmann::json;

constexpr const char* sim_password = "erpc-sim-password";  // simulator defaults (docs/simulators-sap.md)
constexpr const char* sim_client_secret = "erpc-sim-secret";

struct injection {
  std::string method;
  std::string path;  // substring of the URL
  erpc::http_response response;
};

// The simulator, the real HTTP service and one fake host with the adapter loaded.
class sap_rig : public erpc::adapters::testing::sim_rig {
 public:
  explicit sap_rig(json extra_config = json::object()) : sim_rig("sap_s4hana", erpc_adapter_entry) {
    open(std::move(extra_config));
  }

  // A new fake host and connection: no memory of earlier calls (R5b: no ledger, no cache).
  void open(json extra_config = json::object(), const std::string& password = sim_password,
            const std::string& client_secret = sim_client_secret) {
    config_ = {{"base_url", sim().base_url()},
               {"auth", {{"method", "basic"}, {"user", "env:SAP_USER"},
                         {"password", "env:SAP_PASSWORD"}}},
               {"value_maps",
                {{"company_codes", {{"DE01", "1010"}}},
                 {"accounts", {{"5400", "61008000"}, {"6000", "21100000"}}},
                 {"tax_codes", {{"DE19", "V1"}}},
                 {"payment_terms", {{"NET30", "0004"}}}}},
               {"supplier", {{"reconciliation_account", "21100000"}}}};
    config_.update(extra_config);
    sim_rig::open(
        {{"env:SAP_USER", "ERPC_COMM_USER"},
         {"env:SAP_PASSWORD", password},
         {"env:SAP_CLIENT_ID", "erpc-sim-client"},
         {"env:SAP_CLIENT_SECRET", client_secret}},
        config_, [this](const erpc::http_request& req, const erpc_call_v1* call) {
          {
            std::lock_guard lock(mutex_);
            sent_.push_back(req.method + " " + req.url);
            for (auto it = injections_.begin(); it != injections_.end(); ++it) {
              if (it->method == req.method && req.url.find(it->path) != std::string::npos) {
                auto canned = it->response;
                injections_.erase(it);
                return canned;
              }
            }
          }
          if (req.method == "POST" && twin_next_post_.exchange(false)) {
            // The same request delivered twice: a first attempt that arrives late (R4 late delivery).
            (void)forward(req, call);
          }
          auto res = forward(req, call);
          if (req.method != "GET" && lose_next_write_reply_.exchange(false)) {
            // Forwarded and committed by SAP, then the reply never arrives (R4).
            return erpc::adapters::testing::lost_reply();
          }
          return res;
        });
  }

  const json& config() const { return config_; }
  std::string base_url() { return sim().base_url(); }

  // Reverses a posted invoice through the function import Cancel (vendors.md §2.1), as an SAP
  // user would: CSRF token fetched with the session cookie, then the POST.
  void cancel_invoice(const std::string& id) {
    const std::string auth = "Basic RVJQQ19DT01NX1VTRVI6ZXJwYy1zaW0tcGFzc3dvcmQ=";  // sim defaults
    const std::string service = sim().base_url() + "/sap/opu/odata/sap/API_SUPPLIERINVOICE_PROCESS_SRV";
    erpc::http_request fetch{"GET", service + "/", {{"Authorization", auth}, {"X-CSRF-Token", "Fetch"}}, "", 5000};
    const auto fetched = forward(fetch, nullptr);
    REQUIRE(fetched.status == 200);
    std::string cookies;
    for (const auto& [name, value] : fetched.headers) {
      if (erpc::detail::iequals(name, "Set-Cookie")) {
        cookies += (cookies.empty() ? "" : "; ") + value.substr(0, value.find(';'));
      }
    }
    const auto slash = id.find('/');
    erpc::http_request cancel{"POST",
                              service + "/Cancel?SupplierInvoice='" + id.substr(0, slash) +
                                  "'&FiscalYear='" + id.substr(slash + 1) + "'&$format=json",
                              {{"Authorization", auth},
                               {"X-CSRF-Token", fetched.header("X-CSRF-Token").value_or("")},
                               {"Cookie", cookies},
                               {"Accept", "application/json"}},
                              "",
                              5000};
    const auto cancelled = forward(cancel, nullptr);
    INFO(cancelled.body);
    REQUIRE(cancelled.status == 200);
  }

  void lose_next_write_reply() { lose_next_write_reply_ = true; }
  void twin_next_post() { twin_next_post_ = true; }
  void inject(const std::string& method, const std::string& path, int status,
              erpc::http_headers headers, std::string body) {
    erpc::http_response r;
    r.transport = erpc::http_transport::ok;
    r.status = status;
    r.headers = std::move(headers);
    r.body = std::move(body);
    std::lock_guard lock(mutex_);
    injections_.push_back({method, path, std::move(r)});
  }
  // Requests sent since the last call, "METHOD URL"; cleared.
  std::vector<std::string> take_sent() {
    std::lock_guard lock(mutex_);
    std::vector<std::string> out(sent_.begin(), sent_.end());
    sent_.clear();
    return out;
  }

 private:
  json config_;
  std::mutex mutex_;
  std::deque<std::string> sent_;
  std::vector<injection> injections_;
  std::atomic<bool> lose_next_write_reply_{false};
  std::atomic<bool> twin_next_post_{false};
};

std::size_t count(const std::vector<std::string>& sent, const std::string& prefix,
                  const std::string& part = "") {
  std::size_t n = 0;
  for (const auto& s : sent) n += s.rfind(prefix, 0) == 0 && s.find(part) != std::string::npos;
  return n;
}

json money(const std::string& a) { return {{"amount", a}, {"currency", "EUR"}}; }

json supplier(const std::string& name, const std::string& number = "") {
  json s = {{"external_refs", json::object()},
          {"source", {{"system", "test"}}},
          {"name", name},
          {"legal_entity", "DE01"},
          {"payment_terms", {{"code", "NET30"}}},
          {"postal_address", {{"street_name", "Marienplatz"}, {"building_number", "1"},
                              {"postal_code", "80331"}, {"town_name", "Munich"},
                              {"country", "DE"}}}};
  if (!number.empty()) s["number"] = number;
  return s;
}

json invoice(const std::string& supplier_id, const std::string& number, const std::string& net,
             const std::string& tax, const std::string& gross, const char* type = "invoice") {
  return {{"external_refs", json::object()},
          {"source", {{"system", "test"}}},
          {"document_type", type},
          {"direction", "payable"},
          {"legal_entity", "DE01"},
          {"supplier", {{"external_refs", {{"sap_s4hana", supplier_id}}}}},
          {"invoice_number", number},
          {"invoice_date", "2026-03-02"},
          {"currency", "EUR"},
          {"lines",
           {{{"account", "5400"}, {"tax_code", "DE19"}, {"description", "Bearings"},
             {"net", money(net)}, {"tax", money(tax)}, {"gross", money(gross)}}}},
          {"totals", {{"net", money(net)}, {"tax", money(tax)}, {"gross", money(gross)}}}};
}

json journal(const std::string& amount) {
  return {{"external_refs", json::object()},
          {"source", {{"system", "test"}}},
          {"legal_entity", "DE01"},
          {"posting_date", "2026-03-02"},
          {"functional_currency", "EUR"},
          {"description", "Accrual March"},
          {"lines",
           {{{"account", "5400"}, {"side", "debit"}, {"amount", money(amount)},
             {"functional_amount", money(amount)}},
            {{"account", "6000"}, {"side", "credit"}, {"amount", money("100.00")},
             {"functional_amount", money("100.00")}}}}};
}

std::string create_supplier(sap_rig& rig, const std::string& key = "sup-1") {
  const auto r = rig.ok(rig.call("create", "Supplier", key, supplier("Acme GmbH")));
  return r["result"]["id"];
}

void require_writes(sap_rig& rig, const std::string& type, int created, int updated) {
  const auto fx = rig.effects(type);
  INFO(fx.dump());
  CHECK(fx["created"] == created);
  CHECK(fx["updated"] == updated);
}

}  // namespace

TEST_CASE("a supplier is created by deep insert, read, listed, updated once, and replayed",
          "[sap][integration]") {
  sap_rig rig;
  const auto first = rig.ok(rig.call("create", "Supplier", "sup-a", supplier("Acme GmbH")));
  CHECK(first["replayed"] == false);
  const std::string id = first["result"]["id"];
  CHECK(first["result"]["external_refs"]["sap_s4hana"] == id);

  const auto again = rig.ok(rig.call("create", "Supplier", "sup-a", supplier("Acme GmbH")));
  CHECK(again["replayed"] == true);
  CHECK(again["result"]["id"] == id);
  const auto reuse = rig.call("create", "Supplier", "sup-a", supplier("Other GmbH"));
  CHECK(rig.failed(reuse).cls() == erpc::error_class::idempotency_key_reuse);
  require_writes(rig, "A_BusinessPartner", 1, 0);

  const auto got = rig.ok(rig.call("get", "Supplier", "", {{"id", id}}));
  CHECK(got["result"]["name"] == "Acme GmbH");
  CHECK(got["result"]["legal_entity"] == "DE01");
  CHECK(got["result"]["payment_terms"]["code"] == "NET30");
  CHECK(got["result"]["postal_address"]["town_name"] == "Munich");
  const auto by_key = rig.ok(rig.call("get", "Supplier", "", {{"natural_key", "sup-a"}}));
  CHECK(by_key["result"]["id"] == id);

  create_supplier(rig, "sup-b");
  const auto page1 = rig.ok(rig.call("list", "Supplier", "", {{"limit", 1}}));
  REQUIRE(page1["result"]["items"].size() == 1);
  const auto page2 = rig.ok(rig.call("list", "Supplier", "",
                                     {{"limit", 1}, {"cursor", page1["result"]["next_cursor"]}}));
  REQUIRE(page2["result"]["items"].size() == 1);
  CHECK(page2["result"]["items"][0]["id"] != page1["result"]["items"][0]["id"]);

  auto renamed = supplier("Acme Holding GmbH");
  renamed["external_refs"] = {{"sap_s4hana", id}};
  const auto updated = rig.ok(rig.call("update", "Supplier", "upd-1", renamed));
  CHECK(updated["replayed"] == false);
  require_writes(rig, "A_BusinessPartner", 2, 1);
  const auto repeated = rig.ok(rig.call("update", "Supplier", "upd-1", renamed));
  CHECK(repeated["replayed"] == true);  // already holds: nothing written
  require_writes(rig, "A_BusinessPartner", 2, 1);
  CHECK(rig.ok(rig.call("get", "Supplier", "", {{"id", id}}))["result"]["name"] ==
        "Acme Holding GmbH");
}

TEST_CASE("R1: the same key and payload replays the first invoice and SAP holds one",
          "[sap][integration]") {
  sap_rig rig;
  const auto sup = create_supplier(rig);
  const auto first = rig.ok(rig.call("create", "Invoice", "inv-1",
                                     invoice(sup, "AC-1", "100.10", "19.02", "119.12")));
  CHECK(first["replayed"] == false);
  const std::string id = first["result"]["id"];
  CHECK(id.find("/2026") != std::string::npos);

  const auto again = rig.ok(rig.call("create", "Invoice", "inv-1",
                                     invoice(sup, "AC-1", "100.10", "19.02", "119.12")));
  CHECK(again["replayed"] == true);
  CHECK(again["result"] == first["result"]);
  const auto retried = rig.ok(rig.call("create", "Invoice", "inv-1",
                                       invoice(sup, "AC-1", "100.10", "19.02", "119.12"), 2,
                                       "unknown"));
  CHECK(retried["replayed"] == true);
  CHECK(retried["result"]["id"] == id);

  const auto fx = rig.effects("A_SupplierInvoice");
  CHECK(fx["created"] == 1);
  CHECK(fx["updated"] == 0);
  CHECK(fx["effects"][0]["vendor_id"] == id);
  CHECK(fx["effects"][0]["natural_key"] == sup + "/AC-1");

  const auto got = rig.ok(rig.call("get", "Invoice", "", {{"id", id}}));
  CHECK(got["result"]["totals"]["gross"] == money("119.12"));
  CHECK(got["result"]["lines"][0]["tax"] == money("19.02"));
  CHECK(got["result"]["invoice_number"] == "AC-1");
  CHECK(got["result"]["invoice_date"] == "2026-03-02");
  CHECK(rig.ok(rig.call("get", "Invoice", "", {{"natural_key", "inv-1"}}))["result"]["id"] == id);
  const auto listed = rig.ok(rig.call("list", "Invoice", "", json::object()));
  CHECK(listed["result"]["items"].size() == 1);
}

TEST_CASE("an invoice may name its supplier by the number the supplier was created with",
          "[sap][integration]") {
  sap_rig rig;
  const auto created = rig.ok(rig.call("create", "Supplier", "sup-n", supplier("Numbered AG", "SN-1")));
  const std::string sup = created["result"]["id"];
  CHECK(rig.ok(rig.call("get", "Supplier", "", {{"id", sup}}))["result"]["number"] == "SN-1");
  auto inv = invoice(sup, "AC-N", "10.00", "1.90", "11.90");
  inv["supplier"] = {{"number", "SN-1"}};
  const auto r = rig.ok(rig.call("create", "Invoice", "inv-n", inv));
  const auto got = rig.ok(rig.call("get", "Invoice", "", {{"id", r["result"]["id"]}}));
  CHECK(got["result"]["supplier"]["external_refs"]["sap_s4hana"] == sup);
  inv["supplier"] = {{"number", "NOBODY"}};
  const auto unknown = rig.call("create", "Invoice", "inv-n2", inv);
  CHECK(rig.failed(unknown).code() == "sap.supplier_unknown");
  require_writes(rig, "A_SupplierInvoice", 1, 0);
}

TEST_CASE("R2: the same key with another amount is IDEMPOTENCY_KEY_REUSE and writes nothing",
          "[sap][integration]") {
  sap_rig rig;
  const auto sup = create_supplier(rig);
  rig.ok(rig.call("create", "Invoice", "inv-2", invoice(sup, "AC-2", "100.00", "19.00", "119.00")));
  // SAP's duplicate check compares the amount, so it would let this one through: only the
  // adapter's read-back stands between a changed replay and a second invoice.
  for (int attempt : {1, 2}) {
    const auto r = rig.call("create", "Invoice", "inv-2",
                            invoice(sup, "AC-2", "100.00", "19.01", "119.01"), attempt,
                            attempt > 1 ? "unknown" : nullptr);
    const auto& e = rig.failed(r);
    CHECK(e.cls() == erpc::error_class::idempotency_key_reuse);
    CHECK(e.code() == "sap.key_reuse");
    CHECK(e.effect() == erpc::effect::none);
    CHECK(e.message().find("InvoiceGrossAmount") != std::string::npos);
  }
  // The key reused for a credit memo is a reuse too.
  const auto credit = rig.call("create", "Invoice", "inv-2",
                               invoice(sup, "AC-2", "100.00", "19.00", "119.00", "credit_note"));
  CHECK(rig.failed(credit).cls() == erpc::error_class::idempotency_key_reuse);
  require_writes(rig, "A_SupplierInvoice", 1, 0);
}

TEST_CASE("another key with the same supplier reference is CONFLICT, never a second invoice",
          "[sap][integration]") {
  sap_rig rig;
  const auto sup = create_supplier(rig);
  rig.ok(rig.call("create", "Invoice", "inv-3", invoice(sup, "AC-3", "10.00", "1.90", "11.90")));
  const auto r = rig.call("create", "Invoice", "inv-3-other",
                          invoice(sup, "AC-3", "10.00", "1.90", "11.90"));
  const auto& e = rig.failed(r);
  CHECK(e.cls() == erpc::error_class::conflict);
  CHECK(e.code() == "sap.duplicate_invoice");
  require_writes(rig, "A_SupplierInvoice", 1, 0);
}

TEST_CASE("R4: the reply to the POST is lost and the retry finds the committed invoice",
          "[sap][integration]") {
  sap_rig rig;
  const auto sup = create_supplier(rig);
  rig.lose_next_write_reply();
  const auto lost = rig.call("create", "Invoice", "inv-4", invoice(sup, "AC-4", "50.00", "9.50", "59.50"));
  const auto& e = rig.failed(lost);
  CHECK(e.cls() == erpc::error_class::outcome_unknown);
  CHECK(e.effect() == erpc::effect::possible);
  require_writes(rig, "A_SupplierInvoice", 1, 0);  // SAP committed it

  const auto retry = rig.ok(rig.call("create", "Invoice", "inv-4",
                                     invoice(sup, "AC-4", "50.00", "9.50", "59.50"), 2, "unknown"));
  CHECK(retry["replayed"] == true);
  CHECK(retry["result"]["id"] == rig.effects("A_SupplierInvoice")["effects"][0]["vendor_id"]);
  require_writes(rig, "A_SupplierInvoice", 1, 0);
}

TEST_CASE("R5b: a fresh connection with no ledger replays and refuses reuse by itself",
          "[sap][integration]") {
  sap_rig rig;
  const auto sup = create_supplier(rig);
  const auto first = rig.ok(rig.call("create", "Invoice", "inv-5",
                                     invoice(sup, "AC-5", "70.00", "13.30", "83.30")));
  rig.open();  // new host, new connection: no ledger, no cached token, no session
  const auto replay = rig.ok(rig.call("create", "Invoice", "inv-5",
                                      invoice(sup, "AC-5", "70.00", "13.30", "83.30")));
  CHECK(replay["replayed"] == true);
  CHECK(replay["result"]["id"] == first["result"]["id"]);
  rig.open();
  const auto reuse = rig.call("create", "Invoice", "inv-5", invoice(sup, "AC-5", "70.00", "13.30", "83.31"));
  CHECK(rig.failed(reuse).cls() == erpc::error_class::idempotency_key_reuse);
  require_writes(rig, "A_SupplierInvoice", 1, 0);
}

TEST_CASE("a reversed invoice does not count: the same reference is entered again (BANKING.md)",
          "[sap][integration][duplicate_check]") {
  sap_rig rig;
  const auto sup = create_supplier(rig);
  const auto first = rig.ok(rig.call("create", "Invoice", "inv-rev",
                                     invoice(sup, "AC-R", "30.00", "5.70", "35.70")));
  rig.cancel_invoice(first["result"]["id"]);
  // A new key re-enters the reference: neither SAP's check nor the adapter's read-back counts
  // the reversed original or its reversal document.
  const auto again = rig.ok(rig.call("create", "Invoice", "inv-rev-2",
                                     invoice(sup, "AC-R", "30.00", "5.70", "35.70")));
  CHECK(again["replayed"] == false);
  CHECK(again["result"]["id"] != first["result"]["id"]);
  // The reversed invoice's own key is not replayed to a reversed document either.
  const auto fx = rig.effects("A_SupplierInvoice");
  CHECK(fx["created"] == 3);  // original, reversal document, re-entry
}

TEST_CASE("a credit note is a credit memo, replayed through the read-back SAP's check skips",
          "[sap][integration]") {
  sap_rig rig;
  const auto sup = create_supplier(rig);
  const auto cn = rig.ok(rig.call("create", "Invoice", "cn-1",
                                  invoice(sup, "CN-1", "20.00", "3.80", "23.80", "credit_note")));
  const std::string id = cn["result"]["id"];
  const auto got = rig.ok(rig.call("get", "Invoice", "", {{"id", id}}));
  CHECK(got["result"]["document_type"] == "credit_note");
  CHECK(got["result"]["totals"]["gross"] == money("23.80"));
  const auto again = rig.ok(rig.call("create", "Invoice", "cn-1",
                                     invoice(sup, "CN-1", "20.00", "3.80", "23.80", "credit_note")));
  CHECK(again["replayed"] == true);
  require_writes(rig, "A_SupplierInvoice", 1, 0);
}

TEST_CASE("duplicate check as an error: a late-delivered first request posts nothing twice",
          "[sap][integration][duplicate_check]") {
  sap_rig rig;
  const auto sup = create_supplier(rig);
  // The POST reaches SAP twice (the late first attempt, then this one): SAP refuses the second
  // with M8/108, and the adapter's read-back finds the first — the one record, replayed.
  rig.twin_next_post();
  const auto r = rig.ok(rig.call("create", "Invoice", "inv-late",
                                 invoice(sup, "AC-L", "40.00", "7.60", "47.60"), 2, "unknown"));
  CHECK(r["replayed"] == true);
  require_writes(rig, "A_SupplierInvoice", 1, 0);

  SECTION("…at any HTTP status (the status is unconfirmed, vendors.md §2.3)") {
    rig.settings({{"sap.duplicate_check.http_status", 500}});
    rig.twin_next_post();
    const auto again = rig.ok(rig.call("create", "Invoice", "inv-late-500",
                                       invoice(sup, "AC-L500", "40.00", "7.60", "47.60")));
    CHECK(again["replayed"] == true);
    require_writes(rig, "A_SupplierInvoice", 2, 0);
  }
}

TEST_CASE("duplicate check as a warning: SAP posts the late copy and check() reports idempotent",
          "[sap][integration][duplicate_check]") {
  sap_rig rig(json{{"duplicate_check", "warning"}});
  rig.settings({{"sap.duplicate_check.message_type", "warning"}});
  const auto sup = create_supplier(rig);
  rig.twin_next_post();
  const auto r = rig.ok(rig.call("create", "Invoice", "inv-warn",
                                 invoice(sup, "AC-W", "40.00", "7.60", "47.60")));
  CHECK(r["replayed"] == false);
  // This is why the native level needs the check as an error: two records.
  require_writes(rig, "A_SupplierInvoice", 2, 0);
  CHECK(rig.host().log().contains("duplicate warning"));
  // Without a late copy the adapter's read-back alone still replays.
  const auto again = rig.ok(rig.call("create", "Invoice", "inv-warn",
                                     invoice(sup, "AC-W", "40.00", "7.60", "47.60")));
  CHECK(again["replayed"] == true);
  require_writes(rig, "A_SupplierInvoice", 2, 0);

  rig.host().log().clear();
  const auto checked = rig.host().check(rig.adapter(), rig.config().dump());
  CHECK(checked.ok);
  CHECK(rig.host().log().contains("level idempotent"));
}

TEST_CASE("check() verifies credentials, CSRF and the suppliers' duplicate check flag",
          "[sap][integration][duplicate_check]") {
  // One rig at a time: an adapter library holds one instance, so two hosts must not load it at
  // once.
  {
    sap_rig rig;
    create_supplier(rig);
    auto checked = rig.host().check(rig.adapter(), rig.config().dump());
    CHECK(checked.ok);
    CHECK(rig.host().log().contains("level native"));

    auto wrong = rig.config();
    rig.open(json::object(), "not-the-password");
    const auto refused = rig.host().check(rig.adapter(), wrong.dump());
    REQUIRE(refused.error);
    CHECK(refused.error->cls() == erpc::error_class::authentication);
    CHECK(refused.error->message().find("not-the-password") == std::string::npos);
  }
  sap_rig unflagged(json{{"supplier", {{"reconciliation_account", "21100000"},
                                       {"check_duplicate_invoices", false}}}});
  create_supplier(unflagged);
  unflagged.host().log().clear();
  CHECK(unflagged.host().check(unflagged.adapter(), unflagged.config().dump()).ok);
  CHECK(unflagged.host().log().contains("1 supplier company record(s) without"));
  CHECK(unflagged.host().log().contains("level idempotent"));
}

TEST_CASE("an expired CSRF token is fetched again once, transparently", "[sap][integration][csrf]") {
  sap_rig rig;
  rig.settings({{"sap.csrf.token_ttl_seconds", 1}});
  create_supplier(rig);
  rig.take_sent();
  std::this_thread::sleep_for(std::chrono::milliseconds(1200));
  const auto r = rig.ok(rig.call("create", "Supplier", "sup-csrf", supplier("Late GmbH")));
  CHECK(r["replayed"] == false);
  const auto sent = rig.take_sent();
  CHECK(count(sent, "POST ", "/A_BusinessPartner") == 2);  // refused once, then sent again
  CHECK(count(sent, "GET ", "/API_BUSINESS_PARTNER/?") + count(sent, "GET ", "/API_BUSINESS_PARTNER/") >= 1);
  require_writes(rig, "A_BusinessPartner", 2, 0);

  // A token that never validates is refused after one refetch, not in a loop.
  rig.settings({{"sap.csrf.token_ttl_seconds", 0}});
  rig.take_sent();
  const auto refused = rig.call("create", "Supplier", "sup-csrf-2", supplier("Never GmbH"));
  const auto& e = rig.failed(refused);
  CHECK(e.cls() == erpc::error_class::authentication);
  CHECK(e.code() == "sap.csrf_token_required");
  CHECK(count(rig.take_sent(), "POST ", "/A_BusinessPartner") == 2);
  require_writes(rig, "A_BusinessPartner", 2, 0);
}

TEST_CASE("OAuth 2.0: the token is cached, refreshed once on 401, and a bad secret never leaks",
          "[sap][integration][oauth]") {
  const json oauth = {{"auth", {{"method", "oauth2"}, {"client_id", "env:SAP_CLIENT_ID"},
                                {"client_secret", "env:SAP_CLIENT_SECRET"}}}};
  sap_rig rig(oauth);
  rig.settings({{"sap.auth.methods", "oauth"}});
  const auto sup = create_supplier(rig);
  rig.ok(rig.call("get", "Supplier", "", {{"id", sup}}));
  CHECK(count(rig.take_sent(), "POST ", "/oauth2/token") == 1);  // cached across calls

  // One 401 (the token was revoked): a new token, the call sent again, and it succeeds.
  rig.inject("GET", "/A_BusinessPartner(", 401, {{"WWW-Authenticate", "Bearer error=\"invalid_token\""}},
             "<html>Logon failed</html>");
  rig.ok(rig.call("get", "Supplier", "", {{"id", sup}}));
  const auto sent = rig.take_sent();
  CHECK(count(sent, "POST ", "/oauth2/token") == 1);
  CHECK(count(sent, "GET ", "/A_BusinessPartner(") == 2);

  // Tokens that are always expired: refreshed once, then AUTHENTICATION (no loop).
  rig.settings({{"sap.oauth.token_ttl_seconds", 0}});
  rig.open(oauth);
  const auto expired = rig.call("get", "Supplier", "", {{"id", sup}});
  CHECK(rig.failed(expired).cls() == erpc::error_class::authentication);
  CHECK(count(rig.take_sent(), "POST ", "/oauth2/token") == 2);

  rig.settings({{"sap.oauth.token_ttl_seconds", 3600}});
  rig.open(oauth, sim_password, "wrong-client-secret");
  const auto refused = rig.call("get", "Supplier", "", {{"id", sup}});
  const auto& e = rig.failed(refused);
  CHECK(e.cls() == erpc::error_class::authentication);
  CHECK(e.code() == "sap.oauth_token_refused");
  CHECK(e.message().find("wrong-client-secret") == std::string::npos);
  CHECK_FALSE(rig.host().log().contains("wrong-client-secret"));
}

TEST_CASE("429 and 503 with Retry-After are RATE_LIMITED and write nothing", "[sap][integration]") {
  sap_rig rig;
  const auto sup = create_supplier(rig);
  rig.inject("POST", "/A_SupplierInvoice", 429, {{"Retry-After", "3"}}, "");
  const auto limited = rig.call("create", "Invoice", "inv-429", invoice(sup, "AC-9", "1.00", "0.19", "1.19"));
  const auto& e = rig.failed(limited);
  CHECK(e.cls() == erpc::error_class::rate_limited);
  CHECK(e.retry_after_ms() == 3000);
  CHECK(e.effect() == erpc::effect::none);
  rig.inject("POST", "/A_SupplierInvoice", 503, {{"Retry-After", "2"}}, "Service Unavailable");
  const auto busy = rig.call("create", "Invoice", "inv-429", invoice(sup, "AC-9", "1.00", "0.19", "1.19"));
  CHECK(rig.failed(busy).cls() == erpc::error_class::rate_limited);
  require_writes(rig, "A_SupplierInvoice", 0, 0);
  // The host retries later: the same key then posts once.
  rig.ok(rig.call("create", "Invoice", "inv-429", invoice(sup, "AC-9", "1.00", "0.19", "1.19"), 2));
  require_writes(rig, "A_SupplierInvoice", 1, 0);
}

TEST_CASE("eight creates in parallel on a fresh connection all post, each once",
          "[sap][integration][concurrency]") {
  sap_rig rig;
  const auto sup = create_supplier(rig);
  rig.open();  // no session, no CSRF token yet: the first writes race to establish them
  std::vector<std::thread> threads;
  std::vector<erpc::testing::call_result> results(8);
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&, i] {
      json envelope = {{"contract", "1.0"}, {"op", "create"}, {"object", "Invoice"},
                       {"idempotency_key", "par-" + std::to_string(i)}, {"attempt", 1},
                       {"payload", invoice(sup, "PAR-" + std::to_string(i), "10.00", "1.90", "11.90")}};
      results[i] = rig.execute_raw(envelope.dump());
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& r : results) {
    INFO((r.error ? r.error->code() + ": " + r.error->message() : r.json));
    CHECK(r.ok);
  }
  require_writes(rig, "A_SupplierInvoice", 8, 0);
}

TEST_CASE("a reference over 16 characters is VALIDATION before anything is sent",
          "[sap][integration]") {
  sap_rig rig;
  const auto sup = create_supplier(rig);
  rig.take_sent();
  const auto r = rig.call("create", "Invoice", "inv-long",
                          invoice(sup, "INV-2026-000000042", "1.00", "0.19", "1.19"));
  const auto& e = rig.failed(r);
  CHECK(e.cls() == erpc::error_class::validation);
  CHECK(e.code() == "sap.too_long");
  CHECK(rig.take_sent().empty());
  require_writes(rig, "A_SupplierInvoice", 0, 0);
}

TEST_CASE("journals post over SOAP, failures inside HTTP 200 are VALIDATION, retries replay",
          "[sap][integration][journal]") {
  sap_rig rig;
  rig.settings({{"sap.journal.reference_check", "error"}});
  const auto posted = rig.ok(rig.call("create", "JournalEntry", "je-1", journal("100.00")));
  CHECK(posted["replayed"] == false);
  const std::string id = posted["result"]["id"];
  CHECK(id.rfind("1010/", 0) == 0);
  // The retry after a lost reply: SAP's reference check refuses a second posting and names the
  // first, which is answered.
  const auto retry = rig.ok(rig.call("create", "JournalEntry", "je-1", journal("100.00"), 2, "unknown"));
  CHECK(retry["replayed"] == true);
  CHECK(retry["result"]["id"] == id);
  require_writes(rig, "JournalEntry", 1, 0);

  const auto unbalanced = rig.call("create", "JournalEntry", "je-2", journal("90.00"));
  const auto& e = rig.failed(unbalanced);
  CHECK(e.cls() == erpc::error_class::validation);
  CHECK(e.code() == "sap.journal_rejected");
  CHECK(e.effect() == erpc::effect::none);
  CHECK(e.message().find("702(F5)") != std::string::npos);
  require_writes(rig, "JournalEntry", 1, 0);

  CHECK(rig.failed(rig.call("get", "JournalEntry", "", {{"id", id}})).cls() ==
        erpc::error_class::unsupported);

  // Without the reference check there is no safe re-post: the retry is refused, not posted.
  rig.open({{"journal", {{"reference_check", "off"}}}});
  const auto blind = rig.call("create", "JournalEntry", "je-3", journal("100.00"), 2, "unknown");
  CHECK(rig.failed(blind).code() == "sap.journal_unverifiable");
  require_writes(rig, "JournalEntry", 1, 0);
}

TEST_CASE("payments are UNSUPPORTED with a stable code", "[sap][integration]") {
  sap_rig rig;
  const auto r = rig.call("create", "Payment", "pay-1", json::object());
  const auto& e = rig.failed(r);
  CHECK(e.cls() == erpc::error_class::unsupported);
  CHECK(e.code() == "sap.payment_unsupported");
  CHECK(e.effect() == erpc::effect::none);
}
