// SPDX-License-Identifier: Apache-2.0
// The Business Central simulator over real HTTP (vendors.md §4; BANKING.md "Business Central"):
// Entra client credentials, vendors with their unique number, purchase invoices and credit
// memos created as drafts and posted by Microsoft.NAV.post (204), the duplicate vendor invoice
// number refused at create or only at post (setting), a lost reply to post, ETags, paging,
// the rate limit and OData v4 error bodies.
#include <erpc/adapters/exact_json.hpp>
#include <erpc/sim/business_central_simulator.hpp>
#include <erpc/sim/simulator_server.hpp>

#include <support/raw_http.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

namespace {

using nlohmann::json;
using erpc::testing::raw_http;
using erpc::testing::raw_http_response;

const std::string company = "5b3c4a58-2f1e-4c6a-9d0b-0a1b2c3d4e5f";
const std::string api = "/v2.0/production/api/v2.0/companies(" + company + ")";

struct bc_fixture {
  bc_fixture() : sim(erpc::sim::make_business_central_simulator()) {
    sim.start();
    token = fetch_token("erpc-sim-bc-secret");
    REQUIRE(!token.empty());
  }

  std::string fetch_token(const std::string& secret) {
    const auto r = raw_http(sim.port(), "POST", "/00000000-0000-0000-0000-0000000000aa/oauth2/v2.0/token",
                            {{"Content-Type", "application/x-www-form-urlencoded"}},
                            "grant_type=client_credentials&client_id=erpc-sim-bc-client&client_secret=" +
                                secret + "&scope=https%3A%2F%2Fapi.businesscentral.dynamics.com%2F.default");
    if (r.status != 200) return "";
    return json::parse(r.body).at("access_token").get<std::string>();
  }

  raw_http_response call(const std::string& method, const std::string& target,
                         const std::string& body = "", std::vector<std::pair<std::string, std::string>> extra = {}) {
    extra.emplace_back("Authorization", "Bearer " + token);
    extra.emplace_back("Host", "127.0.0.1:" + std::to_string(sim.port()));
    if (!body.empty()) extra.emplace_back("Content-Type", "application/json");
    return raw_http(sim.port(), method, target, extra, body);
  }

  json ok(const raw_http_response& r, int status) {
    INFO(r.body);
    REQUIRE(r.status == status);
    return r.body.empty() ? json() : erpc::adapters::parse_exact(r.body);
  }

  void set(const json& settings) {
    const auto r = raw_http(sim.port(), "PUT", "/_sim/settings", {{"Content-Type", "application/json"}},
                            settings.dump());
    REQUIRE(r.status == 200);
  }

  std::size_t effects(const std::string& type) {
    std::size_t n = 0;
    for (const auto& e : sim.context().effects().snapshot()) n += e.record_type == type;
    return n;
  }

  json vendor(const std::string& number) {
    return ok(call("POST", api + "/vendors", json{{"number", number}, {"displayName", "Fabrikam"}}.dump()), 201);
  }

  json invoice(const std::string& vendor_number, const std::string& reference) {
    return ok(call("POST", api + "/purchaseInvoices",
                   R"({"vendorNumber":")" + vendor_number + R"(","vendorInvoiceNumber":")" + reference +
                       R"(","invoiceDate":"2026-03-02","purchaseInvoiceLines":[{"lineType":"Account",)"
                       R"("lineObjectNumber":"6110","description":"Bearings","quantity":1,"directUnitCost":100.10,"taxCode":"VAT19"}]})"),
              201);
  }

  erpc::sim::simulator_server sim;
  std::string token;
};

std::string error_code(const raw_http_response& r) {
  return json::parse(r.body).at("error").at("code").get<std::string>();
}

}  // namespace

TEST_CASE("bc sim: API requests need a bearer from the token endpoint, a rotated secret voids it") {
  bc_fixture f;
  auto r = raw_http(f.sim.port(), "GET", api + "/vendors");
  CHECK(r.status == 401);
  CHECK(error_code(r) == "Authentication_InvalidCredentials");
  CHECK(f.fetch_token("wrong").empty());
  CHECK(f.call("GET", api + "/vendors").status == 200);
  f.set({{"auth.client_secret", "rotated"}});
  CHECK(f.call("GET", api + "/vendors").status == 401);
  f.token = f.fetch_token("rotated");
  CHECK(f.call("GET", api + "/vendors").status == 200);
}

