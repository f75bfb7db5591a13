// SPDX-License-Identifier: Apache-2.0
// The canonical ↔ Coupa mappings, both directions, without a network: suppliers, invoices and
// credit notes, the natural-key queries and compared fields, the configuration, and what is
// refused.
#include "coupa_config.hpp"
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
namespace cp = erpc::coupa;

cp::connection_config config(json extra = json::object()) {
  json c = {{"base_url", "https://acme.coupahost.com"},
            {"client_id", "env:COUPA_CLIENT"},
            {"client_secret", "env:COUPA_SECRET"},
            {"value_maps", {{"accounts", {{"5400", "5400-100"}}}}}};
  c.update(extra);
  return cp::parse_config(c);
}

json money(const std::string& a) { return {{"amount", a}, {"currency", "EUR"}}; }

json invoice(const char* type = "invoice") {
  return {{"external_refs", json::object()},
          {"source", {{"system", "test"}}},
          {"document_type", type},
          {"direction", "payable"},
          {"supplier", {{"number", "S-1"}}},
          {"invoice_number", "INV-1"},
          {"invoice_date", "2026-03-02"},
          {"currency", "EUR"},
          {"lines", {{{"account", "5400"}, {"description", "Bearings"}, {"net", money("100.10")},
                      {"tax", money("19.02")}, {"gross", money("119.12")}}}},
          {"totals", {{"net", money("100.10")}, {"tax", money("19.02")}, {"gross", money("119.12")}}}};
}

json to_vendor(const cp::resource_mapping& m, const json& payload, const cp::connection_config& c) {
  cp::mapping_context ctx{c, [](const json&, const std::string&) {
                            return json{{"id", 7}, {"name", "Acme"}, {"number", "S-1"}};
                          }};
  return m.to_vendor(payload, ctx);
}

template <class F>
erpc::error thrown(F&& f) {
  try {
    f();
  } catch (const erpc::error& e) {
    return e;
  }
  FAIL("no erpc::error thrown");
  throw;
}

}  // namespace

TEST_CASE("an invoice maps to hyphenated Coupa fields with exact amounts", "[coupa][mapping]") {
  const auto m = cp::make_invoice_mapping();
  const auto body = to_vendor(*m, invoice(), config());
  CHECK(body["invoice-number"] == "INV-1");
  CHECK(body["invoice-date"] == "2026-03-02");
  CHECK(body["currency"] == json{{"code", "EUR"}});
  CHECK(body["supplier"] == json{{"id", 7}});
  CHECK(body["document-type"] == "Invoice");
  const auto& line = body["invoice-lines"][0];
  CHECK(line["line-num"] == 1);
  CHECK(line["account"] == json{{"code", "5400-100"}});
  CHECK(line["description"] == "Bearings");
  // Exact decimals in the wire text, never a double's rounding.
  const auto text = dump_exact(body);
  CHECK(text.find("\"total\":100.10") != std::string::npos);
  CHECK(text.find("\"tax-amount\":19.02") != std::string::npos);
}

TEST_CASE("a Coupa invoice reads back as the canonical payable invoice", "[coupa][mapping]") {
  const auto m = cp::make_invoice_mapping();
  const auto record = parse_exact(R"({"id": 5001, "invoice-number": "INV-1", "invoice-date": "2026-03-02T00:00:00Z",
    "currency": {"code": "EUR"}, "supplier": {"id": 7, "name": "Acme", "number": "S-1"}, "status": "approved",
    "exported": false, "document-type": "Invoice",
    "invoice-lines": [{"line-num": 2, "total": "5.00", "tax-amount": "0.95", "account": {"code": "9999"}},
                      {"line-num": 1, "total": "100.10", "tax-amount": "19.02", "account": {"code": "5400-100"},
                       "description": "Bearings"}]})");
  const auto doc = m->from_vendor(record, config());
  CHECK(doc["id"] == "5001");
  CHECK(doc["external_refs"] == json{{"coupa", "5001"}});
  CHECK(doc["direction"] == "payable");
  CHECK(doc["document_type"] == "invoice");
  CHECK(doc["invoice_date"] == "2026-03-02");
  CHECK(doc["supplier"] == json{{"name", "Acme"}, {"number", "S-1"}, {"external_refs", {{"coupa", "7"}}}});
  REQUIRE(doc["lines"].size() == 2);
  CHECK(doc["lines"][0]["account"] == "5400");  // mapped back through value_maps.accounts
  CHECK(doc["lines"][0]["description"] == "Bearings");
  CHECK(doc["lines"][1]["account"] == "9999");  // unmapped: the Coupa code
  CHECK(doc["totals"]["gross"] == money("125.07"));
  CHECK(doc["totals"]["tax"] == money("19.97"));
}

TEST_CASE("a credit note goes out negative and comes back positive", "[coupa][mapping]") {
  const auto m = cp::make_invoice_mapping();
  const auto body = to_vendor(*m, invoice("credit_note"), config());
  CHECK(body["document-type"] == "Credit Note");
  CHECK(dump_exact(body).find("\"total\":-100.10") != std::string::npos);
  json record = body;
  record["id"] = 9;
  record["supplier"] = {{"id", 7}, {"name", "Acme"}};
  const auto doc = m->from_vendor(record, config());
  CHECK(doc["document_type"] == "credit_note");
  CHECK(doc["lines"][0]["net"] == money("100.10"));
  CHECK(doc["totals"]["gross"] == money("119.12"));
}

