// SPDX-License-Identifier: Apache-2.0
// The canonical ↔ NetSuite mappings, both directions, without a network: exact amounts in the
// JSON text, value maps, pointer-precise refusals, and the compared fields of a read-back.
#include "mapping_support.hpp"
#include "record_mapping.hpp"

#include <erpc/adapters/exact_json.hpp>

#include <catch2/catch.hpp>

namespace {

using erpc::adapters::dump_exact;
using erpc::adapters::parse_exact;
using erpc::netsuite::mapping_context;
using erpc::netsuite::value_map;
using erpc::netsuite::value_maps;
using nlohmann::json;

value_maps test_maps() {
  value_maps m;
  m.subsidiaries = value_map("subsidiaries", {{"DE01", "1"}});
  m.currencies = value_map("currencies", {{"EUR", "1"}, {"USD", "2"}});
  m.accounts = value_map("accounts", {{"5400", "58"}, {"3300", "4"}, {"1361", "12"}});
  m.tax_codes = value_map("tax_codes", {{"DE19", "7"}});
  m.payment_terms = value_map("payment_terms", {{"2/10N30", "3"}});
  m.functional_currencies = {{"DE01", "EUR"}};
  return m;
}

struct fixture_context {
  value_maps maps = test_maps();
  std::vector<std::string> lookups;
  mapping_context ctx{maps,
                      [this](const json& party, const std::string&) {
                        lookups.push_back("supplier:" + party.value("number", std::string("?")));
                        return std::string("1722");
                      },
                      [this](std::string_view type, const json& doc, const std::string& entity,
                             const std::string&) {
                        lookups.push_back(std::string(type) + ":" + doc.value("number", "?") +
                                          "@" + entity);
                        return std::string(type == "vendorCredit" ? "900" : "800");
                      }};
};

json invoice_payload() {
  return json::parse(R"({
    "external_refs": {}, "source": {"system": "coupa", "id": "inv-1"},
    "document_type": "invoice", "direction": "payable", "legal_entity": "DE01",
    "supplier": {"number": "SUP-1"}, "invoice_number": "AC-2026-0042",
    "invoice_date": "2026-03-02", "due_date": "2026-04-01", "currency": "EUR",
    "lines": [
      {"description": "Bearings", "account": "5400", "tax_code": "DE19",
       "net": {"amount": "100.10", "currency": "EUR"}, "tax": {"amount": "19.02", "currency": "EUR"},
       "gross": {"amount": "119.12", "currency": "EUR"}}],
    "totals": {"net": {"amount": "100.10", "currency": "EUR"},
               "tax": {"amount": "19.02", "currency": "EUR"},
               "gross": {"amount": "119.12", "currency": "EUR"}}})");
}

}  // namespace

TEST_CASE("an invoice becomes a vendorBill with exact JSON-number amounts", "[netsuite][mapping]") {
  fixture_context f;
  const auto m = erpc::netsuite::make_invoice_mapping();
  const auto rec = m->to_vendor(invoice_payload(), f.ctx);
  CHECK(rec.record_type == "vendorBill");
  const auto text = dump_exact(rec.body);
  // Written from the decimal text: 100.10 stays 100.10, never 100.1 or 100.09999.
  CHECK_THAT(text, Catch::Contains(R"("amount":100.10)"));
  CHECK_THAT(text, Catch::Contains(R"("tax1Amt":19.02)"));
  CHECK_THAT(text, Catch::Contains(R"("grossAmt":119.12)"));
  CHECK(rec.body["entity"] == json({{"id", "1722"}}));
  CHECK(rec.body["subsidiary"] == json({{"id", "1"}}));
  CHECK(rec.body["currency"] == json({{"id", "1"}}));
  CHECK(rec.body["expense"]["items"][0]["account"] == json({{"id", "58"}}));
  CHECK(rec.body["expense"]["items"][0]["taxCode"] == json({{"id", "7"}}));
  CHECK(rec.body["tranId"] == "AC-2026-0042");
  CHECK(f.lookups == std::vector<std::string>{"supplier:SUP-1"});
}