TEST_CASE("bc sim: vendor numbers are unique (Internal_EntityWithSameKeyExists)") {
  bc_fixture f;
  const auto v = f.vendor("V100");
  CHECK(v.at("@odata.etag").get<std::string>().rfind("W/\"", 0) == 0);
  const auto again = f.call("POST", api + "/vendors", json{{"number", "V100"}}.dump());
  CHECK(again.status == 400);
  CHECK(error_code(again) == "Internal_EntityWithSameKeyExists");
  CHECK(f.effects("vendor") == 1);
  const auto longer = f.call("POST", api + "/vendors", json{{"number", std::string(21, 'X')}}.dump());
  CHECK(error_code(longer) == "Application_StringExceededLength");
}

TEST_CASE("bc sim: PATCH needs If-Match, a stale ETag is Request_EntityChanged") {
  bc_fixture f;
  const auto v = f.vendor("V200");
  const auto path = api + "/vendors(" + v["id"].get<std::string>() + ")";
  CHECK(error_code(f.call("PATCH", path, R"({"city":"Oslo"})")) == "BadRequest_InvalidToken");
  const auto etag = v["@odata.etag"].get<std::string>();
  const auto patched = f.ok(f.call("PATCH", path, R"({"city":"Oslo"})", {{"If-Match", etag}}), 200);
  CHECK(patched["city"] == "Oslo");
  const auto stale = f.call("PATCH", path, R"({"city":"Bergen"})", {{"If-Match", etag}});
  CHECK(stale.status == 409);
  CHECK(error_code(stale) == "Request_EntityChanged");
  f.set({{"etag.entity_changed_status", 412}});
  CHECK(f.call("PATCH", path, R"({"city":"Bergen"})", {{"If-Match", etag}}).status == 412);
}

TEST_CASE("bc sim: an invoice is a draft until Microsoft.NAV.post answers 204 and keeps its id") {
  bc_fixture f;
  f.vendor("V300");
  const auto draft = f.invoice("V300", "INV-1");
  CHECK(draft["status"] == "Draft");
  CHECK(erpc::adapters::dump_exact(draft["totalTaxAmount"]) == "19.02");
  CHECK(erpc::adapters::dump_exact(draft["totalAmountIncludingTax"]) == "119.12");
  CHECK(f.effects("purchInvHeader") == 0);
  const auto id = draft["id"].get<std::string>();
  const auto posted = f.call("POST", api + "/purchaseInvoices(" + id + ")/Microsoft.NAV.post");
  CHECK(posted.status == 204);
  CHECK(posted.body.empty());
  const auto read = f.ok(f.call("GET", api + "/purchaseInvoices(" + id + ")?$expand=purchaseInvoiceLines"), 200);
  CHECK(read["status"] == "Open");
  CHECK(read["purchaseInvoiceLines"].size() == 1);
  CHECK(f.effects("purchInvHeader") == 1);
  // Posting again (a retry after a lost 204) is refused and writes nothing.
  const auto twice = f.call("POST", api + "/purchaseInvoices(" + id + ")/Microsoft.NAV.post");
  CHECK(twice.status == 400);
  CHECK(f.effects("purchInvHeader") == 1);
  // A posted invoice cannot be deleted.
  CHECK(f.call("DELETE", api + "/purchaseInvoices(" + id + ")", "", {{"If-Match", "*"}}).status == 400);
}

TEST_CASE("bc sim: a duplicate vendorInvoiceNumber is refused only at post by default") {
  bc_fixture f;
  f.vendor("V400");
  const auto first = f.invoice("V400", "DUP-1");
  f.ok(f.call("POST", api + "/purchaseInvoices(" + first["id"].get<std::string>() + ")/Microsoft.NAV.post"), 204);
  const auto second = f.invoice("V400", "DUP-1");  // the draft is accepted
  const auto post = f.call("POST", api + "/purchaseInvoices(" + second["id"].get<std::string>() + ")/Microsoft.NAV.post");
  CHECK(post.status == 400);
  CHECK(error_code(post) == "Application_DialogException");
  CHECK(json::parse(post.body)["error"]["message"] == "Purchase Invoice DUP-1 already exists for this vendor.");
  CHECK(f.effects("purchInvHeader") == 1);
  // Read-back by the natural key finds the draft and the posted invoice.
  const auto found = f.ok(f.call("GET", api + "/purchaseInvoices?$filter=vendorInvoiceNumber%20eq%20'DUP-1'%20and%20vendorNumber%20eq%20'V400'"), 200);
  CHECK(found["value"].size() == 2);
  // The unposted draft can be deleted.
  CHECK(f.call("DELETE", api + "/purchaseInvoices(" + second["id"].get<std::string>() + ")", "",
               {{"If-Match", second["@odata.etag"].get<std::string>()}}).status == 204);
}

