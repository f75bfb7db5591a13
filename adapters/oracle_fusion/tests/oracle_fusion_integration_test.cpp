// SPDX-License-Identifier: Apache-2.0
// The Oracle Fusion adapter end to end: driven through erpc::testing::fake_host, whose HTTP goes
// to the host's real HTTP service and on to the Oracle Fusion simulator in a child process.
// What happened at "Fusion" is counted through /_sim/effects (every create and update), so a
// duplicate or a silent overwrite fails the test. ARCHITECTURE §6 R1, R2, R4, R5b; credit
// memos; payments and their void; OAuth 2.0; journals refused.
#include <erpc/adapters/testing/sim_rig.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <atomic>

extern "C" const erpc_adapter_entry_v1 erpc_adapter_entry;

namespace {

using nlohmann::json;

class fusion_rig : public erpc::adapters::testing::sim_rig {
 public:
  explicit fusion_rig(json extra_config = json::object()) : sim_rig("oracle_fusion", erpc_adapter_entry) {
    open(std::move(extra_config));
  }

  // A new fake host and connection: no memory of earlier calls (R5b: no ledger, no cache).
  void open(json extra_config = json::object()) {
    json config = {{"base_url", sim().base_url()},
                   {"auth_method", "basic"},
                   {"user", "env:FUSION_USER"},
                   {"password", "env:FUSION_PASSWORD"},
                   {"default_business_unit", "Vision Operations"},
                   {"supplier_site", "ERPC"},
                   {"value_maps",
                    {{"business_units", {{"DE01", "Vision Germany"}}},
                     {"accounts", {{"5400", "01-000-5400-0000-000"}}},
                     {"tax_codes", {{"DE19", "DE VAT 19"}}},
                     {"bank_accounts", {{"1361", "Vision Germany Operating"}}}}}};
    config.update(extra_config);
    sim_rig::open({{"env:FUSION_USER", "sim.fusion.user"},
                   {"env:FUSION_PASSWORD", password_},
                   {"env:FUSION_CLIENT", "sim-fusion-client"},
                   {"env:FUSION_CLIENT_SECRET", client_secret_}},
                  config, [this](const erpc::http_request& req, const erpc_call_v1* call) {
                    auto res = forward(req, call);
                    for (const auto& [name, value] : req.headers) {
                      if (name == "Upsert-Mode") ++upsert_headers_;
                    }
                    if (req.method != "GET" && lose_next_write_reply_.exchange(false)) {
                      return erpc::adapters::testing::lost_reply();  // committed by Fusion (R4)
                    }
                    return res;
                  });
  }

  void lose_next_write_reply() { lose_next_write_reply_ = true; }
  int upsert_headers() const { return upsert_headers_; }
  void set_password(const std::string& p) { password_ = p; host().secrets().set("env:FUSION_PASSWORD", p); }
  void set_client_secret(const std::string& s) {
    client_secret_ = s;
    host().secrets().set("env:FUSION_CLIENT_SECRET", s);
  }

 private:
  std::string password_ = "sim-fusion-password";
  std::string client_secret_ = "sim-fusion-client-secret";
  std::atomic<bool> lose_next_write_reply_{false};
  std::atomic<int> upsert_headers_{0};
};

json money(const std::string& a) { return {{"amount", a}, {"currency", "EUR"}}; }

json supplier(const std::string& number) {
  return {{"external_refs", json::object()}, {"source", {{"system", "test"}}},
          {"name", "Acme " + number}, {"number", number}, {"legal_entity", "DE01"}};
}

json invoice(const std::string& number, const std::string& net, const std::string& tax,
             const std::string& gross, const char* type = "invoice") {
  return {{"external_refs", json::object()},
          {"source", {{"system", "test"}}},
          {"document_type", type},
          {"direction", "payable"},
          {"legal_entity", "DE01"},
          {"supplier", {{"number", "SUP-1"}}},
          {"invoice_number", number},
          {"invoice_date", "2026-03-02"},
          {"currency", "EUR"},
          {"lines", {{{"account", "5400"}, {"tax_code", "DE19"}, {"description", "Bearings"},
                      {"net", money(net)}, {"tax", money(tax)}, {"gross", money(gross)}}}},
          {"totals", {{"net", money(net)}, {"tax", money(tax)}, {"gross", money(gross)}}}};
}

json payment(const std::string& number, const std::string& amount, const std::string& invoice_number) {
  return {{"external_refs", json::object()}, {"source", {{"system", "test"}}}, {"direction", "outbound"},
          {"legal_entity", "DE01"}, {"document_number", number}, {"amount", money(amount)},
          {"requested_execution_date", "2026-03-10"}, {"creditor", {{"number", "SUP-1"}}},
          {"clearing_account", "1361"},
          {"applications", {{{"document_type", "invoice"}, {"document", {{"number", invoice_number}}},
                             {"amount", money(amount)}}}}};
}

std::string create_supplier(fusion_rig& rig, const std::string& number = "SUP-1") {
  return rig.ok(rig.call("create", "Supplier", "sup-" + number, supplier(number)))["result"]["id"];
}

}  // namespace

