// SPDX-License-Identifier: Apache-2.0
// Canonical ↔ F&O data entity mappings both ways (supplier_mapping.cpp, invoice_mapping.cpp,
// journal_mapping.cpp), the journal key reference, and the configuration's refusals.
#include "fo_client.hpp"
#include "fo_config.hpp"
#include "fo_mapping.hpp"

#include <erpc/adapters/exact_json.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <functional>
#include <set>

using nlohmann::json;
using namespace erpc::fo;

namespace {

connection_config config() {
  return parse_config({{"base_url", "https://fo.example"},
                       {"company", "USMF"},
                       {"legal_entity", "US01"},
                       {"auth", {{"tenant_id", "t"}, {"client_id", "env:A"}, {"client_secret", "env:B"}}},
                       {"value_maps", {{"accounts", {{"5400", "600100"}, {"3300", "200100"}}},
                                       {"tax_codes", {{"US8", "VAT8"}}}}}});
}

json money(const char* a) { return {{"amount", a}, {"currency", "USD"}}; }

json invoice_payload(const char* type = "invoice") {
  return {{"external_refs", json::object()}, {"source", {{"system", "t"}}},
          {"document_type", type}, {"direction", "payable"}, {"supplier", {{"number", "V1"}}},
          {"invoice_number", "INV-1"}, {"invoice_date", "2026-03-02"}, {"currency", "USD"},
          {"lines", {{{"account", "5400"}, {"tax_code", "US8"}, {"description", "Bolts"}, {"quantity", "2"},
                      {"unit_price", "50.05"}, {"net", money("100.10")}, {"tax", money("8.01")}, {"gross", money("108.11")}}}},
          {"totals", {{"net", money("100.10")}, {"tax", money("8.01")}, {"gross", money("108.11")}}}};
}

int code_of(const std::function<void()>& f, std::string& code) {
  try {
    f();
  } catch (const erpc::error& e) {
    code = e.code();
    return static_cast<int>(e.cls());
  }
  return -1;
}

}  // namespace

TEST_CASE("fo config: defaults, lower-cased company, scope from the base URL", "[fo][config]") {
  const auto c = config();
  CHECK(c.company == "usmf");
  CHECK(c.scope == "https://fo.example/.default");
  CHECK(c.token_url == "https://login.microsoftonline.com/t/oauth2/v2.0/token");
  CHECK(c.vendor_group == "10");
  CHECK(c.journal_name == "GenJrn");
}

TEST_CASE("fo config: a literal secret, an unknown member, a bad company are refused without echo", "[fo][config]") {
  try {
    parse_config({{"base_url", "https://fo.example/path"},
                  {"company", "toolong"},
                  {"auth", {{"tenant_id", "t"}, {"client_id", "env:A"}, {"client_secret", "s3cr3t-literal"}}},
                  {"extra", 1}});
    FAIL("accepted");
  } catch (const erpc::error& e) {
    CHECK(e.cls() == erpc::error_class::configuration);
    CHECK(e.code() == "fo.config");
    CHECK(e.message().find("s3cr3t-literal") == std::string::npos);
    std::set<std::string> pointers;
    for (const auto& f : e.field_errors()) pointers.insert(f.pointer);
    CHECK(pointers == std::set<std::string>{"/base_url", "/company", "/auth/client_secret", "/extra"});
  }
}

TEST_CASE("fo supplier: to VendorsV2 and back", "[fo][mapping]") {
  const json p = {{"external_refs", json::object()}, {"source", {{"system", "t"}}}, {"number", "V1"},
                  {"name", "Contoso"}, {"country", "US"}, {"email", "ap@contoso.example"}, {"tax_id", "US-123"},
                  {"default_currency", "USD"}, {"payment_block", true},
                  {"postal_address", {{"street_name", "Main St"}, {"building_number", "1"}, {"town_name", "Redmond"},
                                      {"postal_code", "98052"}, {"country_sub_division", "WA"}}}};
  const auto v = supplier_to_vendor(p, config());
  CHECK(v["VendorAccountNumber"] == "V1");
  CHECK(v["VendorOrganizationName"] == "Contoso");
  CHECK(v["VendorGroupId"] == "10");
  CHECK(v["AddressStreet"] == "Main St 1");
  CHECK(v["AddressCountryRegionISOCode"] == "US");
  CHECK(v["OnHoldStatus"] == "Payment");
  auto row = v;
  row["dataAreaId"] = "usmf";
  const auto back = supplier_from_vendor(row, config());
  CHECK(back["id"] == "V1");
  CHECK(back["external_refs"]["dynamics_fo"] == "V1");
  CHECK(back["postal_address"]["address_lines"] == json::array({"Main St 1"}));
  CHECK(back["payment_block"] == true);
  CHECK(back["status"] == "active");
  CHECK(back["tax_id"] == "US-123");
  CHECK(supplier_compared_fields(row) == supplier_compared_fields(v));
  auto changed = v;
  changed["PrimaryEmailAddress"] = "other@contoso.example";
  CHECK(supplier_compared_fields(changed) != supplier_compared_fields(v));
}