TEST_CASE("bc sim: with reject_at_create the duplicate draft itself is refused") {
  bc_fixture f;
  f.set({{"purchase.duplicate_vendor_invoice_number", "reject_at_create"}});
  f.vendor("V500");
  f.invoice("V500", "DUP-2");  // a draft is enough to block the next one
  const auto again = f.call("POST", api + "/purchaseInvoices",
                            R"({"vendorNumber":"V500","vendorInvoiceNumber":"DUP-2","invoiceDate":"2026-03-02"})");
  CHECK(again.status == 400);
  CHECK(error_code(again) == "Application_DialogException");
  CHECK(f.effects("purchaseHeader") == 1);
}

TEST_CASE("bc sim: credit memos are keyed by externalDocumentNumber and post to their own table") {
  bc_fixture f;
  f.vendor("V600");
  const auto cm = f.ok(f.call("POST", api + "/purchaseCreditMemos",
                              R"({"vendorNumber":"V600","externalDocumentNumber":"CM-1","creditMemoDate":"2026-03-04",)"
                              R"("purchaseCreditMemoLines":[{"lineObjectNumber":"6110","quantity":1,"directUnitCost":10.00,"taxCode":"VAT19"}]})"),
                       201);
  f.ok(f.call("POST", api + "/purchaseCreditMemos(" + cm["id"].get<std::string>() + ")/Microsoft.NAV.post"), 204);
  CHECK(f.effects("purchCrMemoHdr") == 1);
  CHECK(f.effects("purchInvHeader") == 0);
}

TEST_CASE("bc sim: server-driven paging with @odata.nextLink, $top honoured") {
  bc_fixture f;
  f.set({{"odata.page_size", 2}});
  for (int i = 0; i < 5; ++i) f.vendor("P" + std::to_string(i));
  auto page = f.ok(f.call("GET", api + "/vendors"), 200);
  std::size_t seen = page["value"].size();
  int pages = 1;
  while (page.contains("@odata.nextLink")) {
    const auto link = page["@odata.nextLink"].get<std::string>();
    page = f.ok(f.call("GET", link.substr(link.find("/v2.0/"))), 200);
    seen += page["value"].size();
    ++pages;
  }
  CHECK(seen == 5);
  CHECK(pages == 3);
  const auto top = f.ok(f.call("GET", api + "/vendors?$top=3"), 200);
  CHECK(top["value"].size() == 2);
  CHECK(top.contains("@odata.nextLink"));
}

TEST_CASE("bc sim: beyond the rate limit 429 Application_TooManyRequests, Retry-After as set") {
  bc_fixture f;
  f.set({{"rate_limit.requests", 2}, {"rate_limit.retry_after_seconds", 7}});
  CHECK(f.call("GET", api + "/vendors").status == 200);
  CHECK(f.call("GET", api + "/vendors").status == 200);
  const auto r = f.call("GET", api + "/vendors");
  CHECK(r.status == 429);
  CHECK(error_code(r) == "Application_TooManyRequests");
  CHECK(r.header("Retry-After") == "7");
}

TEST_CASE("bc sim: unknown company, property and vendor are OData v4 errors") {
  bc_fixture f;
  CHECK(error_code(f.call("GET", "/v2.0/production/api/v2.0/companies(00000000-0000-0000-0000-000000000000)/vendors")) ==
        "Internal_CompanyNotFound");
  CHECK(error_code(f.call("POST", api + "/vendors", R"({"colour":"red"})")) == "BadRequest");
  const auto r = f.call("POST", api + "/purchaseInvoices", R"({"vendorNumber":"NOPE","vendorInvoiceNumber":"X"})");
  CHECK(error_code(r) == "Internal_RecordNotFound");
  const auto companies = f.ok(f.call("GET", "/v2.0/production/api/v2.0/companies"), 200);
  CHECK(companies["value"][0]["id"] == company);
}