TEST_CASE("a credit note becomes a vendorCredit", "[netsuite][mapping]") {
  fixture_context f;
  auto p = invoice_payload();
  p["document_type"] = "credit_note";
  const auto rec = erpc::netsuite::make_invoice_mapping()->to_vendor(p, f.ctx);
  CHECK(rec.record_type == "vendorCredit");
  CHECK_FALSE(rec.body.contains("dueDate"));
}

TEST_CASE("a vendorBill read back becomes the canonical invoice with exact totals",
          "[netsuite][mapping]") {
  const auto m = erpc::netsuite::make_invoice_mapping();
  const auto record = parse_exact(R"({"id": "8812", "externalId": "erpc-k", "tranId": "AC-1",
      "tranDate": "2026-03-02", "entity": {"id": "1722"}, "currency": {"id": "1"},
      "subsidiary": {"id": "1"},
      "expense": {"items": [
        {"account": {"id": "58"}, "amount": 0.10, "tax1Amt": 0.02, "grossAmt": 0.12, "taxCode": {"id": "7"}},
        {"account": {"id": "4"}, "amount": 0.20, "tax1Amt": 0.04, "grossAmt": 0.24}]}})");
  const auto doc = m->from_vendor("vendorBill", record, test_maps());
  CHECK(doc["id"] == "8812");
  CHECK(doc["external_refs"]["netsuite"] == "8812");
  CHECK(doc["document_type"] == "invoice");
  CHECK(doc["legal_entity"] == "DE01");
  CHECK(doc["supplier"]["external_refs"]["netsuite"] == "1722");
  CHECK(doc["lines"][0]["account"] == "5400");
  CHECK(doc["lines"][0]["tax_code"] == "DE19");
  // 0.1 + 0.2 in binary floating point is 0.30000000000000004; here it is 0.30.
  CHECK(doc["totals"]["net"] == json({{"amount", "0.30"}, {"currency", "EUR"}}));
  CHECK(doc["totals"]["gross"] == json({{"amount", "0.36"}, {"currency", "EUR"}}));
}

TEST_CASE("a vendorBill's amountRemaining is the invoice's amount_open, partly paid is open, paid "
          "in full is blocked", "[netsuite][mapping]") {
  const auto m = erpc::netsuite::make_invoice_mapping();
  auto read = [&](const char* remaining, const char* approval = "2") {
    return m->from_vendor("vendorBill", parse_exact(std::string(R"({"id": "8812", "tranId": "AC-1",
        "tranDate": "2026-03-02", "entity": {"id": "1722"}, "currency": {"id": "1"},
        "approvalStatus": {"id": ")") + approval + R"("}, "amountRemaining": )" + remaining + R"(,
        "expense": {"items": [{"account": {"id": "58"}, "amount": 100.00, "tax1Amt": 19.00,
                               "grossAmt": 119.00}]}})"), test_maps());
  };
  const json eur40 = {{"amount", "40.00"}, {"currency", "EUR"}};
  const auto partly = read("40.0");
  CHECK(partly["amount_open"] == eur40);
  CHECK_FALSE(partly.contains("payment_block"));
  const auto whole = read("119.00");
  CHECK(whole["amount_open"] == json({{"amount", "119.00"}, {"currency", "EUR"}}));
  CHECK_FALSE(whole.contains("payment_block"));
  const auto paid = read("0");
  CHECK(paid["amount_open"] == json({{"amount", "0.00"}, {"currency", "EUR"}}));
  CHECK(paid["payment_block"] == true);
  CHECK(paid["payment_block_reason"] == "paid in full");
  const auto unapproved = read("119.00", "1");
  CHECK(unapproved["payment_block"] == true);
  CHECK_THAT(unapproved["payment_block_reason"].get<std::string>(), Catch::Contains("not approved"));
  // More than the total, or negative, is not an open amount: blocked with the reason, no field.
  const auto odd = read("119.01");
  CHECK_FALSE(odd.contains("amount_open"));
  CHECK(odd["payment_block"] == true);
  CHECK_THAT(odd["payment_block_reason"].get<std::string>(), Catch::Contains("amountRemaining 119.01"));
  CHECK_FALSE(read("-1.00").contains("amount_open"));
}

