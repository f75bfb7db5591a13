// SPDX-License-Identifier: Apache-2.0
// Canonical ↔ SAP mappings both directions: exact decimal strings (never numbers), OData dates,
// the 16-character supplier reference refused (never cut), unknown fields refused, value maps,
// the compared fields, the key markers and the journal SOAP request.
#include "journal_soap.hpp"
#include "key_marker.hpp"
#include "odata_values.hpp"
#include "sap_config.hpp"
#include "sap_mapping.hpp"

#include <catch2/catch.hpp>

using nlohmann::json;

namespace {

erpc::sap::connection_config config() {
  return erpc::sap::parse_config(
      {{"base_url", "https://s4.example"},
       {"auth", {{"method", "basic"}, {"user", "env:U"}, {"password", "env:P"}}},
       {"value_maps",
        {{"company_codes", {{"DE01", "1010"}}},
         {"accounts", {{"5400", "61008000"}, {"6000", "21100000"}}},
         {"tax_codes", {{"DE19", "V1"}}},
         {"payment_terms", {{"NET30", "0004"}}}}},
       {"supplier", {{"reconciliation_account", "21100000"}}}});
}

// The supplier named by number; the connection resolves it with a lookup (integration tests).
const erpc::sap::supplier_resolver by_number = [](const json& party, const std::string&) {
  return party.value("number", std::string());
};

json money(const std::string& a) { return {{"amount", a}, {"currency", "EUR"}}; }

json invoice(const std::string& number = "INV-2026-0042") {
  return {{"external_refs", json::object()},
          {"source", {{"system", "test"}}},
          {"document_type", "invoice"},
          {"direction", "payable"},
          {"legal_entity", "DE01"},
          {"supplier", {{"number", "1000000"}}},
          {"invoice_number", number},
          {"invoice_date", "2026-03-01"},
          {"currency", "EUR"},
          {"lines",
           {{{"account", "5400"}, {"net", money("100.00")}, {"tax", money("19.00")},
             {"gross", money("119.00")}, {"tax_code", "DE19"}},
            {{"account", "5400"}, {"net", money("50.5")}, {"tax", money("9.60")},
             {"gross", money("60.10")}, {"tax_code", "DE19"}}}},
          {"totals", {{"net", money("150.50")}, {"tax", money("28.60")}, {"gross", money("179.10")}}}};
}

}  // namespace

TEST_CASE("an invoice becomes an A_SupplierInvoice deep insert with decimal strings",
          "[sap][mapping]") {
  const auto c = config();
  const auto body = erpc::sap::invoice_to_vendor(invoice(), c.maps, by_number);
  CHECK(body["CompanyCode"] == "1010");
  CHECK(body["InvoicingParty"] == "1000000");
  CHECK(body["SupplierInvoiceIDByInvcgParty"] == "INV-2026-0042");
  CHECK(body["DocumentDate"] == "2026-03-01T00:00:00");
  CHECK(body["PostingDate"] == "2026-03-01T00:00:00");
  CHECK(body["InvoiceGrossAmount"] == "179.10");
  CHECK_FALSE(body.contains("SupplierInvoiceIsCreditMemo"));
  const auto& items = body["to_SupplierInvoiceItemGLAcct"]["results"];
  REQUIRE(items.size() == 2);
  CHECK(items[0]["GLAccount"] == "61008000");
  CHECK(items[1]["SupplierInvoiceItemAmount"] == "50.50");  // currency digits, a string
  CHECK(items[1]["TaxCode"] == "V1");
  const auto& taxes = body["to_SupplierInvoiceTax"]["results"];
  REQUIRE(taxes.size() == 1);
  CHECK(taxes[0]["TaxAmount"] == "28.60");
  CHECK(taxes[0]["TaxBaseAmountInTransCrcy"] == "150.50");
  // No JSON number anywhere in the body.
  std::function<void(const json&)> no_numbers = [&](const json& j) {
    CHECK_FALSE(j.is_number());
    if (j.is_structured()) {
      for (const auto& v : j) no_numbers(v);
    }
  };
  no_numbers(body);

  auto credit = invoice();
  credit["document_type"] = "credit_note";
  CHECK(erpc::sap::invoice_to_vendor(credit, c.maps, by_number)["SupplierInvoiceIsCreditMemo"] == "X");
}

