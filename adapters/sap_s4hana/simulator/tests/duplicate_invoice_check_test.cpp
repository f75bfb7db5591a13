// SPDX-License-Identifier: Apache-2.0
// The duplicate-invoice check over HTTP: every rule of BANKING.md "Vendor duplicate semantics"
// (SAP) and vendors.md §2.3, each setting with both of its values.
#include "sap_test_client.hpp"

#include <catch2/catch.hpp>

using namespace erpc::sim::sap::testing;

namespace {

const std::string invoices = invoice_service + "/A_SupplierInvoice";

struct dup_fixture : sap_fixture {
  // A supplier whose company code asks for the check.
  std::string checked = create_supplier(*client, "SUP-CHECKED", true);
  // One that does not.
  std::string unchecked = create_supplier(*client, "SUP-UNCHECKED", false);

  int post(const nlohmann::json& body) { return client->post(invoices, body).status; }
  std::size_t invoice_count() {
    return effects("?record_type=A_SupplierInvoice")["created"].get<std::size_t>();
  }
};

}  // namespace

TEST_CASE("a repeated invoice is refused with M8/108 in a Gateway body and no second document",
          "[sap][duplicate]") {
  dup_fixture f;
  const auto first = f.client->post(invoices, invoice_body("INV-1", f.checked));
  REQUIRE(first.status == 201);
  const auto again = f.client->post(invoices, invoice_body("INV-1", f.checked));
  CHECK(again.status == 400);
  const auto error = body_json(again)["error"];
  CHECK(error["code"] == "M8/108");
  CHECK(error["message"]["value"] ==
        "Check if invoice already entered under accounting doc. no. 5105600001 2026");
  CHECK(error["innererror"]["application"]["component_id"] == "MM-IV-LIV");
  CHECK(error["innererror"]["errordetails"][0]["code"] == "M8/108");
  CHECK(error["innererror"]["errordetails"][0]["severity"] == "error");
  CHECK(f.invoice_count() == 1);

  // The status and code of the refusal are settings (vendors.md §2.3: unconfirmed).
  f.set({{"sap.duplicate_check.http_status", 409}, {"sap.duplicate_check.code", "M8/999"}});
  const auto configured = f.client->post(invoices, invoice_body("INV-1", f.checked));
  CHECK(configured.status == 409);
  CHECK(body_json(configured)["error"]["code"] == "M8/999");
  CHECK(f.invoice_count() == 1);
}

TEST_CASE("as a warning the duplicate posts and the message is only in sap-message",
          "[sap][duplicate]") {
  dup_fixture f;
  REQUIRE(f.post(invoice_body("INV-1", f.checked)) == 201);
  f.set({{"sap.duplicate_check.message_type", "warning"}});
  const auto warned = f.client->post(invoices, invoice_body("INV-1", f.checked));
  REQUIRE(warned.status == 201);
  const auto message = nlohmann::json::parse(warned.header("sap-message"));
  CHECK(message["code"] == "M8/108");
  CHECK(message["severity"] == "warning");
  CHECK(message["message"].get<std::string>().find("5105600001") != std::string::npos);
  CHECK(body_json(warned)["d"]["SupplierInvoice"] == "5105600002");
  CHECK(f.invoice_count() == 2);
}

TEST_CASE("the check runs only with a filled reference", "[sap][duplicate]") {
  dup_fixture f;
  CHECK(f.post(invoice_body("", f.checked)) == 201);
  CHECK(f.post(invoice_body("", f.checked)) == 201);
  CHECK(f.invoice_count() == 2);
}

TEST_CASE("the check needs IsToBeCheckedForDuplicates unless the setting drops the condition",
          "[sap][duplicate]") {
  dup_fixture f;
  CHECK(f.post(invoice_body("INV-1", f.unchecked)) == 201);
  CHECK(f.post(invoice_body("INV-1", f.unchecked)) == 201);  // flag off: no check
  f.set({{"sap.duplicate_check.requires_supplier_flag", false}});
  CHECK(f.post(invoice_body("INV-1", f.unchecked)) == 400);
  // Turning the flag on through the API switches the check on for that supplier.
  f.set({{"sap.duplicate_check.requires_supplier_flag", true}});
  CHECK(f.client->send("PATCH",
                       bp_service + "/A_SupplierCompany(Supplier='" + f.unchecked +
                           "',CompanyCode='1710')",
                       R"({"IsToBeCheckedForDuplicates":true})")
            .status == 204);
  CHECK(f.post(invoice_body("INV-1", f.unchecked)) == 400);
}

TEST_CASE("the check can be switched off", "[sap][duplicate]") {
  dup_fixture f;
  CHECK(f.post(invoice_body("INV-1", f.checked)) == 201);
  f.set({{"sap.duplicate_check.enabled", false}});
  CHECK(f.post(invoice_body("INV-1", f.checked)) == 201);
  f.set({{"sap.duplicate_check.enabled", true}});
  CHECK(f.post(invoice_body("INV-1", f.checked)) == 400);
}