TEST_CASE("compared fields ignore number spelling but see a changed amount or line",
          "[netsuite][mapping]") {
  fixture_context f;
  const auto m = erpc::netsuite::make_invoice_mapping();
  const auto body = m->to_vendor(invoice_payload(), f.ctx).body;
  auto read_back = parse_exact(dump_exact(body));
  read_back["id"] = "8812";
  read_back["expense"]["items"][0]["amount"] = "100.1";  // NetSuite may drop a trailing zero
  CHECK(m->compared_fields(read_back) == m->compared_fields(body));
  auto changed = read_back;
  changed["expense"]["items"][0]["grossAmt"] = erpc::adapters::make_decimal(*erpc::decimal::parse("119.13"));
  CHECK(m->compared_fields(changed) != m->compared_fields(body));
  auto other_supplier = read_back;
  other_supplier["entity"] = json({{"id", "99"}});
  CHECK(m->compared_fields(other_supplier) != m->compared_fields(body));
}

TEST_CASE("unmapped codes and unsupported fields are refused with a pointer", "[netsuite][mapping]") {
  fixture_context f;
  const auto m = erpc::netsuite::make_invoice_mapping();
  auto p = invoice_payload();
  p["lines"][0]["account"] = "9999";
  try {
    (void)m->to_vendor(p, f.ctx);
    FAIL("an unmapped account must be refused");
  } catch (const erpc::error& e) {
    CHECK(e.cls() == erpc::error_class::validation);
    CHECK(e.code() == "netsuite.unmapped_value");
    REQUIRE(e.field_errors().size() == 1);
    CHECK(e.field_errors()[0].pointer == "/lines/0/account");
  }
  p = invoice_payload();
  p["direction"] = "receivable";
  try {
    (void)m->to_vendor(p, f.ctx);
    FAIL("a receivable invoice must be refused");
  } catch (const erpc::error& e) {
    CHECK(e.cls() == erpc::error_class::unsupported);
  }
  p = invoice_payload();
  p["lines"][0]["net"]["currency"] = "USD";
  try {
    (void)m->to_vendor(p, f.ctx);
    FAIL("a line in another currency must be refused");
  } catch (const erpc::error& e) {
    CHECK(e.code() == "netsuite.currency_mismatch");
    CHECK(e.field_errors()[0].pointer == "/lines/0/net/currency");
  }
  auto s = json::parse(R"({"external_refs": {}, "source": {"system": "x"}, "name": "Acme",
                           "bank_accounts": [{"iban": "DE89370400440532013000"}]})");
  try {
    (void)erpc::netsuite::make_supplier_mapping()->to_vendor(s, f.ctx);
    FAIL("bank accounts are not carried and must not be dropped silently");
  } catch (const erpc::error& e) {
    CHECK(e.cls() == erpc::error_class::unsupported);
    CHECK(e.field_errors()[0].pointer == "/bank_accounts");
  }
}

TEST_CASE("a supplier maps to a vendor and back", "[netsuite][mapping]") {
  fixture_context f;
  const auto m = erpc::netsuite::make_supplier_mapping();
  const auto p = json::parse(R"({"external_refs": {}, "source": {"system": "x"}, "name": "Acme GmbH",
      "number": "SUP-1", "legal_entity": "DE01", "tax_id": "DE811907980", "email": "ap@acme.example",
      "default_currency": "EUR", "payment_terms": {"code": "2/10N30"}, "status": "active"})");
  const auto rec = m->to_vendor(p, f.ctx);
  CHECK(rec.record_type == "vendor");
  CHECK(rec.body == json::parse(R"({"companyName": "Acme GmbH", "entityId": "SUP-1",
      "subsidiary": {"id": "1"}, "vatRegNumber": "DE811907980", "email": "ap@acme.example",
      "currency": {"id": "1"}, "terms": {"id": "3"}, "isInactive": false})"));
  auto record = rec.body;
  record["id"] = "1234";
  const auto doc = m->from_vendor("vendor", record, test_maps());
  CHECK(doc["name"] == "Acme GmbH");
  CHECK(doc["number"] == "SUP-1");
  CHECK(doc["legal_entity"] == "DE01");
  CHECK(doc["default_currency"] == "EUR");
  CHECK(doc["payment_terms"]["code"] == "2/10N30");
  CHECK(doc["status"] == "active");
  CHECK(doc["external_refs"]["netsuite"] == "1234");
}