TEST_CASE("R1/R5b: the same invoice again replays the first, also on a fresh connection",
          "[oracle_fusion][integration]") {
  fusion_rig rig;
  create_supplier(rig);
  const auto first = rig.ok(rig.call("create", "Invoice", "inv-1", invoice("AC-1", "100.10", "19.02", "119.12")));
  CHECK(first["replayed"] == false);
  const std::string id = first["result"]["id"];
  CHECK(first["result"]["external_refs"]["oracle_fusion"] == id);

  const auto again = rig.ok(rig.call("create", "Invoice", "inv-1", invoice("AC-1", "100.10", "19.02", "119.12")));
  CHECK(again["replayed"] == true);
  CHECK(again["result"]["id"] == id);
  rig.open();
  const auto retried = rig.ok(rig.call("create", "Invoice", "inv-1",
                                       invoice("AC-1", "100.10", "19.02", "119.12"), 2, "unknown"));
  CHECK(retried["replayed"] == true);
  CHECK(retried["result"]["id"] == id);

  const auto fx = rig.effects("invoices");
  CHECK(fx["created"] == 1);
  CHECK(fx["updated"] == 0);

  // get by the InvoiceId (found through the collection: the item key is a hash key, §3.1).
  const auto got = rig.ok(rig.call("get", "Invoice", "", {{"id", id}}));
  CHECK(got["result"]["totals"]["gross"] == money("119.12"));
  CHECK(got["result"]["lines"][0]["tax"] == money("19.02"));
  CHECK(got["result"]["invoice_number"] == "AC-1");
  CHECK(got["result"]["legal_entity"] == "DE01");
}

TEST_CASE("R2: a changed invoice under the natural key is IDEMPOTENCY_KEY_REUSE, nothing written, "
          "even where Fusion would upsert", "[oracle_fusion][integration]") {
  fusion_rig rig;
  create_supplier(rig);
  rig.ok(rig.call("create", "Invoice", "inv-2", invoice("AC-2", "100.00", "19.00", "119.00")));
  rig.settings({{"upsert_mode.behaviour", "update_match"}, {"invoices.duplicate_status", 409}});
  for (int attempt : {1, 2}) {
    const auto r = rig.call("create", "Invoice", "inv-2", invoice("AC-2", "100.00", "19.01", "119.01"),
                            attempt, attempt > 1 ? "unknown" : nullptr);
    REQUIRE_FALSE(r.ok);
    CHECK(r.error->cls() == erpc::error_class::idempotency_key_reuse);
    CHECK(r.error->code() == "oracle_fusion.key_reuse");
    CHECK(r.error->effect() == erpc::effect::none);
  }
  const auto fx = rig.effects("invoices");
  CHECK(fx["created"] == 1);
  CHECK(fx["updated"] == 0);
  CHECK(rig.upsert_headers() == 0);  // Upsert-Mode is never sent (BANKING.md)
}

