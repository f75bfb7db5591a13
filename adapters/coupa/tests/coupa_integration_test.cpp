// SPDX-License-Identifier: Apache-2.0
// The Coupa adapter end to end: driven through erpc::testing::fake_host, whose HTTP goes to the
// host's real HTTP service and on to the Coupa simulator in a child process. What happened at
// "Coupa" is counted through /_sim/effects (every create and update), so a duplicate, a second
// export or a silent overwrite fails the test. ARCHITECTURE §6 R1, R2, R4, R5b; the export-flag
// pattern (BANKING.md); OAuth 2.0 scopes and refresh; 429.
#include <erpc/adapters/testing/sim_rig.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <atomic>

extern "C" const erpc_adapter_entry_v1 erpc_adapter_entry;

namespace {

using nlohmann::json;

class coupa_rig : public erpc::adapters::testing::sim_rig {
 public:
  explicit coupa_rig(json extra_config = json::object()) : sim_rig("coupa", erpc_adapter_entry) {
    // The vendor's 25 requests/second is exercised by its own test; the others run unthrottled.
    settings({{"rate_limit.requests_per_second", 0}});
    open(std::move(extra_config));
  }

  // A new fake host and connection: no memory of earlier calls (R5b: no ledger, no token cache).
  void open(json extra_config = json::object()) {
    json config = {{"base_url", sim().base_url()},
                   {"client_id", "env:COUPA_CLIENT"},
                   {"client_secret", "env:COUPA_SECRET"},
                   {"invoice_create", true}};
    config.update(extra_config);
    sim_rig::open(
        {{"env:COUPA_CLIENT", "sim-coupa-client"}, {"env:COUPA_SECRET", client_secret_}}, config,
        [this](const erpc::http_request& req, const erpc_call_v1* call) {
          const bool api = req.url.find("/api/") != std::string::npos;
          if (api) ++(req.method == "GET" ? reads_ : writes_);
          auto res = forward(req, call);
          if (req.method != "GET" && api && lose_next_write_reply_.exchange(false)) {
            return erpc::adapters::testing::lost_reply();  // committed by Coupa (R4)
          }
          return res;
        });
  }

  // Coupa's calls carry a payload and a query each (null: none).
  erpc::testing::call_result call(const std::string& op, const std::string& object, const std::string& key,
                                  const json& payload, const json& query = nullptr, int attempt = 1,
                                  const char* prior_outcome = nullptr) {
    auto e = envelope(op, object, key, attempt, prior_outcome);
    e["correlation_id"] = "c-" + (key.empty() ? std::string("read") : key);
    if (!payload.is_null()) e["payload"] = payload;
    if (!query.is_null()) e["query"] = query;
    return execute(e);
  }

  void lose_next_write_reply() { lose_next_write_reply_ = true; }
  int writes() const { return writes_; }
  int reads() const { return reads_; }
  void set_client_secret(const std::string& s) {
    client_secret_ = s;
    host().secrets().set("env:COUPA_SECRET", s);
  }

 private:
  std::string client_secret_ = "sim-coupa-client-secret";
  std::atomic<bool> lose_next_write_reply_{false};
  std::atomic<int> writes_{0};
  std::atomic<int> reads_{0};
};

json money(const std::string& a) { return {{"amount", a}, {"currency", "EUR"}}; }

json supplier(const std::string& number) {
  return {{"external_refs", json::object()}, {"source", {{"system", "test"}}}, {"name", "Acme " + number},
          {"number", number}, {"tax_id", "DE123456789"}};
}

json invoice(const std::string& number, const std::string& net, const std::string& tax, const std::string& gross,
             const char* type = "invoice") {
  return {{"external_refs", json::object()},
          {"source", {{"system", "test"}}},
          {"document_type", type},
          {"direction", "payable"},
          {"supplier", {{"number", "SUP-1"}}},
          {"invoice_number", number},
          {"invoice_date", "2026-03-02"},
          {"currency", "EUR"},
          {"lines", {{{"account", "5400"}, {"description", "Bearings"}, {"net", money(net)}, {"tax", money(tax)},
                      {"gross", money(gross)}}}},
          {"totals", {{"net", money(net)}, {"tax", money(tax)}, {"gross", money(gross)}}}};
}

std::string create_supplier(coupa_rig& rig, const std::string& number = "SUP-1") {
  return rig.ok(rig.call("create", "Supplier", "sup-" + number, supplier(number)))["result"]["id"];
}

// The pulled document as the host hands it back after the ERP commit, with the ERP's id.
json after_erp_commit(json pulled, const std::string& erp_id) {
  pulled["external_refs"]["netsuite"] = erp_id;
  return pulled;
}

}  // namespace

