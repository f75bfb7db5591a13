// SPDX-License-Identifier: Apache-2.0
// The canonical ↔ BILL mappings both directions (exact amounts, top-level vs nested invoice
// fields, the key in the memo), the comparison a read-back makes, the configuration check and
// the per-organisation request limiter.
#include "bill_config.hpp"
#include "key_memo.hpp"
#include "mass_payment.hpp"
#include "read_back_create.hpp"
#include "record_mapping.hpp"
#include "request_limiter.hpp"

#include <erpc/adapters/exact_json.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <atomic>
#include <thread>

namespace {

using erpc::error_class;
using nlohmann::json;

erpc::bill::connection_config config(erpc::bill::invoice_fields shape = erpc::bill::invoice_fields::top_level) {
  auto c = erpc::bill::parse_config({{"base_url", "http://127.0.0.1:1"},
                                     {"username", "env:BILL_USER"},
                                     {"password", "env:BILL_PASSWORD"},
                                     {"dev_key", "env:BILL_DEV_KEY"},
                                     {"organization_id", "00801SIMORG0001"},
                                     {"legal_entity", "US01"},
                                     {"value_maps",
                                      {{"accounts", {{"6100", "0ca01SIMCOA000006100"}}},
                                       {"bank_accounts", {{"1010", "bac01SIMOPERATING01"}}}}}});
  c.invoice_shape = shape;
  return c;
}

json money(const std::string& a) { return {{"amount", a}, {"currency", "USD"}}; }

json invoice() {
  return {{"external_refs", json::object()}, {"source", {{"system", "test"}}},
          {"document_type", "invoice"}, {"direction", "payable"}, {"legal_entity", "US01"},
          {"supplier", {{"name", "Acme"}}}, {"invoice_number", "INV-1"},
          {"invoice_date", "2026-03-02"}, {"due_date", "2026-04-01"}, {"currency", "USD"},
          {"notes", "March bearings"},
          {"lines", {{{"account", "6100"}, {"description", "Bearings"}, {"net", money("100.10")},
                      {"tax", money("0.00")}, {"gross", money("100.10")}},
                     {{"description", "Sales tax"}, {"net", money("8.26")}, {"tax", money("0")},
                      {"gross", money("8.26")}}}},
          {"totals", {{"net", money("108.36")}, {"tax", money("0.00")}, {"gross", money("108.36")}}}};
}

erpc::bill::mapping_context context(const erpc::bill::connection_config& c) {
  return {c, "k-1",
          [](const json& party, const std::string&) -> std::string {
            return party.value("name", "") == "Acme" ? "00901SIM000000000001" : "";
          },
          [](const json&, const std::string&, const std::string&) {
            return json{{"id", "00n01SIM000000000009"}, {"vendorId", "00901SIM000000000001"}};
          }};
}

erpc::error_class class_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const erpc::error& e) {
    return e.cls();
  }
  FAIL("no error thrown");
  return error_class::internal;
}

}  // namespace

TEST_CASE("an invoice becomes a bill with exact line amounts and the key in the memo", "[bill][mapping]") {
  const auto c = config();
  auto ctx = context(c);
  const auto m = erpc::bill::make_bill_mapping();
  const auto body = m->to_vendor(invoice(), ctx);
  CHECK(body["vendorId"] == "00901SIM000000000001");
  CHECK(body["invoiceNumber"] == "INV-1");
  CHECK(body["invoiceDate"] == "2026-03-02");
  CHECK_FALSE(body.contains("invoice"));
  CHECK(body["dueDate"] == "2026-04-01");
  CHECK(erpc::adapters::dump_exact(body["billLineItems"][0]["amount"]) == "100.10");
  CHECK(body["billLineItems"][0]["chartOfAccountId"] == "0ca01SIMCOA000006100");
  CHECK_FALSE(body["billLineItems"][1].contains("chartOfAccountId"));
  CHECK(body["description"] == "March bearings [erpc:k-1]");

  // Read back: the memo gives the notes again; amounts stay exact strings.
  json record = body;
  record["id"] = "00n01SIM000000000001";
  record["amount"] = erpc::adapters::make_decimal(*erpc::decimal::parse("108.36"));
  const auto doc = m->from_vendor(erpc::adapters::parse_exact(erpc::adapters::dump_exact(record)), c);
  CHECK(doc["id"] == "00n01SIM000000000001");
  CHECK(doc["external_refs"]["bill"] == "00n01SIM000000000001");
  CHECK(doc["supplier"]["external_refs"]["bill"] == "00901SIM000000000001");
  CHECK(doc["lines"][0]["gross"] == money("100.10"));
  CHECK(doc["lines"][0]["account"] == "6100");
  CHECK(doc["totals"]["gross"] == money("108.36"));
  CHECK(doc["notes"] == "March bearings");
  CHECK(doc["legal_entity"] == "US01");
  CHECK(doc["due_date"] == "2026-04-01");
}