TEST_CASE("R4: a lost reply is OUTCOME_UNKNOWN, the retry finds the invoice and replays",
          "[oracle_fusion][integration]") {
  fusion_rig rig;
  create_supplier(rig);
  rig.lose_next_write_reply();
  const auto lost = rig.call("create", "Invoice", "inv-4", invoice("AC-4", "10.00", "1.90", "11.90"));
  REQUIRE_FALSE(lost.ok);
  CHECK(lost.error->cls() == erpc::error_class::outcome_unknown);
  CHECK(lost.error->effect() == erpc::effect::possible);
  const auto retry = rig.ok(rig.call("create", "Invoice", "inv-4", invoice("AC-4", "10.00", "1.90", "11.90"), 2, "unknown"));
  CHECK(retry["replayed"] == true);
  CHECK(rig.effects("invoices")["created"] == 1);
}

TEST_CASE("a credit note is a negative Credit Memo in Fusion and positive in the contract",
          "[oracle_fusion][integration]") {
  fusion_rig rig;
  create_supplier(rig);
  const auto made = rig.ok(rig.call("create", "Invoice", "cm-1", invoice("CM-1", "10.00", "1.90", "11.90", "credit_note")));
  const auto got = rig.ok(rig.call("get", "Invoice", "", {{"id", made["result"]["id"]}}));
  CHECK(got["result"]["document_type"] == "credit_note");
  CHECK(got["result"]["totals"]["gross"] == money("11.90"));
  CHECK(got["result"]["lines"][0]["net"] == money("10.00"));
  const auto replay = rig.ok(rig.call("create", "Invoice", "cm-1", invoice("CM-1", "10.00", "1.90", "11.90", "credit_note")));
  CHECK(replay["replayed"] == true);
}

TEST_CASE("suppliers: created with their site, replayed by name, listed and updated",
          "[oracle_fusion][integration]") {
  fusion_rig rig;
  const auto id = create_supplier(rig, "SUP-1");
  const auto again = rig.ok(rig.call("create", "Supplier", "sup-other-key", supplier("SUP-1")));
  CHECK(again["replayed"] == true);
  CHECK(again["result"]["id"] == id);
  create_supplier(rig, "SUP-2");
  CHECK(rig.effects("suppliers")["created"] == 2);
  CHECK(rig.effects("supplierSites")["created"] == 2);

  const auto page = rig.ok(rig.call("list", "Supplier", "", {{"limit", 1}}));
  CHECK(page["result"]["items"].size() == 1);
  CHECK(page["result"]["items"][0]["legal_entity"] == "DE01");
  REQUIRE(page["result"].contains("next_cursor"));
  const auto next = rig.ok(rig.call("list", "Supplier", "", {{"limit", 1}, {"cursor", page["result"]["next_cursor"]}}));
  CHECK(next["result"]["items"].size() == 1);
  CHECK_FALSE(next["result"].contains("next_cursor"));

  auto renamed = supplier("SUP-1");
  renamed["tax_id"] = "DE999";
  renamed["external_refs"] = {{"oracle_fusion", id}};
  CHECK(rig.ok(rig.call("update", "Supplier", "upd-1", renamed))["replayed"] == false);
  CHECK(rig.ok(rig.call("update", "Supplier", "upd-1", renamed))["replayed"] == true);
  CHECK(rig.effects("suppliers")["updated"] == 1);
  CHECK(rig.ok(rig.call("get", "Supplier", "", {{"id", id}}))["result"]["tax_id"] == "DE999");
}