TEST_CASE("the natural key is invoice-number + supplier[id], compared fields see a change", "[coupa][mapping]") {
  const auto m = cp::make_invoice_mapping();
  const auto body = to_vendor(*m, invoice(), config());
  CHECK(m->natural_query(body) == cp::query_params{{"invoice-number", "INV-1"}, {"supplier[id]", "7"}});
  // What Coupa answers: the same fields with amounts as strings, a datetime, extra fields.
  json record = parse_exact(dump_exact(body));
  record["invoice-date"] = "2026-03-02T00:00:00+01:00";
  record["invoice-lines"][0]["total"] = "100.1";
  record["supplier"] = {{"id", 7}, {"name", "Acme"}, {"number", "S-1"}};
  record["id"] = 5001;
  record["exported"] = false;
  CHECK(cp::differing_fields(*m, body, record).empty());
  record["invoice-lines"][0]["tax-amount"] = "19.03";
  CHECK(cp::differing_fields(*m, body, record) == std::vector<std::string>{"invoice-lines"});
  record["invoice-date"] = "2026-03-03";
  CHECK(cp::differing_fields(*m, body, record).size() == 2);
}

TEST_CASE("invoice fields Coupa does not carry are refused, never dropped", "[coupa][mapping]") {
  const auto m = cp::make_invoice_mapping();
  auto p = invoice();
  p["due_date"] = "2026-04-01";
  auto e = thrown([&] { to_vendor(*m, p, config()); });
  CHECK(e.cls() == erpc::error_class::unsupported);
  CHECK(e.field_errors().at(0).pointer == "/due_date");

  p = invoice();
  p["lines"][0]["tax_code"] = "DE19";
  e = thrown([&] { to_vendor(*m, p, config()); });
  CHECK(e.field_errors().at(0).pointer == "/lines/0/tax_code");

  p = invoice();
  p["direction"] = "receivable";
  CHECK(thrown([&] { to_vendor(*m, p, config()); }).cls() == erpc::error_class::unsupported);

  p = invoice();
  p["lines"][0]["gross"] = money("119.13");
  e = thrown([&] { to_vendor(*m, p, config()); });
  CHECK(e.code() == "coupa.gross_mismatch");
  CHECK(e.field_errors().at(0).pointer == "/lines/0/gross");

  p = invoice();
  p["lines"][0]["account"] = "7777";  // the connection maps accounts, and not this one
  e = thrown([&] { to_vendor(*m, p, config()); });
  CHECK(e.code() == "coupa.unmapped_value");
  // Without a value map the account code is sent as it is.
  CHECK(to_vendor(*m, p, config({{"value_maps", json::object()}}))["invoice-lines"][0]["account"]["code"] == "7777");
}

TEST_CASE("a supplier maps both ways, the name is its natural key", "[coupa][mapping]") {
  const auto m = cp::make_supplier_mapping();
  const json p = {{"external_refs", json::object()}, {"source", {{"system", "test"}}}, {"name", "Acme GmbH"},
                  {"number", "S-1"}, {"tax_id", "DE123456789"}, {"status", "active"}};
  const auto body = to_vendor(*m, p, config());
  CHECK(body == json{{"name", "Acme GmbH"}, {"number", "S-1"}, {"tax-id", "DE123456789"}, {"status", "active"}});
  CHECK(m->natural_query(body) == cp::query_params{{"name", "Acme GmbH"}});
  json record = body;
  record["id"] = 101;
  const auto doc = m->from_vendor(record, config());
  CHECK(doc["id"] == "101");
  CHECK(doc["external_refs"]["coupa"] == "101");
  CHECK(doc["tax_id"] == "DE123456789");
  CHECK(cp::differing_fields(*m, body, record).empty());
  record["number"] = "S-2";
  CHECK(cp::differing_fields(*m, body, record) == std::vector<std::string>{"number"});

  auto bad = p;
  bad["bank_accounts"] = json::array({{{"iban", "DE89370400440532013000"}}});
  CHECK(thrown([&] { to_vendor(*m, bad, config()); }).field_errors().at(0).pointer == "/bank_accounts");
}

TEST_CASE("the configuration: secret references only, tenant settings, defaults", "[coupa][config]") {
  const auto c = config();
  CHECK(c.token_url == "https://acme.coupahost.com/oauth2/token");
  CHECK_FALSE(c.invoice_create);
  CHECK(c.exported_by == cp::export_route::put_field);
  CHECK(c.scope.find("core.invoice.write") != std::string::npos);
  CHECK(config({{"export_route", "export_action"}, {"invoice_create", true}}).exported_by == cp::export_route::export_action);

  const auto e = thrown([] {
    cp::parse_config({{"base_url", "https://acme.coupahost.com"}, {"client_id", "env:C"},
                      {"client_secret", "s3cr3t-value"}, {"export_route", "post"}, {"api_key", "x"}});
  });
  CHECK(e.cls() == erpc::error_class::configuration);
  CHECK(e.code() == "coupa.config");
  CHECK(e.field_errors().size() == 3);
  CHECK(std::string(e.what()).find("s3cr3t-value") == std::string::npos);
  for (const auto& f : e.field_errors()) CHECK(f.message.find("s3cr3t-value") == std::string::npos);
}
