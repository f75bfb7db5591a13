// SPDX-License-Identifier: Apache-2.0
// $filter and the other system query options (vendors.md §2.5) against kept records.
#include "edm_model.hpp"
#include "embedded_metadata.hpp"
#include "gateway_error.hpp"
#include "odata_query.hpp"

#include <catch2/catch.hpp>

using namespace erpc::sim::sap;

namespace {

const edm_entity_type& invoice_type() {
  static const edm_model model = edm_model::parse(supplier_invoice_edmx());
  return *model.entity_set("A_SupplierInvoice");
}

query_options options(std::vector<std::pair<std::string, std::string>> params) {
  return parse_query_options(erpc::http_params(params.begin(), params.end()), invoice_type());
}

bool matches(const std::string& filter, const nlohmann::json& record) {
  const auto o = options({{"$filter", filter}});
  REQUIRE(o.filter != nullptr);
  return filter_matches(*o.filter, record, invoice_type());
}

const nlohmann::json invoice = {{"SupplierInvoiceIDByInvcgParty", "INV-1"},
                                {"InvoicingParty", "1000000"},
                                {"CompanyCode", "1710"},
                                {"FiscalYear", "2026"},
                                {"InvoiceGrossAmount", "1000.00"},
                                {"DocumentDate", "/Date(1772323200000)/"},
                                {"IsReversed", false}};

}  // namespace

TEST_CASE("$filter reads back an invoice by its natural key", "[sap][query]") {
  CHECK(matches("SupplierInvoiceIDByInvcgParty eq 'INV-1' and InvoicingParty eq '1000000'",
                invoice));
  CHECK_FALSE(matches("SupplierInvoiceIDByInvcgParty eq 'INV-2' and InvoicingParty eq '1000000'",
                      invoice));
  CHECK(matches("SupplierInvoiceIDByInvcgParty eq 'INV-1' and InvoicingParty eq '1000000' and "
                "CompanyCode eq '1710' and FiscalYear eq '2026'",
                invoice));
  CHECK(matches("(CompanyCode eq '1010' or CompanyCode eq '1710') and not IsReversed eq true",
                invoice));
  CHECK(matches("InvoiceGrossAmount eq 1000M", invoice));  // by value, not by text
  CHECK(matches("InvoiceGrossAmount gt 999.99", invoice));
  CHECK_FALSE(matches("InvoiceGrossAmount lt 1000", invoice));
  CHECK(matches("DocumentDate eq datetime'2026-03-01T00:00:00'", invoice));
  CHECK(matches("DocumentDate lt datetime'2026-03-01T00:00:01'", invoice));
  CHECK(matches("SupplierInvoiceIDByInvcgParty ne 'it''s'", invoice));
  CHECK(matches("PaymentReference eq ''", invoice));  // absent = initial value
  CHECK(matches("PostingDate eq null", invoice));
}

TEST_CASE("a query the simulator cannot answer exactly is a Gateway 400", "[sap][query]") {
  const auto refused = [](std::vector<std::pair<std::string, std::string>> params) {
    try {
      options(std::move(params));
      return false;
    } catch (const gateway_error& e) {
      return e.status() == 400 && e.code() == codes::bad_query;
    }
  };
  CHECK(refused({{"$filter", "Nope eq 'x'"}}));
  CHECK(refused({{"$filter", "CompanyCode eq 1710"}}));  // a number for a string
  CHECK(refused({{"$filter", "CompanyCode eq '1710"}}));
  CHECK(refused({{"$filter", "substringof('x', CompanyCode)"}}));
  CHECK(refused({{"$filter", "CompanyCode eq '1' extra"}}));
  CHECK(refused({{"$inlinecount", "yes"}}));  // vendors.md §2.5: only allpages|none
  CHECK(refused({{"$top", "-1"}}));
  CHECK(refused({{"$skip", "x"}}));
  CHECK(refused({{"$orderby", "Nope"}}));
  CHECK(refused({{"$search", "x"}}));
  CHECK_FALSE(refused({{"sap-client", "100"}, {"$inlinecount", "none"}}));
}

TEST_CASE("paging options add up and $inlinecount is read", "[sap][query]") {
  const auto o = options({{"$top", "5"}, {"$skip", "10"}, {"$skiptoken", "3"},
                          {"$inlinecount", "allpages"}, {"$orderby", "InvoiceGrossAmount desc"}});
  CHECK(o.top == 5u);
  CHECK(o.skip == 13u);
  CHECK(o.inline_count);
  REQUIRE(o.order_by.size() == 1);
  CHECK(o.order_by[0].descending);
}
