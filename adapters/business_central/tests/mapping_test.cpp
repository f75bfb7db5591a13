// SPDX-License-Identifier: Apache-2.0
// Canonical ↔ Business Central mappings in both directions (vendors.md §4.1; BANKING.md
// "Invoices, credit notes"): suppliers, invoices and credit notes, what is refused (never
// dropped, never cut), and the fields a read-back compares.
#include "bc_config.hpp"
#include "bc_mapping.hpp"
#include "journal_create.hpp"

#include <erpc/adapters/exact_json.hpp>

#include <catch2/catch.hpp>

using nlohmann::json;

namespace {

erpc::bc::connection_config config() {
  return erpc::bc::parse_config(json{
      {"base_url", "https://api.businesscentral.dynamics.com"},
      {"environment", "production"},
      {"company_id", "5b3c4a58-2f1e-4c6a-9d0b-0a1b2c3d4e5f"},
      {"legal_entity", "DE01"},
      {"local_currency", "EUR"},
      {"auth", {{"tenant_id", "contoso.onmicrosoft.com"}, {"client_id", "env:BC_ID"}, {"client_secret", "env:BC_SECRET"}}},
      {"value_maps",
       {{"accounts", {{"5400", "6110"}}},
        {"tax_codes", {{"DE19", "VAT19"}}},
        {"payment_terms", {{"NET30", "3b1c0000-0000-0000-0000-000000000030"}}}}}});
}

json money(const char* amount, const char* currency = "EUR") {
  return {{"amount", amount}, {"currency", currency}};
}

json invoice(const char* type = "invoice", const char* currency = "EUR") {
  return {{"external_refs", json::object()},
          {"source", {{"system", "test"}}},
          {"document_type", type},
          {"direction", "payable"},
          {"legal_entity", "DE01"},
          {"supplier", {{"number", "V100"}}},
          {"invoice_number", "INV-1"},
          {"invoice_date", "2026-03-02"},
          {"due_date", "2026-04-01"},
          {"currency", currency},
          {"lines", {{{"account", "5400"}, {"tax_code", "DE19"}, {"description", "Bearings"},
                      {"quantity", "2"}, {"unit_price", "50.05"},
                      {"net", money("100.10", currency)}, {"tax", money("19.02", currency)},
                      {"gross", money("119.12", currency)}}}},
          {"totals", {{"net", money("100.10", currency)}, {"tax", money("19.02", currency)},
                      {"gross", money("119.12", currency)}}}};
}

std::string failure_pointer(const std::function<void()>& f, std::string* code = nullptr) {
  try {
    f();
  } catch (const erpc::error& e) {
    if (code) *code = e.code();
    return e.field_errors().empty() ? "" : e.field_errors()[0].pointer;
  }
  return "no error";
}

}  // namespace

TEST_CASE("bc mapping: the config names the Entra token URL and refuses pasted secrets") {
  const auto c = config();
  CHECK(c.token_url == "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token");
  CHECK(c.scope == "https://api.businesscentral.dynamics.com/.default");
  auto bad = json{{"base_url", "https://x"}, {"environment", "p"},
                  {"company_id", "5b3c4a58-2f1e-4c6a-9d0b-0a1b2c3d4e5f"},
                  {"auth", {{"tenant_id", "t"}, {"client_id", "env:A"}, {"client_secret", "hunter2"}}}};
  try {
    erpc::bc::parse_config(bad);
    FAIL("accepted a secret value");
  } catch (const erpc::error& e) {
    CHECK(e.code() == "bc.config");
    CHECK(std::string(e.message()).find("hunter2") == std::string::npos);
  }
  bad["auth"]["client_secret"] = "env:B";
  bad["auth"]["token_url"] = "/tenant/oauth2/v2.0/token";
  CHECK(erpc::bc::parse_config(bad).token_url == "https://x/tenant/oauth2/v2.0/token");
}