TEST_CASE("a supplier reference longer than 16 characters is VALIDATION, never truncated",
          "[sap][mapping]") {
  const auto c = config();
  CHECK_NOTHROW(erpc::sap::invoice_to_vendor(invoice("ABCDEFGHIJKLMNOP"), c.maps, by_number));  // 16
  try {
    erpc::sap::invoice_to_vendor(invoice("ABCDEFGHIJKLMNOPQ"), c.maps, by_number);  // 17
    FAIL("a 17-character reference was accepted");
  } catch (const erpc::error& e) {
    CHECK(e.cls() == erpc::error_class::validation);
    CHECK(e.code() == "sap.too_long");
    REQUIRE(e.field_errors().size() == 1);
    CHECK(e.field_errors()[0].pointer == "/invoice_number");
    CHECK(e.effect() == erpc::effect::none);
  }
  // Characters, not bytes: 16 umlauts fit.
  CHECK_NOTHROW(erpc::sap::invoice_to_vendor(invoice("ÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄ"), c.maps, by_number));
}

TEST_CASE("unmapped codes, unknown fields and receivables are refused with pointers",
          "[sap][mapping]") {
  const auto c = config();
  auto unmapped = invoice();
  unmapped["legal_entity"] = "FR01";
  CHECK_THROWS_WITH(erpc::sap::invoice_to_vendor(unmapped, c.maps, by_number),
                    Catch::Contains("company_codes") && Catch::Contains("/legal_entity"));
  auto unknown = invoice();
  unknown["withholding"] = {{"amount", money("1.00")}};
  try {
    erpc::sap::invoice_to_vendor(unknown, c.maps, by_number);
    FAIL("withholding was dropped silently");
  } catch (const erpc::error& e) {
    CHECK(e.cls() == erpc::error_class::unsupported);
    CHECK(e.field_errors()[0].pointer == "/withholding");
  }
  auto receivable = invoice();
  receivable["direction"] = "receivable";
  CHECK_THROWS_AS(erpc::sap::invoice_to_vendor(receivable, c.maps, by_number), erpc::error);
  auto taxed_without_code = invoice();
  taxed_without_code["lines"][0].erase("tax_code");
  CHECK_THROWS_WITH(erpc::sap::invoice_to_vendor(taxed_without_code, c.maps, by_number),
                    Catch::Contains("tax code"));
}

TEST_CASE("an SAP invoice read back becomes the canonical document, tax shared exactly",
          "[sap][mapping]") {
  const auto c = config();
  const json record = {
      {"SupplierInvoice", "5105600001"},
      {"FiscalYear", "2026"},
      {"CompanyCode", "1010"},
      {"DocumentDate", "/Date(1772323200000)/"},  // 2026-03-01
      {"PostingDate", "/Date(1772409600000)/"},   // 2026-03-02
      {"SupplierInvoiceIDByInvcgParty", "INV-1"},
      {"InvoicingParty", "1000000"},
      {"DocumentCurrency", "EUR"},
      {"InvoiceGrossAmount", "120.00"},
      {"SupplierInvoiceIsCreditMemo", ""},
      {"to_SupplierInvoiceItemGLAcct",
       {{"results",
         {{{"GLAccount", "61008000"}, {"SupplierInvoiceItemAmount", "33.33"}, {"TaxCode", "V1"}},
          {{"GLAccount", "61008000"}, {"SupplierInvoiceItemAmount", "33.33"}, {"TaxCode", "V1"}},
          {{"GLAccount", "61008000"}, {"SupplierInvoiceItemAmount", "33.34"}, {"TaxCode", "V1"}}}}}},
      {"to_SupplierInvoiceTax", {{"results", {{{"TaxCode", "V1"}, {"TaxAmount", "20.00"}}}}}}};
  const auto doc = erpc::sap::invoice_from_vendor(record, c.maps);
  CHECK(doc["id"] == "5105600001/2026");
  CHECK(doc["external_refs"]["sap_s4hana"] == "5105600001/2026");
  CHECK(doc["invoice_date"] == "2026-03-01");
  CHECK(doc["posting_date"] == "2026-03-02");
  CHECK(doc["legal_entity"] == "DE01");
  CHECK(doc["document_type"] == "invoice");
  REQUIRE(doc["lines"].size() == 3);
  CHECK(doc["lines"][0]["tax"]["amount"] == "6.67");
  CHECK(doc["lines"][1]["tax"]["amount"] == "6.67");
  CHECK(doc["lines"][2]["tax"]["amount"] == "6.66");  // the remainder: the sum stays 20.00
  CHECK(doc["lines"][0]["account"] == "5400");
  CHECK(doc["lines"][0]["tax_code"] == "DE19");
  CHECK(doc["totals"]["tax"]["amount"] == "20.00");
  CHECK(doc["totals"]["gross"]["amount"] == "120.00");

  auto unmapped = record;
  unmapped["CompanyCode"] = "9999";
  CHECK_THROWS_WITH(erpc::sap::invoice_from_vendor(unmapped, c.maps), Catch::Contains("9999"));
}

