// SPDX-License-Identifier: Apache-2.0
// The canonical ↔ Oracle Fusion mappings, both directions, without a network: suppliers,
// invoices and credit memos (negative amounts in Fusion, positive in the contract), payments,
// the natural-key queries, the hash-key rule for invoice ids, and what is refused.
#include "fusion_config.hpp"
#include "mapping_support.hpp"
#include "natural_key_create.hpp"
#include "resource_mapping.hpp"

#include <erpc/adapters/exact_json.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

namespace {

using erpc::adapters::dump_exact;
using erpc::adapters::parse_exact;
using nlohmann::json;
namespace of = erpc::oracle_fusion;

of::connection_config config() {
  return of::parse_config(json{
      {"base_url", "https://pod.fa.dc.oraclecloud.com"},
      {"auth_method", "basic"},
      {"user", "env:U"},
      {"password", "env:P"},
      {"supplier_site", "ERPC"},
      {"value_maps",
       {{"business_units", {{"DE01", "Vision Germany"}}},
        {"accounts", {{"5400", "01-000-5400-0000-000"}}},
        {"tax_codes", {{"DE19", "DE VAT 19"}}},
        {"bank_accounts", {{"1361", "Vision Germany Operating"}}}}}});
}

json money(const std::string& a) { return {{"amount", a}, {"currency", "EUR"}}; }

json invoice(const char* type = "invoice") {
  return {{"external_refs", json::object()},
          {"source", {{"system", "test"}}},
          {"document_type", type},
          {"direction", "payable"},
          {"legal_entity", "DE01"},
          {"supplier", {{"number", "1001"}}},
          {"invoice_number", "INV-1"},
          {"invoice_date", "2026-03-02"},
          {"currency", "EUR"},
          {"lines",
           {{{"account", "5400"}, {"tax_code", "DE19"}, {"description", "Bearings"},
             {"net", money("100.10")}, {"tax", money("19.02")}, {"gross", money("119.12")}}}},
          {"totals", {{"net", money("100.10")}, {"tax", money("19.02")}, {"gross", money("119.12")}}}};
}

struct rig {
  of::connection_config cfg = config();
  of::mapping_context ctx{cfg, [](const json&, const std::string&) {
                            return json{{"Supplier", "Acme GmbH"}, {"SupplierNumber", "1001"}};
                          }};
};

}  // namespace

TEST_CASE("invoice → Fusion: Item + Tax lines, exact amounts, business unit and site", "[oracle_fusion][mapping]") {
  rig r;
  const auto m = of::make_invoice_mapping();
  const auto body = m->to_vendor(invoice(), r.ctx);
  CHECK(body["InvoiceType"] == "Standard");
  CHECK(body["Supplier"] == "Acme GmbH");
  CHECK(body["SupplierSite"] == "ERPC");
  CHECK(body["BusinessUnit"] == "Vision Germany");
  CHECK(dump_exact(body["InvoiceAmount"]) == "119.12");
  REQUIRE(body["invoiceLines"].size() == 2);
  CHECK(body["invoiceLines"][0]["LineType"] == "Item");
  CHECK(dump_exact(body["invoiceLines"][0]["LineAmount"]) == "100.10");
  CHECK(body["invoiceLines"][0]["DistributionCombination"] == "01-000-5400-0000-000");
  CHECK(body["invoiceLines"][0]["TaxClassification"] == "DE VAT 19");
  CHECK(body["invoiceLines"][1]["LineType"] == "Tax");
  CHECK(dump_exact(body["invoiceLines"][1]["LineAmount"]) == "19.02");
  CHECK(dump_exact(body).find("119.12") != std::string::npos);  // a number, not a string
  CHECK(m->natural_query(body) == "InvoiceNumber='INV-1';Supplier='Acme GmbH'");
}