TEST_CASE("fo supplier: too long, unknown fields, another legal entity are refused", "[fo][mapping]") {
  std::string code;
  auto p = json{{"number", std::string(21, 'V')}, {"name", "x"}};
  CHECK(code_of([&] { supplier_to_vendor(p, config()); }, code) == static_cast<int>(erpc::error_class::validation));
  CHECK(code == "fo.too_long");
  p = {{"number", "V1"}, {"name", "x"}, {"bank_accounts", json::array()}};
  CHECK(code_of([&] { supplier_to_vendor(p, config()); }, code) == static_cast<int>(erpc::error_class::unsupported));
  p = {{"number", "V1"}, {"name", "x"}, {"legal_entity", "DE01"}};
  code_of([&] { supplier_to_vendor(p, config()); }, code);
  CHECK(code == "fo.legal_entity");
}

TEST_CASE("fo invoice: header + numbered lines, and back with F&O's tax", "[fo][mapping]") {
  const auto inv = invoice_to_vendor(invoice_payload(), config());
  CHECK(inv.header["dataAreaId"] == "usmf");
  CHECK(inv.header["InvoiceAccount"] == "V1");
  CHECK(inv.header["InvoiceNumber"] == "INV-1");
  CHECK(inv.header["PostingDate"] == "2026-03-02");
  CHECK(inv.header["CurrencyCode"] == "USD");
  CHECK_FALSE(inv.header.contains("HeaderReference"));
  REQUIRE(inv.lines.size() == 1);
  CHECK(inv.lines[0]["LineNumber"] == 1);
  CHECK(inv.lines[0]["MainAccountDisplayValue"] == "600100");
  CHECK(inv.lines[0]["ItemSalesTaxGroup"] == "VAT8");
  CHECK(erpc::adapters::dump_exact(inv.lines[0]["LineAmount"]) == "100.10");
  CHECK(erpc::adapters::dump_exact(inv.lines[0]["Quantity"]) == "2");

  auto header = inv.header;
  header["HeaderReference"] = "APINV000007";
  auto line = inv.lines[0];
  line["TaxAmount"] = erpc::adapters::make_decimal(*erpc::decimal::parse("8.01"));
  const auto doc = invoice_from_vendor(header, json::array({line}), config());
  CHECK(doc["id"] == "APINV000007");
  CHECK(doc["document_type"] == "invoice");
  CHECK(doc["totals"]["gross"] == money("108.11"));
  CHECK(doc["lines"][0]["account"] == "5400");
  CHECK(doc["lines"][0]["tax_code"] == "US8");
  CHECK(doc["lines"][0]["quantity"] == "2");
  CHECK(doc["supplier"]["number"] == "V1");
  CHECK(invoice_header_compared(header) == invoice_header_compared(inv.header));
  CHECK(invoice_line_compared(line) == invoice_line_compared(inv.lines[0]));
}

TEST_CASE("fo invoice: a credit note is sent negative and read back positive", "[fo][mapping]") {
  const auto inv = invoice_to_vendor(invoice_payload("credit_note"), config());
  CHECK(erpc::adapters::dump_exact(inv.lines[0]["LineAmount"]) == "-100.10");
  CHECK(erpc::adapters::dump_exact(inv.lines[0]["Quantity"]) == "-2");
  auto header = inv.header;
  header["HeaderReference"] = "APINV000008";
  auto line = inv.lines[0];
  line["TaxAmount"] = erpc::adapters::make_decimal(*erpc::decimal::parse("-8.01"));
  const auto doc = invoice_from_vendor(header, json::array({line}), config());
  CHECK(doc["document_type"] == "credit_note");
  CHECK(doc["totals"]["net"] == money("100.10"));
  CHECK(doc["lines"][0]["quantity"] == "2");
}