TEST_CASE("bc mapping: supplier to vendor and back") {
  const json supplier = {{"external_refs", json::object()},
                         {"source", {{"system", "test"}}},
                         {"number", "V100"},
                         {"name", "Fabrikam GmbH"},
                         {"tax_id", "DE123456789"},
                         {"email", "ap@fabrikam.example"},
                         {"default_currency", "EUR"},
                         {"payment_terms", {{"code", "NET30"}}},
                         {"payment_block", true},
                         {"postal_address", {{"street_name", "Marienplatz"}, {"building_number", "1"},
                                             {"postal_code", "80331"}, {"town_name", "Munich"},
                                             {"country", "DE"}}}};
  const auto v = erpc::bc::supplier_to_vendor(supplier, config());
  CHECK(v["number"] == "V100");
  CHECK(v["displayName"] == "Fabrikam GmbH");
  CHECK(v["addressLine1"] == "Marienplatz 1");
  CHECK(v["city"] == "Munich");
  CHECK(v["country"] == "DE");
  CHECK(v["currencyCode"] == "");  // the local currency (BC's convention)
  CHECK(v["paymentTermsId"] == "3b1c0000-0000-0000-0000-000000000030");
  CHECK(v["blocked"] == "Payment");

  auto read = v;
  read["id"] = "11111111-2222-3333-4444-555555555555";
  read["@odata.etag"] = "W/\"JzE0\"";
  const auto back = erpc::bc::supplier_from_vendor(read, config());
  CHECK(back["id"] == "11111111-2222-3333-4444-555555555555");
  CHECK(back["external_refs"]["business_central"] == back["id"]);
  CHECK(back["name"] == "Fabrikam GmbH");
  CHECK(back["postal_address"]["address_lines"] == json::array({"Marienplatz 1"}));
  CHECK(back["postal_address"]["town_name"] == "Munich");
  CHECK(back["default_currency"] == "EUR");
  CHECK(back["payment_terms"]["code"] == "NET30");
  CHECK(back["payment_block"] == true);
  CHECK(back["status"] == "active");
  CHECK(back["etag"] == "W/\"JzE0\"");
  CHECK(erpc::bc::supplier_compared_fields(v) == erpc::bc::supplier_compared_fields(read));
}

TEST_CASE("bc mapping: supplier fields BC cannot hold are refused, not dropped or cut") {
  json s = {{"external_refs", json::object()}, {"source", {{"system", "t"}}}, {"number", "V1"},
            {"name", "N"}, {"bank_accounts", json::array()}};
  std::string code;
  CHECK(failure_pointer([&] { erpc::bc::supplier_to_vendor(s, config()); }, &code) == "/bank_accounts");
  CHECK(code == "bc.field_unsupported");
  s.erase("bank_accounts");
  s["number"] = std::string(21, 'V');
  CHECK(failure_pointer([&] { erpc::bc::supplier_to_vendor(s, config()); }, &code) == "/number");
  CHECK(code == "bc.too_long");
  s["number"] = "V1";
  s["status"] = "inactive";
  CHECK(failure_pointer([&] { erpc::bc::supplier_to_vendor(s, config()); }) == "/status");
  s.erase("number");
  s.erase("status");
  CHECK(failure_pointer([&] { erpc::bc::supplier_to_vendor(s, config()); }) == "/number");
}

TEST_CASE("bc mapping: an invoice becomes a purchaseInvoice with lines by deep insert") {
  const auto doc = erpc::bc::invoice_to_vendor(invoice(), config());
  REQUIRE(doc.entity == &erpc::bc::invoice_entity());
  const auto& b = doc.body;
  CHECK(b["vendorNumber"] == "V100");
  CHECK(b["vendorInvoiceNumber"] == "INV-1");
  CHECK(b["invoiceDate"] == "2026-03-02");
  CHECK(b["postingDate"] == "2026-03-02");
  CHECK(b["dueDate"] == "2026-04-01");
  CHECK(b["currencyCode"] == "");
  REQUIRE(b["purchaseInvoiceLines"].size() == 1);
  const auto& l = b["purchaseInvoiceLines"][0];
  CHECK(l["lineType"] == "Account");
  CHECK(l["lineObjectNumber"] == "6110");
  CHECK(l["taxCode"] == "VAT19");
  // Amounts go out as exact JSON numbers, never through a double.
  CHECK(erpc::adapters::dump_exact(l["directUnitCost"]) == "50.05");
  CHECK(erpc::adapters::dump_exact(l["quantity"]) == "2");
}