TEST_CASE("a journal keeps one currency and rate, functional amounts are recomputed exactly",
          "[netsuite][mapping]") {
  fixture_context f;
  const auto m = erpc::netsuite::make_journal_mapping();
  const auto p = json::parse(R"({"external_refs": {}, "source": {"system": "x"},
      "legal_entity": "DE01", "reference": "JE-1", "posting_date": "2026-03-31",
      "functional_currency": "EUR", "lines": [
      {"account": "5400", "side": "debit", "amount": {"amount": "1080.00", "currency": "USD"},
       "functional_amount": {"amount": "1000.00", "currency": "EUR"}, "exchange_rate": "0.925925926"},
      {"account": "3300", "side": "credit", "amount": {"amount": "1080.00", "currency": "USD"},
       "functional_amount": {"amount": "1000.00", "currency": "EUR"}, "exchange_rate": "0.925925926"}]})");
  const auto rec = m->to_vendor(p, f.ctx);
  CHECK(rec.record_type == "journalEntry");
  const auto text = dump_exact(rec.body);
  CHECK_THAT(text, Catch::Contains(R"("exchangeRate":0.925925926)"));
  CHECK_THAT(text, Catch::Contains(R"("debit":1080.00)"));
  CHECK_THAT(text, Catch::Contains(R"("credit":1080.00)"));
  CHECK(rec.body["currency"] == json({{"id", "2"}}));
  auto record = parse_exact(text);
  record["id"] = "77";
  const auto doc = m->from_vendor("journalEntry", record, test_maps());
  CHECK(doc["functional_currency"] == "EUR");
  CHECK(doc["lines"][0]["side"] == "debit");
  CHECK(doc["lines"][0]["amount"] == json({{"amount", "1080.00"}, {"currency", "USD"}}));
  CHECK(doc["lines"][0]["functional_amount"] == json({{"amount", "1000.00"}, {"currency", "EUR"}}));
  CHECK(doc["lines"][1]["side"] == "credit");

  auto mixed = p;
  mixed["lines"][1]["exchange_rate"] = "0.93";
  CHECK_THROWS_AS(m->to_vendor(mixed, f.ctx), erpc::error);
}

TEST_CASE("a payment applies bills and credits and must add up", "[netsuite][mapping]") {
  fixture_context f;
  const auto m = erpc::netsuite::make_payment_mapping();
  auto p = json::parse(R"({"external_refs": {}, "source": {"system": "x"}, "direction": "outbound",
      "amount": {"amount": "246.60", "currency": "EUR"}, "requested_execution_date": "2026-03-10",
      "creditor": {"number": "SUP-1"}, "clearing_account": "1361", "applications": [
      {"document_type": "invoice", "document": {"number": "AC-1"}, "amount": {"amount": "116.62", "currency": "EUR"},
       "discount_taken": {"amount": "2.38", "currency": "EUR"}},
      {"document_type": "invoice", "document": {"number": "AC-2"}, "amount": {"amount": "178.50", "currency": "EUR"}},
      {"document_type": "credit_note", "document": {"number": "CN-1"}, "amount": {"amount": "48.52", "currency": "EUR"}}]})");
  const auto rec = m->to_vendor(p, f.ctx);
  CHECK(rec.record_type == "vendorPayment");
  CHECK(rec.body["apply"]["items"].size() == 2);
  CHECK(rec.body["credit"]["items"].size() == 1);
  CHECK(rec.body["credit"]["items"][0]["doc"] == json({{"id", "900"}}));
  CHECK(rec.body["account"] == json({{"id", "12"}}));
  CHECK_THAT(dump_exact(rec.body), Catch::Contains(R"("disc":2.38)"));
  CHECK(f.lookups == std::vector<std::string>{"supplier:SUP-1", "vendorBill:AC-1@1722",
                                              "vendorBill:AC-2@1722", "vendorCredit:CN-1@1722"});
  auto record = parse_exact(dump_exact(rec.body));
  record["id"] = "5512";
  const auto doc = m->from_vendor("vendorPayment", record, test_maps());
  CHECK(doc["amount"] == json({{"amount", "246.60"}, {"currency", "EUR"}}));
  CHECK(doc["applications"].size() == 3);

  p["amount"]["amount"] = "246.61";
  try {
    (void)m->to_vendor(p, f.ctx);
    FAIL("an amount that is not what is applied must be refused");
  } catch (const erpc::error& e) {
    CHECK(e.code() == "netsuite.payment_amount_mismatch");
  }
}