TEST_CASE("a credit note is a Credit Memo with negative amounts, positive again when read",
          "[oracle_fusion][mapping]") {
  rig r;
  const auto m = of::make_invoice_mapping();
  const auto body = m->to_vendor(invoice("credit_note"), r.ctx);
  CHECK(body["InvoiceType"] == "Credit Memo");
  CHECK(dump_exact(body["InvoiceAmount"]) == "-119.12");
  CHECK(dump_exact(body["invoiceLines"][0]["LineAmount"]) == "-100.10");
  CHECK(dump_exact(body["invoiceLines"][1]["LineAmount"]) == "-19.02");

  // As Fusion returns it: InvoiceId, opaque hash-key links, lines out of order.
  auto item = parse_exact(dump_exact(body));
  item["InvoiceId"] = 300000001000007;
  item["SupplierNumber"] = "1001";
  item["links"] = json::array({{{"rel", "self"},
                                {"href", "https://pod/fscmRestApi/resources/11.13.18.05/invoices/00020000000EACED0005770800"}}});
  std::swap(item["invoiceLines"][0], item["invoiceLines"][1]);
  const auto doc = m->from_vendor(item, r.cfg);
  CHECK(doc["document_type"] == "credit_note");
  CHECK(doc["id"] == "300000001000007");  // the InvoiceId, never the hash key
  CHECK(doc["external_refs"]["oracle_fusion"] == "300000001000007");
  CHECK(doc["legal_entity"] == "DE01");
  CHECK(doc["totals"]["gross"] == money("119.12"));
  REQUIRE(doc["lines"].size() == 1);
  CHECK(doc["lines"][0]["net"] == money("100.10"));
  CHECK(doc["lines"][0]["tax"] == money("19.02"));
  CHECK(doc["lines"][0]["account"] == "5400");
  CHECK(doc["lines"][0]["tax_code"] == "DE19");
  CHECK(doc["supplier"] == json({{"name", "Acme GmbH"}, {"number", "1001"}}));
  // The item read back holds everything the body set.
  CHECK(of::differing_fields(*m, body, item).empty());
}

TEST_CASE("a changed invoice differs in the compared fields", "[oracle_fusion][mapping]") {
  rig r;
  const auto m = of::make_invoice_mapping();
  const auto body = m->to_vendor(invoice(), r.ctx);
  auto changed = invoice();
  changed["invoice_date"] = "2026-03-03";
  CHECK(of::differing_fields(*m, m->to_vendor(changed, r.ctx), body) == std::vector<std::string>{"InvoiceDate"});
  changed = invoice();
  changed["lines"][0]["net"] = money("100.11");
  changed["lines"][0]["gross"] = money("119.13");
  changed["totals"]["gross"] = money("119.13");
  const auto diff = of::differing_fields(*m, m->to_vendor(changed, r.ctx), body);
  CHECK(diff == std::vector<std::string>{"InvoiceAmount", "invoiceLines"});
}

TEST_CASE("invoices: what cannot be carried is refused with a pointer", "[oracle_fusion][mapping]") {
  rig r;
  const auto m = of::make_invoice_mapping();
  auto check = [&](json p, erpc::error_class cls, const std::string& pointer) {
    try {
      (void)m->to_vendor(p, r.ctx);
      FAIL("accepted");
    } catch (const erpc::error& e) {
      CHECK(e.cls() == cls);
      REQUIRE_FALSE(e.field_errors().empty());
      CHECK(e.field_errors()[0].pointer == pointer);
    }
  };
  auto p = invoice();
  p["due_date"] = "2026-04-01";
  check(p, erpc::error_class::unsupported, "/due_date");
  p = invoice();
  p["direction"] = "receivable";
  check(p, erpc::error_class::unsupported, "/direction");
  p = invoice();
  p["lines"][0]["account"] = "9999";
  check(p, erpc::error_class::validation, "/lines/0/account");
  p = invoice();
  p["totals"]["gross"] = money("119.13");
  check(p, erpc::error_class::validation, "/totals/gross");
  p = invoice();
  p["lines"][0]["gross"] = money("119.13");
  check(p, erpc::error_class::validation, "/lines/0/gross");
  p = invoice();
  p["invoice_number"] = "O'Brien-1";
  auto body = m->to_vendor(p, r.ctx);
  CHECK_THROWS_AS(m->natural_query(body), erpc::error);  // quote escaping is undocumented
}