TEST_CASE("fo invoice: wrong line arithmetic, an unmapped account, a long number are refused", "[fo][mapping]") {
  std::string code;
  auto p = invoice_payload();
  p["lines"][0]["gross"] = money("108.12");
  code_of([&] { invoice_to_vendor(p, config()); }, code);
  CHECK(code == "fo.line_gross");
  p = invoice_payload();
  p["totals"]["gross"] = money("1.00");
  code_of([&] { invoice_to_vendor(p, config()); }, code);
  CHECK(code == "fo.total_gross");
  p = invoice_payload();
  p["lines"][0]["account"] = "9999";
  code_of([&] { invoice_to_vendor(p, config()); }, code);
  CHECK(code == "fo.unmapped_value");
  p = invoice_payload();
  p["invoice_number"] = std::string(21, '1');
  code_of([&] { invoice_to_vendor(p, config()); }, code);
  CHECK(code == "fo.too_long");
  p = invoice_payload();
  p["lines"][0]["quantity"] = "3";
  code_of([&] { invoice_to_vendor(p, config()); }, code);
  CHECK(code == "fo.line_amount");
}

TEST_CASE("fo journal: the key's reference is stable, 20 characters, differs per key", "[fo][mapping]") {
  const auto a = journal_reference("key-1");
  CHECK(a.size() == 20);
  CHECK(a.rfind("ERPC", 0) == 0);
  CHECK(a == journal_reference("key-1"));
  CHECK(a != journal_reference("key-2"));
  CHECK(a == "ERPCXYUXIVDJPDRXHHTN");  // "ERPC" + base32 of SHA-256("key-1") (Python hashlib/base64)
}

TEST_CASE("fo journal: balanced lines to LedgerJournalLines and back", "[fo][mapping]") {
  const json p = {{"external_refs", json::object()}, {"source", {{"system", "t"}}}, {"legal_entity", "US01"},
                  {"posting_date", "2026-03-31"}, {"functional_currency", "USD"}, {"reference", "ACR-7"},
                  {"description", "Accrual"},
                  {"lines", {{{"account", "5400"}, {"side", "debit"}, {"amount", money("10.00")}, {"functional_amount", money("10.00")}},
                             {{"account", "3300"}, {"side", "credit"}, {"amount", money("10.00")}, {"functional_amount", money("10.00")}}}}};
  const auto ref = journal_reference("k");
  const auto j = journal_to_vendor(p, config(), ref);
  CHECK(j.header["Description"] == ref);
  CHECK(j.header["JournalName"] == "GenJrn");
  REQUIRE(j.lines.size() == 2);
  CHECK(j.lines[0]["AccountDisplayValue"] == "600100");
  CHECK(j.lines[0].contains("DebitAmount"));
  CHECK(j.lines[1].contains("CreditAmount"));
  CHECK(j.lines[0]["Document"] == "ACR-7");
  CHECK(j.lines[0]["Description"] == "Accrual");
  auto header = j.header;
  header["JournalBatchNumber"] = "JB000001";
  const auto doc = journal_from_vendor(header, j.lines, config());
  CHECK(doc["id"] == "JB000001");
  CHECK(doc["reference"] == "ACR-7");
  CHECK(doc["posting_date"] == "2026-03-31");
  CHECK(doc["lines"][1]["side"] == "credit");
  CHECK(doc["lines"][1]["account"] == "3300");
  CHECK(doc["lines"][0]["amount"] == money("10.00"));

  std::string code;
  auto unbalanced = p;
  unbalanced["lines"][1]["amount"] = money("9.00");
  unbalanced["lines"][1]["functional_amount"] = money("9.00");
  code_of([&] { journal_to_vendor(unbalanced, config(), ref); }, code);
  CHECK(code == "fo.unbalanced");
  auto foreign = p;
  foreign["lines"][0]["amount"] = {{"amount", "9.00"}, {"currency", "EUR"}};
  CHECK(code_of([&] { journal_to_vendor(foreign, config(), ref); }, code) == static_cast<int>(erpc::error_class::unsupported));
}

TEST_CASE("fo client: only an @odata.nextLink into the connection's own /data/ is followed", "[fo][client]") {
  CHECK(erpc::fo::is_own_next_link("https://fo.example/data/VendorsV2?$skiptoken=2", "https://fo.example"));
  CHECK_FALSE(erpc::fo::is_own_next_link("https://evil.example/data/VendorsV2", "https://fo.example"));
  CHECK_FALSE(erpc::fo::is_own_next_link("https://fo.example.evil/data/VendorsV2", "https://fo.example"));
  CHECK_FALSE(erpc::fo::is_own_next_link("https://fo.example/other", "https://fo.example"));
  CHECK_FALSE(erpc::fo::is_own_next_link("https://fo.example/data/", "https://fo.example"));
  CHECK(erpc::fo::odata_literal("O'Brien") == "'O''Brien'");
}