TEST_CASE("compared fields see through SAP's read-back forms but not through a changed amount",
          "[sap][mapping]") {
  const auto c = config();
  const auto sent = erpc::sap::invoice_to_vendor(invoice(), c.maps, by_number);
  auto read = sent;
  read["DocumentDate"] = "/Date(1772323200000)/";
  read["PostingDate"] = "/Date(1772323200000)/";
  read["InvoiceGrossAmount"] = "179.1000";
  read["to_SupplierInvoiceItemGLAcct"]["results"][1]["SupplierInvoiceItemAmount"] = "50.500";
  CHECK(erpc::sap::invoice_compared_fields(read) == erpc::sap::invoice_compared_fields(sent));
  read["InvoiceGrossAmount"] = "179.11";
  CHECK(erpc::sap::invoice_compared_fields(read) != erpc::sap::invoice_compared_fields(sent));
}

TEST_CASE("a supplier becomes a business partner deep insert and reads back", "[sap][mapping]") {
  const auto c = config();
  const json supplier = {{"external_refs", json::object()},
                         {"source", {{"system", "test"}}},
                         {"name", std::string(45, 'A') + " GmbH"},
                         {"legal_entity", "DE01"},
                         {"tax_id", "DE123456789"},
                         {"payment_terms", {{"code", "NET30"}}},
                         {"postal_address",
                          {{"street_name", "Marienplatz"}, {"building_number", "1"},
                           {"postal_code", "80331"}, {"town_name", "Munich"}, {"country", "DE"}}}};
  const auto body = erpc::sap::supplier_to_vendor(supplier, c);
  CHECK(body["BusinessPartnerCategory"] == "2");
  CHECK(body["OrganizationBPName1"] == std::string(40, 'A'));
  CHECK(body["OrganizationBPName2"] == "AAAAA GmbH");
  CHECK(body["to_BusinessPartnerRole"]["results"].size() == 2);
  const auto& company = body["to_Supplier"]["to_SupplierCompany"]["results"][0];
  CHECK(company["CompanyCode"] == "1010");
  CHECK(company["PaymentTerms"] == "0004");
  CHECK(company["ReconciliationAccount"] == "21100000");
  CHECK(company["IsToBeCheckedForDuplicates"] == true);
  CHECK(body["to_BusinessPartnerAddress"]["results"][0]["CityName"] == "Munich");

  auto read = body;
  read["BusinessPartner"] = "1000000";
  read["Supplier"] = "1000000";
  const auto doc = erpc::sap::supplier_from_vendor(read, c.maps);
  CHECK(doc["id"] == "1000000");
  CHECK(doc["number"] == "1000000");  // no search term: SAP's supplier number
  CHECK(doc["name"] == supplier["name"]);
  CHECK(doc["legal_entity"] == "DE01");
  CHECK(doc["payment_terms"]["code"] == "NET30");
  CHECK(doc["postal_address"]["town_name"] == "Munich");
  CHECK(erpc::sap::supplier_compared_fields(read) == erpc::sap::supplier_compared_fields(body));

  auto with_email = supplier;
  with_email["email"] = "ap@acme.example";
  CHECK_THROWS_WITH(erpc::sap::supplier_to_vendor(with_email, c), Catch::Contains("/email"));
}

TEST_CASE("key markers fit their SAP field, are stable, and never collide with a short key",
          "[sap][mapping]") {
  using erpc::sap::key_marker;
  CHECK(key_marker("inv-1", 25) == "inv-1");
  const std::string long_key(64, 'k');
  const auto m = key_marker(long_key, 16);
  CHECK(m.size() == 16);
  CHECK(m.front() == '#');
  CHECK(m == key_marker(long_key, 16));
  CHECK(key_marker(long_key + "x", 16) != m);
  CHECK(key_marker("#abc", 25).size() == 25);  // a key that looks like a marker is hashed
  CHECK(key_marker(std::string(20, 'a'), 20) == std::string(20, 'a'));
  CHECK(key_marker(std::string(21, 'a'), 20).size() == 20);
  // "#" + base32 of SHA-256(key) (Python hashlib/base64): markers written before stay readable.
  CHECK(key_marker("a-key-longer-than-sixteen", 16) == "#I3FMP6T7CY543WU");
}