TEST_CASE("the amount is a criterion: a changed amount passes, unless it is not compared",
          "[sap][duplicate]") {
  dup_fixture f;
  CHECK(f.post(invoice_body("INV-1", f.checked, "1000.00")) == 201);
  CHECK(f.post(invoice_body("INV-1", f.checked, "1000.0")) == 400);  // same value, other scale
  CHECK(f.post(invoice_body("INV-1", f.checked, "1000.01")) == 201);
  f.set({{"sap.duplicate_check.compare_amount", false}});
  CHECK(f.post(invoice_body("INV-1", f.checked, "2000.00")) == 400);
}

TEST_CASE("currency, company code and document date are criteria each setting can drop",
          "[sap][duplicate]") {
  // Each criterion with two values that differ from the first invoice's, so the second
  // attempt can only match the first invoice — and only when the criterion is not compared.
  struct criterion {
    const char* setting;
    const char* property;
    const char* first_change;
    const char* second_change;
  };
  const std::vector<criterion> criteria = {
      {"sap.duplicate_check.compare_currency", "DocumentCurrency", "EUR", "GBP"},
      {"sap.duplicate_check.compare_document_date", "DocumentDate", "2026-03-05T00:00:00",
       "2026-03-06T00:00:00"},
      {"sap.duplicate_check.compare_company_code", "CompanyCode", "1010", "1020"},
  };
  for (const auto& c : criteria) {
    DYNAMIC_SECTION(c.setting) {
      dup_fixture f;
      // Other company codes have no supplier master here: drop the conditions that need one.
      f.set({{"sap.invoice.require_known_supplier", false},
             {"sap.duplicate_check.requires_supplier_flag", false}});
      CHECK(f.post(invoice_body("INV-1", f.checked)) == 201);
      auto changed = invoice_body("INV-1", f.checked);
      changed[c.property] = c.first_change;
      CHECK(f.post(changed) == 201);  // compared: a difference means no duplicate
      f.set({{c.setting, false}});
      changed[c.property] = c.second_change;
      CHECK(f.post(changed) == 400);  // not compared: the difference no longer counts
    }
  }
}

TEST_CASE("another supplier's invoice with the same reference is not a duplicate",
          "[sap][duplicate]") {
  dup_fixture f;
  const auto other = create_supplier(*f.client, "SUP-OTHER", true);
  CHECK(f.post(invoice_body("INV-1", f.checked)) == 201);
  CHECK(f.post(invoice_body("INV-1", other)) == 201);
}

TEST_CASE("credit memos are skipped unless the setting says otherwise", "[sap][duplicate]") {
  dup_fixture f;
  auto memo = invoice_body("CM-1", f.checked);
  memo["SupplierInvoiceIsCreditMemo"] = "X";
  CHECK(f.post(memo) == 201);
  CHECK(f.post(memo) == 201);
  // A credit memo is not a duplicate of an invoice with the same reference, or vice versa.
  CHECK(f.post(invoice_body("CM-1", f.checked)) == 201);
  f.set({{"sap.duplicate_check.skips_credit_memos", false}});
  CHECK(f.post(memo) == 400);
}

TEST_CASE("reversed invoices do not count: cancel then re-enter passes", "[sap][duplicate]") {
  dup_fixture f;
  const auto first = body_json(f.client->post(invoices, invoice_body("INV-1", f.checked)))["d"];
  const auto number = first["SupplierInvoice"].get<std::string>();
  REQUIRE(f.client
              ->post(invoice_service + "/Cancel?SupplierInvoice=%27" + number +
                         "%27&FiscalYear=%272026%27",
                     nlohmann::json::object())
              .status == 200);
  f.set({{"sap.duplicate_check.ignores_reversed", false}});
  CHECK(f.post(invoice_body("INV-1", f.checked)) == 400);
  f.set({{"sap.duplicate_check.ignores_reversed", true}});
  CHECK(f.post(invoice_body("INV-1", f.checked)) == 201);
}

TEST_CASE("a parked invoice counts as an effect that happened, unless the setting says not",
          "[sap][duplicate]") {
  dup_fixture f;
  auto parked = invoice_body("INV-1", f.checked);
  parked["SupplierInvoiceStatus"] = "A";
  CHECK(f.post(parked) == 201);
  CHECK(f.post(invoice_body("INV-1", f.checked)) == 400);
  f.set({{"sap.duplicate_check.counts_parked", false}});
  CHECK(f.post(invoice_body("INV-1", f.checked)) == 201);
  // The read-back sees both: the parked one is a document too.
  const auto found = body_json(f.client->get(
      invoices + "?$filter=SupplierInvoiceIDByInvcgParty%20eq%20%27INV-1%27"))["d"]["results"];
  CHECK(found.size() == 2);
}