TEST_CASE("R1/R5b: the same invoice again replays the first, also on a fresh connection", "[coupa][integration]") {
  coupa_rig rig;
  create_supplier(rig);
  const auto first = rig.ok(rig.call("create", "Invoice", "inv-1", invoice("AC-1", "100.10", "19.02", "119.12")));
  CHECK(first["replayed"] == false);
  const std::string id = first["result"]["id"];
  CHECK(first["result"]["external_refs"]["coupa"] == id);

  rig.open();
  const auto retried =
      rig.ok(rig.call("create", "Invoice", "inv-1", invoice("AC-1", "100.10", "19.02", "119.12"), nullptr, 2, "unknown"));
  CHECK(retried["replayed"] == true);
  CHECK(retried["result"]["id"] == id);
  // Attempt 1 again on a fresh connection: Coupa refuses the duplicate number, the read-back
  // finds the same invoice.
  rig.open();
  const auto again = rig.ok(rig.call("create", "Invoice", "inv-1", invoice("AC-1", "100.10", "19.02", "119.12")));
  CHECK(again["replayed"] == true);
  CHECK(again["result"]["id"] == id);

  const auto fx = rig.effects("invoices");
  CHECK(fx["created"] == 1);
  CHECK(fx["updated"] == 0);

  const auto got = rig.ok(rig.call("get", "Invoice", "", nullptr, {{"id", id}}));
  CHECK(got["result"]["totals"]["gross"] == money("119.12"));
  CHECK(got["result"]["lines"][0]["tax"] == money("19.02"));
  CHECK(got["result"]["supplier"]["number"] == "SUP-1");
  const auto missing = rig.call("get", "Invoice", "", nullptr, {{"id", "999999"}});
  CHECK(rig.failed(missing).cls() == erpc::error_class::not_found);
}

TEST_CASE("R2: a changed invoice under its natural key is IDEMPOTENCY_KEY_REUSE, nothing written",
          "[coupa][integration]") {
  coupa_rig rig;
  create_supplier(rig);
  rig.ok(rig.call("create", "Invoice", "inv-2", invoice("AC-2", "100.00", "19.00", "119.00")));
  for (const int status : {422, 400}) {
    rig.settings({{"invoices.duplicate_status", status}, {"errors.body_shape", status == 400 ? "plain_text" : "json_errors"}});
    for (int attempt : {1, 2}) {
      const auto r = rig.call("create", "Invoice", "inv-2", invoice("AC-2", "100.00", "19.01", "119.01"), nullptr,
                              attempt, attempt > 1 ? "unknown" : nullptr);
      const auto& e = rig.failed(r);
      CHECK(e.cls() == erpc::error_class::idempotency_key_reuse);
      CHECK(e.code() == "coupa.key_reuse");
      CHECK(e.effect() == erpc::effect::none);
    }
  }
  const auto fx = rig.effects("invoices");
  CHECK(fx["created"] == 1);
  CHECK(fx["updated"] == 0);
}

TEST_CASE("R4: a lost create reply is OUTCOME_UNKNOWN, the retry replays it, one invoice", "[coupa][integration]") {
  coupa_rig rig;
  create_supplier(rig);
  rig.lose_next_write_reply();
  const auto lost = rig.call("create", "Invoice", "inv-3", invoice("AC-3", "10.00", "1.90", "11.90"));
  CHECK(rig.failed(lost).cls() == erpc::error_class::outcome_unknown);
  CHECK(rig.failed(lost).effect() == erpc::effect::possible);
  rig.open();
  const auto retry = rig.ok(rig.call("create", "Invoice", "inv-3", invoice("AC-3", "10.00", "1.90", "11.90"), nullptr, 2, "unknown"));
  CHECK(retry["replayed"] == true);
  CHECK(rig.effects("invoices")["created"] == 1);
}