TEST_CASE("payments: a manual payment replays by number, void reopens, a void replays",
          "[oracle_fusion][integration]") {
  fusion_rig rig;
  create_supplier(rig);
  rig.ok(rig.call("create", "Invoice", "inv-p", invoice("AC-P", "100.00", "19.00", "119.00")));
  const auto paid = rig.ok(rig.call("create", "Payment", "pay-1", payment("9001", "119.00", "AC-P")));
  const std::string id = paid["result"]["id"];
  rig.open();
  CHECK(rig.ok(rig.call("create", "Payment", "pay-1", payment("9001", "119.00", "AC-P"), 2, "unknown"))["replayed"] == true);
  // The invoice is paid: another payment for it is refused, not made twice.
  const auto twice = rig.call("create", "Payment", "pay-2", payment("9002", "119.00", "AC-P"));
  REQUIRE_FALSE(twice.ok);
  CHECK(twice.error->cls() == erpc::error_class::validation);

  const auto voided = rig.ok(rig.call("cancel", "Payment", "void-1", {{"id", id}}));
  CHECK(voided["replayed"] == false);
  CHECK(voided["result"]["notes"].get<std::string>().rfind("Voided in Oracle Fusion", 0) == 0);
  CHECK(rig.ok(rig.call("cancel", "Payment", "void-1", {{"id", id}}))["replayed"] == true);
  // Reopened by the void: it can be paid again.
  rig.ok(rig.call("create", "Payment", "pay-2", payment("9002", "119.00", "AC-P")));
  const auto fx = rig.effects("payablesPayments");
  CHECK(fx["created"] == 2);
  CHECK(fx["updated"] == 1);
  const auto got = rig.ok(rig.call("get", "Payment", "", {{"id", id}}));
  CHECK(got["result"]["amount"] == money("119.00"));
  CHECK(got["result"]["applications"][0]["document"]["number"] == "AC-P");
}

TEST_CASE("OAuth 2.0 client credentials: a token is fetched, and fetched again after a 401",
          "[oracle_fusion][integration]") {
  fusion_rig rig({{"auth_method", "oauth2"}, {"client_id", "env:FUSION_CLIENT"},
                  {"client_secret", "env:FUSION_CLIENT_SECRET"}});
  rig.settings({{"auth.mode", "oauth2"}});
  create_supplier(rig);
  // The secret is rotated at the identity domain and in the secret store: the old token is
  // refused, the adapter fetches a new one once and the call succeeds.
  rig.settings({{"auth.client_secret", "rotated-secret"}});
  rig.set_client_secret("rotated-secret");
  rig.ok(rig.call("create", "Invoice", "inv-o", invoice("AC-O", "1.00", "0.19", "1.19")));
  // A wrong secret is AUTHENTICATION, with no secret in the message.
  rig.settings({{"auth.client_secret", "another"}});
  const auto refused = rig.call("create", "Invoice", "inv-o2", invoice("AC-O2", "1.00", "0.19", "1.19"));
  REQUIRE_FALSE(refused.ok);
  CHECK(refused.error->cls() == erpc::error_class::authentication);
  CHECK(refused.error->code() == "oracle_fusion.oauth_token_refused");
  CHECK(refused.error->message().find("rotated-secret") == std::string::npos);
}

TEST_CASE("Basic: a rotated password is picked up after one 401", "[oracle_fusion][integration]") {
  fusion_rig rig;
  create_supplier(rig);
  rig.settings({{"auth.password", "new-password"}});
  rig.set_password("new-password");
  rig.ok(rig.call("create", "Invoice", "inv-b", invoice("AC-B", "1.00", "0.19", "1.19")));
}

TEST_CASE("a field Fusion refuses comes back as VALIDATION with the payload's pointer",
          "[oracle_fusion][integration]") {
  fusion_rig rig;
  create_supplier(rig);
  rig.settings({{"invoices.check_supplier_site", true}});
  auto p = invoice("AC-V", "1.00", "0.19", "1.19");
  p["supplier"] = {{"name", "Nobody"}};
  const auto r = rig.call("create", "Invoice", "inv-v", p);
  REQUIRE_FALSE(r.ok);
  CHECK(r.error->cls() == erpc::error_class::validation);
  REQUIRE_FALSE(r.error->field_errors().empty());
  CHECK(r.error->field_errors()[0].pointer == "/supplier");
  CHECK(rig.effects("invoices")["created"] == 0);
}

TEST_CASE("journals are UNSUPPORTED with the reason", "[oracle_fusion][integration]") {
  fusion_rig rig;
  const auto r = rig.call("create", "JournalEntry", "j-1", json{{"external_refs", json::object()}});
  REQUIRE_FALSE(r.ok);
  CHECK(r.error->cls() == erpc::error_class::unsupported);
  CHECK(r.error->code() == "oracle_fusion.journal_unsupported");
}