TEST_CASE("OData dates round-trip through /Date(ms)/", "[sap][mapping]") {
  using erpc::sap::odata::date_from_datetime;
  CHECK(date_from_datetime("/Date(1772323200000)/") == "2026-03-01");
  CHECK(date_from_datetime("/Date(1772323200000+0000)/") == "2026-03-01");
  CHECK(date_from_datetime("/Date(-86400000)/") == "1969-12-31");
  CHECK(date_from_datetime("2024-02-29T00:00:00") == "2024-02-29");
  // Instants whose year has more or fewer than four digits are not dates a document carries.
  CHECK_FALSE(date_from_datetime("/Date(177232320000200000)/"));
  CHECK_FALSE(date_from_datetime("/Date(-62135596800001)/"));
  CHECK(date_from_datetime("/Date(253402300799999)/") == "9999-12-31");
  CHECK(date_from_datetime("/Date(-62135596800000)/") == "0001-01-01");
  CHECK_FALSE(date_from_datetime("2023-02-29T00:00:00"));
  CHECK_FALSE(date_from_datetime("/Date(x)/"));
  CHECK(erpc::sap::odata::datetime_from_date("2026-12-31") == "2026-12-31T00:00:00");
  CHECK_FALSE(erpc::sap::odata::datetime_from_date("2026-13-01"));
  CHECK(erpc::sap::odata::literal("O'Brien") == "'O''Brien'");
}

TEST_CASE("a journal becomes one SOAP JournalEntryCreateRequest, credits negative",
          "[sap][mapping][journal]") {
  const auto c = config();
  const json journal = {
      {"external_refs", json::object()},
      {"source", {{"system", "test"}}},
      {"legal_entity", "DE01"},
      {"posting_date", "2026-03-02"},
      {"functional_currency", "EUR"},
      {"description", "Accrual <March> & co"},
      {"lines",
       {{{"account", "5400"}, {"side", "debit"}, {"amount", money("100.00")},
         {"functional_amount", money("100.00")}},
        {{"account", "6000"}, {"side", "credit"}, {"amount", money("100.00")},
         {"functional_amount", money("100.00")}}}}};
  const auto xml = erpc::sap::journal_request(journal, c.maps, "SA", "JE-KEY", "2026-03-02T10:00:00Z");
  CHECK(xml.find("<DocumentReferenceID>JE-KEY</DocumentReferenceID>") != std::string::npos);
  CHECK(xml.find("<CompanyCode>1010</CompanyCode>") != std::string::npos);
  CHECK(xml.find("Accrual &lt;March&gt; &amp; co") != std::string::npos);
  CHECK(xml.find("currencyCode=\"EUR\">100.00<") != std::string::npos);
  CHECK(xml.find("currencyCode=\"EUR\">-100.00<") != std::string::npos);
  CHECK(xml.find("<DebitCreditCode>H</DebitCreditCode>") != std::string::npos);
  auto unbalanced_fx = journal;
  unbalanced_fx["lines"][0]["functional_amount"] = money("99.00");
  CHECK_THROWS_WITH(erpc::sap::journal_request(unbalanced_fx, c.maps, "SA", "K", "t"),
                    Catch::Contains("functional_amount"));
}

TEST_CASE("configuration: credentials must be secret references and are never echoed",
          "[sap][config]") {
  try {
    erpc::sap::parse_config({{"base_url", "https://s4.example"},
                             {"auth", {{"method", "basic"}, {"user", "env:U"},
                                       {"password", "hunter2-plain"}}}});
    FAIL("a plain password was accepted");
  } catch (const erpc::error& e) {
    CHECK(e.cls() == erpc::error_class::configuration);
    CHECK(std::string(e.what()).find("hunter2") == std::string::npos);
    CHECK(e.field_errors()[0].pointer == "/auth/password");
  }
  const auto oauth = erpc::sap::parse_config(
      {{"base_url", "https://s4.example/"},
       {"auth", {{"method", "oauth2"}, {"client_id", "env:I"}, {"client_secret", "env:S"}}}});
  CHECK(oauth.base_url == "https://s4.example");
  CHECK(oauth.auth.token_url == "https://s4.example/sap/bc/sec/oauth2/token");
  CHECK_THROWS_WITH(erpc::sap::parse_config({{"base_url", "https://s4.example"},
                                             {"auth", {{"method", "basic"}, {"user", "env:U"},
                                                       {"password", "env:P"}}},
                                             {"surprise", true}}),
                    Catch::Contains("/surprise"));
}