TEST_CASE("invoice create is off unless the tenant allows it, a tenant refusal is PERMISSION", "[coupa][integration]") {
  coupa_rig rig(json{{"invoice_create", false}});
  create_supplier(rig);
  const int writes_before = rig.writes();
  const auto off = rig.call("create", "Invoice", "inv-4", invoice("AC-4", "10.00", "1.90", "11.90"));
  CHECK(rig.failed(off).cls() == erpc::error_class::unsupported);
  CHECK(rig.failed(off).code() == "coupa.invoice_create_disabled");
  CHECK(rig.writes() == writes_before);

  rig.open({{"invoice_create", true}});
  rig.settings({{"invoices.rest_create", "forbidden"}});
  const auto refused = rig.call("create", "Invoice", "inv-4", invoice("AC-4", "10.00", "1.90", "11.90"));
  CHECK(rig.failed(refused).cls() == erpc::error_class::permission);
  CHECK(rig.effects("invoices")["created"] == 0);
}

TEST_CASE("export flag: pull approved not-exported invoices, mark exported only with the ERP's id",
          "[coupa][integration]") {
  coupa_rig rig;
  create_supplier(rig);
  rig.ok(rig.call("create", "Invoice", "inv-a", invoice("EX-1", "100.00", "19.00", "119.00")));
  rig.ok(rig.call("create", "Invoice", "inv-b", invoice("EX-2", "50.00", "9.50", "59.50", "credit_note")));
  rig.settings({{"invoices.initial_status", "pending_approval"}});
  rig.ok(rig.call("create", "Invoice", "inv-c", invoice("EX-3", "1.00", "0.19", "1.19")));

  auto pulled = rig.ok(rig.call("list", "Invoice", "", nullptr, json::object()))["result"]["items"];
  REQUIRE(pulled.size() == 2);  // the pending one is not pulled
  CHECK(pulled[0]["invoice_number"] == "EX-1");
  CHECK(pulled[0]["direction"] == "payable");
  CHECK(pulled[1]["document_type"] == "credit_note");
  CHECK(pulled[1]["totals"]["gross"] == money("59.50"));
  const json first = pulled[0];
  const std::string id = first["id"];

  // Not before the ERP commit: without the ERP's reference nothing is written.
  const auto early = rig.call("update", "Invoice", "coupa:" + id, first);
  CHECK(rig.failed(early).code() == "coupa.erp_ref_required");
  CHECK(rig.failed(early).cls() == erpc::error_class::validation);
  CHECK(rig.effects("invoices")["updated"] == 0);

  const auto marked = rig.ok(rig.call("update", "Invoice", "coupa:" + id, after_erp_commit(first, "NS-77")));
  CHECK(marked["replayed"] == false);
  CHECK(marked["result"]["external_refs"] == json{{"coupa", id}, {"netsuite", "NS-77"}});
  CHECK(rig.effects("invoices")["updated"] == 1);

  // Again (a retry, or a second run): replayed, no second write.
  rig.open();
  const auto again = rig.ok(rig.call("update", "Invoice", "coupa:" + id, after_erp_commit(first, "NS-77"), nullptr, 2, "unknown"));
  CHECK(again["replayed"] == true);
  CHECK(rig.effects("invoices")["updated"] == 1);

  pulled = rig.ok(rig.call("list", "Invoice", "", nullptr, json::object()))["result"]["items"];
  REQUIRE(pulled.size() == 1);
  CHECK(pulled[0]["invoice_number"] == "EX-2");

  // The invoice changed in Coupa after the pull (here: the document the host holds differs):
  // CONFLICT, not exported.
  auto stale = after_erp_commit(pulled[0], "NS-78");
  stale["totals"]["gross"] = money("59.51");
  const auto changed = rig.call("update", "Invoice", "coupa:x", stale);
  CHECK(rig.failed(changed).cls() == erpc::error_class::conflict);
  CHECK(rig.failed(changed).code() == "coupa.invoice_changed");
  CHECK(rig.effects("invoices")["updated"] == 1);

  const auto unknown = rig.call("update", "Invoice", "coupa:y", after_erp_commit(pulled[0], "NS-78"), {{"id", "999999"}});
  CHECK(rig.failed(unknown).cls() == erpc::error_class::not_found);
}