TEST_CASE("bc mapping: a credit note becomes a purchaseCreditMemo keyed by externalDocumentNumber") {
  auto p = invoice("credit_note", "USD");
  p["supplier"] = {{"number", "V100"}, {"external_refs", {{"business_central", "aaaaaaaa-0000-0000-0000-000000000001"}}}};
  const auto doc = erpc::bc::invoice_to_vendor(p, config());
  REQUIRE(doc.entity == &erpc::bc::credit_memo_entity());
  CHECK(doc.body["externalDocumentNumber"] == "INV-1");
  CHECK(doc.body["creditMemoDate"] == "2026-03-02");
  CHECK(doc.body["vendorId"] == "aaaaaaaa-0000-0000-0000-000000000001");
  CHECK_FALSE(doc.body.contains("vendorNumber"));
  CHECK(doc.body["currencyCode"] == "USD");
  CHECK(doc.body["purchaseCreditMemoLines"].size() == 1);
}

TEST_CASE("bc mapping: a purchase document read back, both kinds, amounts exact") {
  const auto read = erpc::adapters::parse_exact(R"({
    "@odata.etag": "W/\"x\"", "id": "bbbbbbbb-0000-0000-0000-000000000002", "number": "108001",
    "creditMemoDate": "2026-03-04", "postingDate": "2026-03-04", "dueDate": "2026-03-04",
    "externalDocumentNumber": "CM-7", "vendorId": "aaaaaaaa-0000-0000-0000-000000000001",
    "vendorNumber": "V100", "vendorName": "Fabrikam", "currencyCode": "", "status": "Open",
    "totalAmountExcludingTax": 10.00, "totalTaxAmount": 1.90, "totalAmountIncludingTax": 11.90,
    "purchaseCreditMemoLines": [{"lineType": "Account", "lineObjectNumber": "6110",
      "description": "Returned", "quantity": 1, "directUnitCost": 10.00, "taxCode": "VAT19",
      "amountExcludingTax": 10.00, "totalTaxAmount": 1.90, "amountIncludingTax": 11.90}]})");
  const auto doc = erpc::bc::invoice_from_vendor(read, erpc::bc::credit_memo_entity(), config());
  CHECK(doc["document_type"] == "credit_note");
  CHECK(doc["invoice_number"] == "CM-7");
  CHECK(doc["document_number"] == "108001");
  CHECK(doc["currency"] == "EUR");
  CHECK(doc["supplier"]["number"] == "V100");
  CHECK(doc["lines"][0]["account"] == "5400");
  CHECK(doc["lines"][0]["tax_code"] == "DE19");
  CHECK(doc["lines"][0]["tax"] == money("1.90"));
  CHECK(doc["totals"]["gross"] == money("11.90"));
  CHECK(doc["legal_entity"] == "DE01");
}

TEST_CASE("bc mapping: the read-back compares what was sent, amounts by value") {
  const auto doc = erpc::bc::invoice_to_vendor(invoice(), config());
  auto read = erpc::adapters::parse_exact(R"({"id": "x", "status": "Open", "vendorNumber": "V100",
    "vendorId": "aaaaaaaa-0000-0000-0000-000000000001", "vendorInvoiceNumber": "INV-1",
    "invoiceDate": "2026-03-02", "postingDate": "2026-03-02", "dueDate": "2026-04-01",
    "currencyCode": "", "purchaseInvoiceLines": [{"lineType": "Account",
    "lineObjectNumber": "6110", "quantity": 2.00, "directUnitCost": 50.050, "taxCode": "VAT19"}]})");
  const auto& e = erpc::bc::invoice_entity();
  CHECK(erpc::bc::invoice_compared_fields(read, e, doc.body) ==
        erpc::bc::invoice_compared_fields(doc.body, e, doc.body));
  read["invoiceDate"] = "2026-03-03";
  CHECK(erpc::bc::invoice_compared_fields(read, e, doc.body) !=
        erpc::bc::invoice_compared_fields(doc.body, e, doc.body));
}

TEST_CASE("bc mapping: invoice input BC cannot take is refused with its pointer") {
  auto p = invoice();
  p["invoice_number"] = std::string(36, 'I');
  CHECK(failure_pointer([&] { erpc::bc::invoice_to_vendor(p, config()); }) == "/invoice_number");
  p = invoice();
  p["lines"][0]["net"] = money("100.00");
  std::string code;
  CHECK(failure_pointer([&] { erpc::bc::invoice_to_vendor(p, config()); }, &code) == "/lines/0/net");
  CHECK(code == "bc.line_amount");
  p = invoice();
  p["lines"][0]["account"] = "9999";
  CHECK(failure_pointer([&] { erpc::bc::invoice_to_vendor(p, config()); }, &code) == "/lines/0/account");
  CHECK(code == "bc.unmapped_value");
  p = invoice();
  p["withholding"] = json::object();
  CHECK(failure_pointer([&] { erpc::bc::invoice_to_vendor(p, config()); }, &code) == "/withholding");
  CHECK(code == "bc.field_unsupported");
  p = invoice();
  p["direction"] = "receivable";
  CHECK(failure_pointer([&] { erpc::bc::invoice_to_vendor(p, config()); }) == "/direction");
  p = invoice();
  p["legal_entity"] = "FR01";
  CHECK(failure_pointer([&] { erpc::bc::invoice_to_vendor(p, config()); }) == "/legal_entity");
}