TEST_CASE("the invoice fields go into an `invoice` object when the connection says nested", "[bill][mapping]") {
  const auto c = config(erpc::bill::invoice_fields::nested);
  auto ctx = context(c);
  const auto m = erpc::bill::make_bill_mapping();
  const auto body = m->to_vendor(invoice(), ctx);
  CHECK_FALSE(body.contains("invoiceNumber"));
  CHECK(body["invoice"]["invoiceNumber"] == "INV-1");
  CHECK(body["invoice"]["invoiceDate"] == "2026-03-02");
  const auto filters = m->natural_filters(body, c);
  REQUIRE(filters.size() == 2);
  CHECK(filters[1].first == "invoice.invoiceNumber");
  CHECK(filters[1].second == "INV-1");
  // A record read in either shape compares equal to the body.
  json top = body;
  top.erase("invoice");
  top["invoiceNumber"] = "INV-1";
  top["invoiceDate"] = "2026-03-02";
  CHECK(erpc::bill::differing_fields(*m, body, top).empty());
}

TEST_CASE("what BILL cannot carry is refused - never dropped", "[bill][mapping]") {
  const auto c = config();
  auto ctx = context(c);
  const auto m = erpc::bill::make_bill_mapping();
  auto taxed = invoice();
  taxed["lines"][0]["tax"] = money("19.02");
  taxed["lines"][0]["gross"] = money("119.12");
  CHECK(class_of([&] { (void)m->to_vendor(taxed, ctx); }) == error_class::unsupported);
  auto credit = invoice();
  credit["document_type"] = "credit_note";
  CHECK(class_of([&] { (void)m->to_vendor(credit, ctx); }) == error_class::unsupported);
  auto euro = invoice();
  euro["currency"] = "EUR";
  CHECK(class_of([&] { (void)m->to_vendor(euro, ctx); }) == error_class::validation);
  auto wrong_total = invoice();
  wrong_total["totals"]["gross"] = money("108.37");
  CHECK(class_of([&] { (void)m->to_vendor(wrong_total, ctx); }) == error_class::validation);
  auto no_due = invoice();
  no_due.erase("due_date");
  try {
    (void)m->to_vendor(no_due, ctx);
    FAIL("accepted without a due date");
  } catch (const erpc::error& e) {
    REQUIRE_FALSE(e.field_errors().empty());
    CHECK(e.field_errors()[0].pointer == "/due_date");
  }
  auto unmapped = invoice();
  unmapped["lines"][0]["account"] = "9999";
  CHECK(class_of([&] { (void)m->to_vendor(unmapped, ctx); }) == error_class::validation);
}

TEST_CASE("a read-back compares amounts exactly - whatever their scale", "[bill][mapping]") {
  const auto c = config();
  auto ctx = context(c);
  const auto m = erpc::bill::make_bill_mapping();
  const auto body = m->to_vendor(invoice(), ctx);
  auto found = erpc::adapters::parse_exact(erpc::adapters::dump_exact(body));
  found["billLineItems"][0]["amount"] = erpc::adapters::make_decimal(*erpc::decimal::parse("100.1000"));
  CHECK(erpc::bill::differing_fields(*m, body, found).empty());
  found["billLineItems"][0]["amount"] = erpc::adapters::make_decimal(*erpc::decimal::parse("100.11"));
  const auto diff = erpc::bill::differing_fields(*m, body, found);
  CHECK(diff == std::vector<std::string>{"amount", "lineAmounts"});
  found = body;
  found["invoiceDate"] = "2026-03-03";
  CHECK(erpc::bill::differing_fields(*m, body, found) == std::vector<std::string>{"invoiceDate"});
}

TEST_CASE("a payment pays one bill from the mapped funding account - the key in the memo", "[bill][mapping]") {
  const auto c = config();
  auto ctx = context(c);
  const auto m = erpc::bill::make_payment_mapping();
  const json p = {{"external_refs", json::object()}, {"source", {{"system", "test"}}},
                  {"direction", "outbound"}, {"amount", money("108.36")},
                  {"requested_execution_date", "2026-03-10"}, {"clearing_account", "1010"},
                  {"creditor", {{"name", "Acme"}}},
                  {"applications", {{{"document_type", "invoice"}, {"document", {{"number", "INV-1"}}},
                                     {"amount", money("108.36")}}}}};
  const auto body = m->to_vendor(p, ctx);
  CHECK(body["billId"] == "00n01SIM000000000009");
  CHECK(erpc::adapters::dump_exact(body["amount"]) == "108.36");
  CHECK(body["processDate"] == "2026-03-10");
  CHECK(body["fundingAccount"] == json{{"type", "BANK_ACCOUNT"}, {"id", "bac01SIMOPERATING01"}});
  CHECK(body["description"] == "[erpc:k-1]");
  CHECK(m->bound_to_key());
  CHECK(m->natural_filters(body, c) == erpc::bill::filter_list{{"billId", "00n01SIM000000000009"}});

  json record = erpc::adapters::parse_exact(erpc::adapters::dump_exact(body));
  record["id"] = "stp01SIM000000000001";
  record["vendorId"] = "00901SIM000000000001";
  const auto doc = m->from_vendor(record, c);
  CHECK(doc["amount"] == money("108.36"));
  CHECK(doc["clearing_account"] == "1010");
  CHECK(doc["applications"][0]["document"]["external_refs"]["bill"] == "00n01SIM000000000009");
  CHECK_FALSE(doc.contains("notes"));

  auto two = p;
  two["applications"].push_back(p["applications"][0]);
  CHECK(class_of([&] { (void)m->to_vendor(two, ctx); }) == error_class::unsupported);
  auto mismatch = p;
  mismatch["applications"][0]["amount"] = money("100.00");
  CHECK(class_of([&] { (void)m->to_vendor(mismatch, ctx); }) == error_class::validation);
}