TEST_CASE("supplier ↔ Fusion, with the connection's site in the legal entity's business unit",
          "[oracle_fusion][mapping]") {
  rig r;
  const auto m = of::make_supplier_mapping();
  const json p = {{"external_refs", json::object()}, {"source", {{"system", "test"}}},
                  {"name", "Acme GmbH"}, {"number", "S1"}, {"tax_id", "DE123"}, {"legal_entity", "DE01"},
                  {"status", "active"}};
  const auto body = m->to_vendor(p, r.ctx);
  CHECK(body["Supplier"] == "Acme GmbH");
  CHECK(body["SupplierNumber"] == "S1");
  CHECK(body["TaxpayerId"] == "DE123");
  CHECK(body["Status"] == "ACTIVE");
  CHECK(body["sites"] == json::array({{{"SupplierSite", "ERPC"}, {"ProcurementBU", "Vision Germany"}}}));
  CHECK(m->natural_query(body) == "Supplier='Acme GmbH'");
  auto item = body;
  item["SupplierId"] = 42;
  const auto doc = m->from_vendor(item, r.cfg);
  CHECK(doc["id"] == "42");
  CHECK(doc["name"] == "Acme GmbH");
  CHECK(doc["number"] == "S1");
  CHECK(doc["legal_entity"] == "DE01");
  CHECK(doc["status"] == "active");
  // A number Fusion assigned is not a difference when the payload gave none.
  auto unnumbered = p;
  unnumbered.erase("number");
  CHECK(of::differing_fields(*m, m->to_vendor(unnumbered, r.ctx), item).empty());
  auto with_email = p;
  with_email["email"] = "ap@acme.example";
  CHECK_THROWS_AS(m->to_vendor(with_email, r.ctx), erpc::error);
}

TEST_CASE("payment → manual payablesPayment: credit notes applied negative, void shown on read",
          "[oracle_fusion][mapping]") {
  rig r;
  const auto m = of::make_payment_mapping();
  json p = {{"external_refs", json::object()}, {"source", {{"system", "test"}}}, {"direction", "outbound"},
            {"legal_entity", "DE01"}, {"document_number", "9001"}, {"amount", money("100.00")},
            {"requested_execution_date", "2026-03-10"}, {"creditor", {{"number", "1001"}}},
            {"clearing_account", "1361"},
            {"applications",
             {{{"document_type", "invoice"}, {"document", {{"number", "INV-1"}}}, {"amount", money("119.00")}},
              {{"document_type", "credit_note"}, {"document", {{"number", "CM-1"}}}, {"amount", money("19.00")}}}}};
  const auto body = m->to_vendor(p, r.ctx);
  CHECK(body["PaymentType"] == "Manual");
  CHECK(body["PaymentNumber"] == "9001");
  CHECK(body["DisbursementBankAccountName"] == "Vision Germany Operating");
  CHECK(body["PaymentMethodCode"] == "CHECK");
  CHECK(dump_exact(body["relatedInvoices"][1]["AmountPaid"]) == "-19.00");
  CHECK_FALSE(body.contains("PaymentAmount"));  // read-only in Fusion (§3.1)
  CHECK(m->natural_query(body) == "PaymentNumber='9001';DisbursementBankAccountName='Vision Germany Operating'");

  auto item = parse_exact(dump_exact(body));
  item["CheckId"] = 77;
  item["PaymentAmount"] = erpc::adapters::make_decimal(*erpc::decimal::parse("100.00"));
  item["PaymentStatus"] = "Voided";
  item["VoidDate"] = "2026-03-12";
  const auto doc = m->from_vendor(item, r.cfg);
  CHECK(doc["id"] == "77");
  CHECK(doc["amount"] == money("100.00"));
  CHECK(doc["clearing_account"] == "1361");
  CHECK(doc["applications"][1]["document_type"] == "credit_note");
  CHECK(doc["applications"][1]["amount"] == money("19.00"));
  CHECK(doc["notes"] == "Voided in Oracle Fusion on 2026-03-12");
  CHECK(of::differing_fields(*m, body, item).empty());

  p["amount"] = money("101.00");
  CHECK_THROWS_AS(m->to_vendor(p, r.ctx), erpc::error);
}

TEST_CASE("configuration: secrets must be references, OAuth 2.0 needs the client", "[oracle_fusion][mapping]") {
  CHECK_THROWS_AS(of::parse_config(json{{"base_url", "https://x"}, {"auth_method", "basic"},
                                        {"user", "env:U"}, {"password", "hunter2"}}),
                  erpc::error);
  const auto c = of::parse_config(json{{"base_url", "https://x/"}, {"auth_method", "oauth2"},
                                       {"client_id", "env:ID"}, {"client_secret", "env:SECRET"}});
  CHECK(c.auth == of::auth_method::oauth2);
  CHECK(c.token_url == "https://x/oauth2/v1/token");
  try {
    (void)of::parse_config(json{{"base_url", "https://x"}, {"auth_method", "basic"},
                                {"user", "env:U"}, {"password", "hunter2"}});
  } catch (const erpc::error& e) {
    CHECK(e.code() == "oracle_fusion.config");
    CHECK(std::string(e.what()).find("hunter2") == std::string::npos);
    for (const auto& f : e.field_errors()) CHECK(f.message.find("hunter2") == std::string::npos);
  }
}