TEST_CASE("export flag: a lost reply of the export is retried safely, the export action route",
          "[coupa][integration]") {
  coupa_rig rig(json{{"export_route", "export_action"}});
  create_supplier(rig);
  rig.settings({{"export.route", "export_action"}});
  rig.ok(rig.call("create", "Invoice", "inv-x", invoice("EA-1", "100.00", "19.00", "119.00")));
  const auto pulled = rig.ok(rig.call("list", "Invoice", "", nullptr, json::object()))["result"]["items"].at(0);
  const auto before = rig.effects("invoices")["updated"].get<int>();
  rig.lose_next_write_reply();
  const auto lost = rig.call("update", "Invoice", "exp-1", after_erp_commit(pulled, "NS-1"));
  CHECK(rig.failed(lost).cls() == erpc::error_class::outcome_unknown);
  const auto retry = rig.ok(rig.call("update", "Invoice", "exp-1", after_erp_commit(pulled, "NS-1"), nullptr, 2, "unknown"));
  CHECK(retry["replayed"] == true);
  CHECK(rig.effects("invoices")["updated"] == before + 1);

  // A connection configured for the other route than the tenant's: Coupa's refusal, nothing written.
  rig.ok(rig.call("create", "Invoice", "inv-y", invoice("EA-2", "1.00", "0.19", "1.19")));
  rig.open({{"export_route", "put_field"}});
  const auto next = rig.ok(rig.call("list", "Invoice", "", nullptr, json::object()))["result"]["items"].at(0);
  const auto wrong = rig.call("update", "Invoice", "exp-2", after_erp_commit(next, "NS-2"));
  CHECK(rig.failed(wrong).cls() == erpc::error_class::validation);
  CHECK(rig.effects("invoices")["updated"] == before + 1);
}

TEST_CASE("suppliers: create replays by name, get, list pages with a cursor", "[coupa][integration]") {
  coupa_rig rig;
  const auto id = create_supplier(rig, "SUP-1");
  rig.open();
  const auto again = rig.ok(rig.call("create", "Supplier", "sup-SUP-1", supplier("SUP-1"), nullptr, 2, "unknown"));
  CHECK(again["replayed"] == true);
  CHECK(again["result"]["id"] == id);
  auto changed = supplier("SUP-1");
  changed["tax_id"] = "DE999999999";
  CHECK(rig.failed(rig.call("create", "Supplier", "sup-SUP-1", changed)).cls() == erpc::error_class::idempotency_key_reuse);
  CHECK(rig.effects("suppliers")["created"] == 1);

  const auto got = rig.ok(rig.call("get", "Supplier", "", nullptr, {{"id", id}}));
  CHECK(got["result"]["name"] == "Acme SUP-1");
  CHECK(got["result"]["tax_id"] == "DE123456789");

  create_supplier(rig, "SUP-2");
  create_supplier(rig, "SUP-3");
  const auto page1 = rig.ok(rig.call("list", "Supplier", "", nullptr, {{"limit", 2}}));
  CHECK(page1["result"]["items"].size() == 2);
  REQUIRE(page1["result"].contains("next_cursor"));
  const auto page2 = rig.ok(rig.call("list", "Supplier", "", nullptr, {{"limit", 2}, {"cursor", page1["result"]["next_cursor"]}}));
  CHECK(page2["result"]["items"].size() == 1);
  CHECK_FALSE(page2["result"].contains("next_cursor"));
}

TEST_CASE("429 over the vendor's rate is RATE_LIMITED with retry_after_ms", "[coupa][integration]") {
  coupa_rig rig;
  rig.settings({{"rate_limit.requests_per_second", 1}, {"rate_limit.burst", 1}, {"rate_limit.retry_after_seconds", 3}});
  bool limited = false;
  for (int i = 0; i < 4 && !limited; ++i) {
    const auto r = rig.call("list", "Supplier", "", nullptr, json::object());
    if (!r.ok) {
      CHECK(r.error->cls() == erpc::error_class::rate_limited);
      CHECK(r.error->retry_after_ms() == 3000);
      CHECK(r.error->effect() == erpc::effect::none);
      limited = true;
    }
  }
  CHECK(limited);
}

TEST_CASE("OAuth 2.0: a rotated client secret is picked up after one 401, scopes are enforced",
          "[coupa][integration]") {
  coupa_rig rig;
  create_supplier(rig);
  rig.settings({{"auth.client_secret", "rotated-secret"}});
  rig.set_client_secret("rotated-secret");
  // The connection's cached token was revoked with the old secret: one 401, a new token, ok.
  CHECK(rig.ok(rig.call("list", "Supplier", "", nullptr, json::object()))["result"]["items"].size() == 1);
  rig.open({{"scope", "core.supplier.read"}});
  const auto denied = rig.call("create", "Supplier", "sup-ro", supplier("SUP-9"));
  CHECK(rig.failed(denied).cls() == erpc::error_class::permission);
  CHECK(rig.effects("suppliers")["created"] == 1);
}