TEST_CASE("bc sim: a journal batch posts its balanced lines once, into G/L entries") {
  bc_fixture f;
  const auto j = f.ok(f.call("POST", api + "/journals", R"({"code":"EABC","displayName":"k-1"})"), 201);
  const auto id = j["id"].get<std::string>();
  CHECK(f.call("POST", api + "/journals", R"({"code":"EABC"})").status == 400);
  const auto lines = api + "/journals(" + id + ")/journalLines";
  f.ok(f.call("POST", lines, R"({"lineNumber":10000,"accountNumber":"6110","postingDate":"2026-03-31","documentNumber":"D1","amount":1000.00})"), 201);
  // Unbalanced: refused, nothing posted.
  const auto unbalanced = f.call("POST", api + "/journals(" + id + ")/Microsoft.NAV.post");
  CHECK(unbalanced.status == 400);
  CHECK(json::parse(unbalanced.body)["error"]["message"] == "The transaction is out of balance by 1000.00.");
  CHECK(f.effects("glRegister") == 0);
  // The same line number twice is the same key.
  CHECK(f.call("POST", lines, R"({"lineNumber":10000,"accountNumber":"2310","amount":-1000.00})").status == 400);
  f.ok(f.call("POST", lines, R"({"lineNumber":20000,"accountNumber":"2310","postingDate":"2026-03-31","documentNumber":"D1","amount":-1000.00})"), 201);
  CHECK(f.call("POST", api + "/journals(" + id + ")/Microsoft.NAV.post").status == 204);
  CHECK(f.effects("glRegister") == 1);
  CHECK(f.ok(f.call("GET", lines), 200)["value"].empty());  // posting empties the batch
  const auto entries = f.ok(f.call("GET", api + "/generalLedgerEntries?$filter=documentNumber%20eq%20'D1'"), 200);
  REQUIRE(entries["value"].size() == 2);
  CHECK(erpc::adapters::dump_exact(entries["value"][0]["debitAmount"]) == "1000.00");
  CHECK(erpc::adapters::dump_exact(entries["value"][1]["creditAmount"]) == "1000.00");
  // Nothing left to post: a repeated post writes nothing.
  CHECK(f.call("POST", api + "/journals(" + id + ")/Microsoft.NAV.post").status == 400);
  CHECK(f.effects("glRegister") == 1);
}

TEST_CASE("bc sim: a vendor payment journal posts against the in-transit account and closes what it pays") {
  bc_fixture f;
  f.vendor("V100");
  const auto inv = f.invoice("V100", "INV-P1");  // 100.10 + 19.02 = 119.12
  const auto inv_id = inv["id"].get<std::string>();
  CHECK(f.call("POST", api + "/purchaseInvoices(" + inv_id + ")/Microsoft.NAV.post").status == 204);
  const auto posted = f.ok(f.call("GET", api + "/purchaseInvoices(" + inv_id + ")"), 200);
  CHECK(erpc::adapters::dump_exact(posted["remainingAmount"]) == "119.12");
  const auto j = f.ok(f.call("POST", api + "/vendorPaymentJournals",
                             R"({"code":"PABC","balancingAccountNumber":"2920"})"), 201);
  const auto jid = j["id"].get<std::string>();
  CHECK(f.call("POST", api + "/vendorPaymentJournals", R"({"code":"PABC"})").status == 400);
  // A line without journalId, or applied to an invoice that does not exist, is refused.
  CHECK(f.call("POST", api + "/vendorPayments", R"({"vendorNumber":"V100","amount":1})").status == 400);
  CHECK(f.call("POST", api + "/vendorPayments",
               R"({"journalId":")" + jid + R"(","vendorNumber":"V100","amount":1,"appliesToInvoiceNumber":"108999"})")
            .status == 400);
  // A partial payment: 100.00 of 119.12.
  const auto line = f.ok(f.call("POST", api + "/vendorPayments",
                                R"({"journalId":")" + jid + R"(","lineNumber":10000,"vendorNumber":"V100",)"
                                R"("postingDate":"2026-04-01","documentNumber":"P1","amount":100.00,)"
                                R"("appliesToInvoiceId":")" + inv_id + R"("})"),
                         201);
  CHECK(line["appliesToInvoiceNumber"] == posted["number"]);
  CHECK(f.ok(f.call("GET", api + "/vendorPaymentJournals(" + jid + ")/vendorPayments"), 200)["value"].size() == 1);
  CHECK(f.call("POST", api + "/vendorPaymentJournals(" + jid + ")/Microsoft.NAV.post").status == 204);
  CHECK(f.effects("vendLedgEntry") == 1);
  auto after = f.ok(f.call("GET", api + "/purchaseInvoices(" + inv_id + ")"), 200);
  CHECK(erpc::adapters::dump_exact(after["remainingAmount"]) == "19.12");
  CHECK(after["status"] == "Open");
  const auto entries = f.ok(f.call("GET", api + "/generalLedgerEntries?$filter=documentNumber%20eq%20'P1'"), 200);
  REQUIRE(entries["value"].size() == 2);
  CHECK(entries["value"][0]["accountNumber"] == "5410");
  CHECK(erpc::adapters::dump_exact(entries["value"][0]["debitAmount"]) == "100.00");
  CHECK(entries["value"][1]["accountNumber"] == "2920");
  CHECK(erpc::adapters::dump_exact(entries["value"][1]["creditAmount"]) == "100.00");
  // The batch is empty: a second post writes nothing.
  CHECK(f.call("POST", api + "/vendorPaymentJournals(" + jid + ")/Microsoft.NAV.post").status == 400);
  CHECK(f.effects("vendLedgEntry") == 1);
  // The rest (and more: the excess stays unapplied) closes the invoice: status Paid.
  f.ok(f.call("POST", api + "/vendorPaymentJournals(" + jid + ")/vendorPayments",
              R"({"vendorNumber":"V100","postingDate":"2026-04-02","documentNumber":"P2","amount":20.00,)"
              R"("appliesToInvoiceNumber":")" + posted["number"].get<std::string>() + R"("})"),
       201);
  CHECK(f.call("POST", api + "/vendorPaymentJournals(" + jid + ")/Microsoft.NAV.post").status == 204);
  after = f.ok(f.call("GET", api + "/purchaseInvoices(" + inv_id + ")"), 200);
  CHECK(erpc::adapters::dump_exact(after["remainingAmount"]) == "0.00");
  CHECK(after["status"] == "Paid");
  // A payment applied to a paid invoice is refused at post, nothing written.
  f.ok(f.call("POST", api + "/vendorPaymentJournals(" + jid + ")/vendorPayments",
              R"({"vendorNumber":"V100","postingDate":"2026-04-03","documentNumber":"P3","amount":1.00,)"
              R"("appliesToInvoiceId":")" + inv_id + R"("})"),
       201);
  CHECK(error_code(f.call("POST", api + "/vendorPaymentJournals(" + jid + ")/Microsoft.NAV.post")) ==
        "Application_DialogException");
  CHECK(f.effects("vendLedgEntry") == 2);
}