TEST_CASE("bc mapping: one journal batch per key, deterministic, within BC's code lengths") {
  const auto a = erpc::bc::keys_for("run-42-journal-1");
  const auto b = erpc::bc::keys_for("run-42-journal-1");
  const auto c = erpc::bc::keys_for("run-42-journal-2");
  CHECK(a.batch_code == b.batch_code);
  CHECK(a.document_number == b.document_number);
  CHECK(a.batch_code != c.batch_code);
  CHECK(a.batch_code.size() == 10);
  CHECK(a.document_number.size() == 20);
  CHECK(a.document_number.rfind("ERPC", 0) == 0);
  CHECK(erpc::bc::keys_for(std::string(64, 'k')).batch_code.size() == 10);
  // The codes are RFC 4648 base32 of SHA-256(key) (values from Python's hashlib and base64): a
  // journal posted before an upgrade keeps its codes, so its read-back still finds it.
  CHECK(a.batch_code == "EOY6IG75RD");
  CHECK(a.document_number == "ERPCOY6IG75RDB43LMKZ");
  CHECK(erpc::bc::keys_for("k-1", 'P').batch_code == "PPQ24LILYL");
  CHECK(erpc::bc::keys_for("k-1", 'P').document_number == "ERPPPQ24LILYLUQHATSE");
}

TEST_CASE("bc mapping: a journal entry becomes signed journal lines and comes back from G/L entries") {
  const json m = {{"amount", "1000.00"}, {"currency", "EUR"}};
  const json je = {{"external_refs", json::object()}, {"source", {{"system", "t"}}},
                   {"legal_entity", "DE01"}, {"reference", "JE-1"}, {"posting_date", "2026-03-31"},
                   {"functional_currency", "EUR"}, {"description", "accrual"},
                   {"lines", {{{"account", "5400"}, {"side", "debit"}, {"amount", m}, {"functional_amount", m}},
                              {{"account", "5400"}, {"side", "credit"}, {"amount", m}, {"functional_amount", m}}}}};
  const auto lines = erpc::bc::journal_to_vendor(je, config(), "ERPCABCDEFGHIJKLMNOP");
  REQUIRE(lines.size() == 2);
  CHECK(lines[0]["lineNumber"] == 10000);
  CHECK(lines[0]["accountNumber"] == "6110");
  CHECK(lines[0]["documentNumber"] == "ERPCABCDEFGHIJKLMNOP");
  CHECK(lines[0]["externalDocumentNumber"] == "JE-1");
  CHECK(erpc::adapters::dump_exact(lines[0]["amount"]) == "1000.00");
  CHECK(erpc::adapters::dump_exact(lines[1]["amount"]) == "-1000.00");

  const auto entries = erpc::adapters::parse_exact(R"([
    {"accountNumber": "6110", "postingDate": "2026-03-31", "debitAmount": 1000.00, "creditAmount": 0, "description": "accrual"},
    {"accountNumber": "6110", "postingDate": "2026-03-31", "debitAmount": 0, "creditAmount": 1000.00}])");
  const auto back = erpc::bc::journal_from_ledger(entries, "ERPCABCDEFGHIJKLMNOP", config());
  CHECK(back["id"] == "ERPCABCDEFGHIJKLMNOP");
  CHECK(back["lines"][0]["side"] == "debit");
  CHECK(back["lines"][1]["side"] == "credit");
  CHECK(back["lines"][1]["amount"] == m);
  CHECK(back["lines"][0]["account"] == "5400");

  auto other = je;
  other["functional_currency"] = "USD";
  CHECK(failure_pointer([&] { erpc::bc::journal_to_vendor(other, config(), "X"); }) == "/functional_currency");
  other = je;
  other["lines"][0]["functional_amount"]["amount"] = "900.00";
  CHECK(failure_pointer([&] { erpc::bc::journal_to_vendor(other, config(), "X"); }) == "/lines/0/functional_amount");
}
