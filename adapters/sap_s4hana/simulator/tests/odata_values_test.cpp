// SPDX-License-Identifier: Apache-2.0
// OData v2 value forms (vendors.md §2.1 dates, §2.5 JSON): what the simulator accepts and keeps.
#include "edm_model.hpp"
#include "embedded_metadata.hpp"
#include "gateway_error.hpp"
#include "odata_values.hpp"

#include <catch2/catch.hpp>

using namespace erpc::sim::sap;

namespace {

const edm_model& invoice_model() {
  static const edm_model model = edm_model::parse(supplier_invoice_edmx());
  return model;
}

const edm_property& invoice_property(const char* name) {
  const auto* p = invoice_model().entity_set("A_SupplierInvoice")->property(name);
  REQUIRE(p != nullptr);
  return *p;
}

nlohmann::json accept(const char* name, const nlohmann::json& value,
                      overlong_policy overlong = overlong_policy::reject) {
  return accept_property_value(invoice_property(name), value, "A_SupplierInvoice", overlong);
}

}  // namespace

TEST_CASE("the EDMX model has the facts vendors.md §2.1 lists", "[sap][edm]") {
  const auto* invoice = invoice_model().entity_set("A_SupplierInvoice");
  REQUIRE(invoice != nullptr);
  CHECK(invoice->keys == std::vector<std::string>{"SupplierInvoice", "FiscalYear"});
  CHECK(invoice_property("SupplierInvoiceIDByInvcgParty").max_length == 16);
  CHECK(invoice_property("InvoiceGrossAmount").kind == edm_kind::decimal);
  CHECK(invoice_property("InvoiceGrossAmount").scale == 3);
  CHECK(invoice_property("InvoiceGrossAmount").precision == 14);
  CHECK_FALSE(invoice_property("SupplierInvoice").creatable);
  CHECK(invoice->has_navigation("to_SupplierInvoiceItemGLAcct"));
  const auto bp = edm_model::parse(business_partner_edmx());
  const auto* company = bp.entity_set("A_SupplierCompany");
  REQUIRE(company != nullptr);
  CHECK(company->property("IsToBeCheckedForDuplicates")->kind == edm_kind::boolean);
  CHECK(bp.entity_set("A_BusinessPartner")->property("BusinessPartnerIDByExtSystem")->max_length ==
        20);
  CHECK_THROWS(edm_model::parse("<not-edmx/>"));
}

TEST_CASE("dates are kept as /Date(ms)/ whichever accepted form was sent", "[sap][values]") {
  // 2026-03-01T00:00:00Z = 1772323200000 ms.
  CHECK(accept("DocumentDate", "2026-03-01T00:00:00") == "/Date(1772323200000)/");
  CHECK(accept("DocumentDate", "/Date(1772323200000)/") == "/Date(1772323200000)/");
  CHECK(accept("DocumentDate", "2026-03-01T00:00:00.250") == "/Date(1772323200250)/");
  CHECK_THROWS_AS(accept("DocumentDate", "2026-03-01"), gateway_error);
  CHECK_THROWS_AS(accept("DocumentDate", "2026-13-01T00:00:00"), gateway_error);
  CHECK_THROWS_AS(accept("DocumentDate", "2026-03-01T00:00:00Z"), gateway_error);  // no zone
  CHECK_THROWS_AS(accept("DocumentDate", 1772323200000), gateway_error);
  CHECK(parse_date_millis("/Date(1772323200000+0100)/", true) == 1772323200000);
  CHECK(parse_date_millis("2026-03-01T01:00:00+01:00", true) == 1772323200000);
  CHECK(year_of_millis(1772323200000) == 2026);
  CHECK(year_of_millis(1767225599999) == 2025);  // 2025-12-31T23:59:59.999Z
  CHECK(days_from_civil(1970, 1, 1) == 0);
  CHECK(days_from_civil(2000, 3, 1) == 11017);
}

TEST_CASE("decimals are strings within the EDMX precision and scale, never numbers",
          "[sap][values]") {
  CHECK(accept("InvoiceGrossAmount", "1000.00") == "1000.00");
  CHECK(accept("InvoiceGrossAmount", "-0.125") == "-0.125");
  CHECK(accept("InvoiceGrossAmount", "99999999999.999") == "99999999999.999");  // 11 + 3 digits
  CHECK_THROWS_AS(accept("InvoiceGrossAmount", "100000000000"), gateway_error);  // 12 digits
  CHECK_THROWS_AS(accept("InvoiceGrossAmount", "1.0001"), gateway_error);        // scale 4 > 3
  CHECK_THROWS_AS(accept("InvoiceGrossAmount", "1e3"), gateway_error);
  CHECK_THROWS_AS(accept("InvoiceGrossAmount", 1000.5), gateway_error);
  CHECK_THROWS_AS(accept("InvoiceGrossAmount", 1000), gateway_error);
  CHECK(initial_value(invoice_property("InvoiceGrossAmount")) == "0.000");
  CHECK(decimal_value("100.0") == decimal_value("100.00"));
}

TEST_CASE("a string over its MaxLength is refused, or cut when the setting says truncate",
          "[sap][values]") {
  CHECK(accept("SupplierInvoiceIDByInvcgParty", "ABCDEFGHIJKLMNOP") == "ABCDEFGHIJKLMNOP");
  try {
    accept("SupplierInvoiceIDByInvcgParty", "ABCDEFGHIJKLMNOPQ");
    FAIL("a 17-character reference was accepted");
  } catch (const gateway_error& e) {
    CHECK(e.status() == 400);
    CHECK(e.code() == codes::value_too_long);
    REQUIRE(e.details().size() == 1);
    CHECK(e.details()[0].target == "SupplierInvoiceIDByInvcgParty");
  }
  CHECK(accept("SupplierInvoiceIDByInvcgParty", "ABCDEFGHIJKLMNOPQ", overlong_policy::truncate) ==
        "ABCDEFGHIJKLMNOP");
  // Characters, not bytes: 16 umlauts fit, and truncation never splits one.
  const std::string umlauts = "ÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄ";
  CHECK(accept("SupplierInvoiceIDByInvcgParty", umlauts) == umlauts);
  CHECK(accept("SupplierInvoiceIDByInvcgParty", umlauts + "Ä", overlong_policy::truncate) ==
        umlauts);
  CHECK_THROWS_AS(accept("SupplierInvoiceIDByInvcgParty", 42), gateway_error);
  CHECK_THROWS_AS(accept("TaxIsCalculatedAutomatically", "true"), gateway_error);
  CHECK(accept("TaxIsCalculatedAutomatically", true) == true);
}