TEST_CASE("bc sim: reversal of a posted vendor payment is a setting, off by default") {
  bc_fixture f;
  f.vendor("V200");
  const auto inv_id = f.invoice("V200", "INV-R1")["id"].get<std::string>();
  f.ok(f.call("POST", api + "/purchaseInvoices(" + inv_id + ")/Microsoft.NAV.post"), 204);
  const auto jid = f.ok(f.call("POST", api + "/vendorPaymentJournals",
                               R"({"code":"PREV","balancingAccountNumber":"2920"})"), 201)["id"].get<std::string>();
  f.ok(f.call("POST", api + "/vendorPaymentJournals(" + jid + ")/vendorPayments",
              R"({"vendorNumber":"V200","postingDate":"2026-04-01","documentNumber":"R1","amount":119.12,)"
              R"("appliesToInvoiceId":")" + inv_id + R"("})"),
       201);
  f.ok(f.call("POST", api + "/vendorPaymentJournals(" + jid + ")/Microsoft.NAV.post"), 204);
  CHECK(f.ok(f.call("GET", api + "/purchaseInvoices(" + inv_id + ")"), 200)["status"] == "Paid");
  const std::string reverse = api + "/vendorPaymentJournals(" + jid + ")/Microsoft.NAV.reverse";
  CHECK(f.call("POST", reverse, R"({"documentNumber":"R1"})").status == 404);
  f.set({{"payments.reversal", "bound_action"}});
  CHECK(f.call("POST", reverse, R"({"documentNumber":"R1"})").status == 204);
  const auto reopened = f.ok(f.call("GET", api + "/purchaseInvoices(" + inv_id + ")"), 200);
  CHECK(reopened["status"] == "Open");
  CHECK(erpc::adapters::dump_exact(reopened["remainingAmount"]) == "119.12");
  CHECK(f.ok(f.call("GET", api + "/generalLedgerEntries?$filter=documentNumber%20eq%20'R1'"), 200)["value"].size() == 4);
  CHECK(error_code(f.call("POST", reverse, R"({"documentNumber":"R1"})")) == "Application_DialogException");
}