TEST_CASE("a short payment applies less and leaves the rest open, withholding is refused",
          "[netsuite][mapping]") {
  fixture_context f;
  const auto m = erpc::netsuite::make_payment_mapping();
  auto p = json::parse(R"({"external_refs": {}, "source": {"system": "x"}, "direction": "outbound",
      "amount": {"amount": "380.00", "currency": "EUR"}, "requested_execution_date": "2026-03-10",
      "creditor": {"number": "SUP-1"}, "clearing_account": "1361", "applications": [
      {"document_type": "invoice", "document": {"number": "AC-1"}, "amount": {"amount": "380.00", "currency": "EUR"},
       "short_payment": {"amount": {"amount": "120.00", "currency": "EUR"}, "reason_code": "DAMAGED"}}]})");
  const auto rec = m->to_vendor(p, f.ctx);
  REQUIRE(rec.body["apply"]["items"].size() == 1);
  CHECK_THAT(dump_exact(rec.body["apply"]["items"][0]), Catch::Contains(R"("amount":380.00)"));
  CHECK_FALSE(rec.body["apply"]["items"][0].contains("disc"));

  p["applications"][0]["withholding"] = {{"amount", "10.00"}, {"currency", "EUR"}};
  try {
    (void)m->to_vendor(p, f.ctx);
    FAIL("withholding must be refused, never dropped");
  } catch (const erpc::error& e) {
    CHECK(e.cls() == erpc::error_class::unsupported);
  }
}

TEST_CASE("a USD payment of a EUR company carries NetSuite's exchangeRate as fx, both ways",
          "[netsuite][mapping][fx]") {
  fixture_context f;
  const auto m = erpc::netsuite::make_payment_mapping();
  auto p = json::parse(R"({"external_refs": {}, "source": {"system": "x"}, "direction": "outbound",
      "legal_entity": "DE01", "amount": {"amount": "1000.05", "currency": "USD"},
      "requested_execution_date": "2026-03-10", "creditor": {"number": "SUP-1"},
      "clearing_account": "1361", "applications": [
      {"document_type": "invoice", "document": {"number": "US-1"}, "amount": {"amount": "1000.05", "currency": "USD"}}]})");
  // Without fx NetSuite takes its own rate on tranDate: nothing is sent.
  auto rec = m->to_vendor(p, f.ctx);
  CHECK(rec.body["currency"] == json({{"id", "2"}}));
  CHECK_FALSE(rec.body.contains("exchangeRate"));
  // A rate the caller fixes is sent as exchangeRate.
  p["fx"] = {{"rate", "0.9234"}, {"source_currency", "USD"}, {"target_currency", "EUR"}};
  rec = m->to_vendor(p, f.ctx);
  CHECK_THAT(dump_exact(rec.body), Catch::Contains(R"("exchangeRate":0.9234)"));
  // Read back: the rate to the legal entity's functional currency.
  auto record = parse_exact(dump_exact(rec.body));
  record["id"] = "5513";
  const auto doc = m->from_vendor("vendorPayment", record, test_maps());
  CHECK(doc["fx"] == json({{"rate", "0.9234"}, {"source_currency", "USD"}, {"target_currency", "EUR"}}));
  // A payment in the functional currency carries no fx, whatever its rate.
  record["currency"] = {{"id", "1"}};
  CHECK_FALSE(m->from_vendor("vendorPayment", record, test_maps()).contains("fx"));
  // A rate from another currency than the payment's is refused.
  p["fx"]["source_currency"] = "GBP";
  try {
    (void)m->to_vendor(p, f.ctx);
    FAIL("a rate from another currency must be refused");
  } catch (const erpc::error& e) {
    CHECK(e.code() == "netsuite.fx_currency");
  }
}