TEST_CASE("the key memo round-trips and leaves notes alone", "[bill][mapping]") {
  using namespace erpc::bill;
  CHECK(memo_with_key("", "abc-1") == "[erpc:abc-1]");
  CHECK(key_in_memo("Rent [erpc:abc-1]") == std::optional<std::string>("abc-1"));
  CHECK(notes_of_memo("Rent [erpc:abc-1]") == "Rent");
  CHECK_FALSE(key_in_memo("Rent").has_value());
  CHECK_FALSE(key_in_memo("[erpc:]").has_value());
  CHECK(notes_of_memo("Rent [see note]") == "Rent [see note]");
  CHECK(key_in_memo(memo_with_key("a [erpc:x] b", "y")) == std::optional<std::string>("y"));
}

TEST_CASE("the configuration refuses plain secrets without echoing them", "[bill][config]") {
  try {
    (void)erpc::bill::parse_config({{"base_url", "http://x"}, {"username", "env:U"}, {"password", "hunter2"},
                                    {"dev_key", "env:K"}, {"organization_id", "o"}});
    FAIL("a plain password was accepted");
  } catch (const erpc::error& e) {
    CHECK(e.cls() == error_class::configuration);
    CHECK(e.code() == "bill.config");
    CHECK(e.message().find("hunter2") == std::string::npos);
    REQUIRE_FALSE(e.field_errors().empty());
    CHECK(e.field_errors()[0].pointer == "/password");
  }
  CHECK(class_of([] {
          (void)erpc::bill::parse_config({{"base_url", "http://x/path"}, {"username", "env:U"}, {"password", "env:P"},
                                          {"dev_key", "env:K"}, {"organization_id", "o"},
                                          {"max_concurrent_requests", 4}});
        }) == error_class::configuration);
  const auto c = erpc::bill::parse_config({{"base_url", "http://x"}, {"username", "env:U"}, {"password", "env:P"},
                                           {"dev_key", "env:K"}, {"organization_id", "o"},
                                           {"invoice_fields", "nested"}});
  CHECK(c.invoice_shape == erpc::bill::invoice_fields::nested);
  CHECK(c.max_concurrent_requests == 3);
  CHECK(c.currency == "USD");
}

TEST_CASE("the request limiter keeps an organisation at its cap and gives up at the deadline",
          "[bill][limiter]") {
  auto limiter = erpc::bill::request_limiter::for_organization("limiter-test-org");
  CHECK(limiter == erpc::bill::request_limiter::for_organization("limiter-test-org"));
  std::atomic<int> peak{0};
  std::atomic<int> now{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      const auto slot = limiter->acquire(3, 5000);
      const int mine = ++now;
      int seen = peak.load();
      while (mine > seen && !peak.compare_exchange_weak(seen, mine)) {
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(30));
      --now;
    });
  }
  for (auto& t : threads) t.join();
  CHECK(peak.load() == 3);
  CHECK(limiter->in_flight() == 0);

  const auto a = limiter->acquire(1, 100);
  try {
    (void)limiter->acquire(1, 50);
    FAIL("a slot beyond the cap was given");
  } catch (const erpc::error& e) {
    CHECK(e.cls() == error_class::rate_limited);
    CHECK(e.code() == "bill.concurrency_wait");
    CHECK(e.effect() == erpc::effect::none);
  }
}

TEST_CASE("mass payment statuses map to the payment lifecycle - an unknown one is not guessed", "[bill][mapping]") {
  using erpc::bill::batch_state;
  using erpc::bill::item_state;
  CHECK(batch_state("IN_PROGRESS") == std::optional<std::string>("pending"));
  CHECK(batch_state("COMPLETED") == std::optional<std::string>("accepted"));
  CHECK(batch_state("PARTIALLY_COMPLETED") == std::optional<std::string>("partially_accepted"));
  CHECK(batch_state("FAILED") == std::optional<std::string>("rejected"));
  CHECK_FALSE(batch_state("SOMETHING_NEW").has_value());
  CHECK(item_state("SCHEDULED") == std::optional<std::string>("accepted"));
  CHECK(item_state("PAID") == std::optional<std::string>("settled"));
  CHECK(item_state("FAILED") == std::optional<std::string>("rejected"));
  CHECK(item_state("PENDING") == std::optional<std::string>("pending"));
  CHECK_FALSE(item_state("scheduled").has_value());
}
