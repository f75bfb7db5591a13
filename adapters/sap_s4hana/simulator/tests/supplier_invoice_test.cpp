// SPDX-License-Identifier: Apache-2.0
// API_SUPPLIERINVOICE_PROCESS_SRV over HTTP (vendors.md §2.1, §2.3, §2.5; BANKING.md SAP):
// invoice deep insert, read-back by natural key, dates and decimals on the wire, the
// 16-character reference, credit memos, park/post/cancel.
#include "sap_test_client.hpp"

#include <catch2/catch.hpp>

#include <set>
#include <thread>

using namespace erpc::sim::sap::testing;

namespace {

const std::string invoices = invoice_service + "/A_SupplierInvoice";

std::string by_reference(const std::string& reference, const std::string& supplier) {
  return invoices + "?$filter=SupplierInvoiceIDByInvcgParty%20eq%20%27" + reference +
         "%27%20and%20InvoicingParty%20eq%20%27" + supplier + "%27";
}

}  // namespace

TEST_CASE("an invoice is created by deep insert with OData v2 dates and decimal strings",
          "[sap][invoice]") {
  sap_fixture f;
  auto& c = *f.client;
  const auto supplier = create_supplier(c, "SUP-1", true);
  const auto created = c.post(invoices, invoice_body("INV-2026-0042", supplier));
  REQUIRE(created.status == 201);
  CHECK(created.header("sap-message").empty());
  const auto d = body_json(created)["d"];
  CHECK(d["SupplierInvoice"] == "5105600001");
  CHECK(d["FiscalYear"] == "2026");  // the posting date's year
  CHECK(d["SupplierInvoiceStatus"] == "5");
  CHECK(d["DocumentDate"] == "/Date(1772323200000)/");
  CHECK(d["PostingDate"] == "/Date(1772409600000)/");
  CHECK(d["InvoiceGrossAmount"] == "1000.00");
  CHECK(d["InvoiceGrossAmount"].is_string());
  CHECK(d["UnplannedDeliveryCost"] == "0.000");
  CHECK(d["IsReversed"] == false);
  CHECK(d["__metadata"]["type"] == "API_SUPPLIERINVOICE_PROCESS_SRV.A_SupplierInvoiceType");
  CHECK(created.header("Location").find(
            "A_SupplierInvoice(SupplierInvoice='5105600001',FiscalYear='2026')") !=
        std::string::npos);
  const auto& item = d["to_SupplierInvoiceItemGLAcct"]["results"][0];
  CHECK(item["SupplierInvoice"] == "5105600001");
  CHECK(item["FiscalYear"] == "2026");
  CHECK(item["SupplierInvoiceItemAmount"] == "1000.00");
  CHECK(item["GLAccount"] == "61008000");

  const auto key = invoices + "(SupplierInvoice='5105600001',FiscalYear='2026')";
  const auto read = c.get(key + "?$expand=to_SupplierInvoiceItemGLAcct");
  REQUIRE(read.status == 200);
  CHECK(body_json(read)["d"]["to_SupplierInvoiceItemGLAcct"]["results"].size() == 1);
  // The raw body carries the decimal as a JSON string, never a number.
  CHECK(read.body.find("\"InvoiceGrossAmount\":\"1000.00\"") != std::string::npos);
  const auto items = c.get(key + "/to_SupplierInvoiceItemGLAcct");
  CHECK(body_json(items)["d"]["results"][0]["SupplierInvoiceItem"] == "1");
  // A /Date(ms)/ sent on write is accepted too.
  auto with_json_dates = invoice_body("INV-2", supplier);
  with_json_dates["DocumentDate"] = "/Date(1772323200000)/";
  CHECK(c.post(invoices, with_json_dates).status == 201);

  const auto effects = f.effects("?record_type=A_SupplierInvoice");
  CHECK(effects["created"] == 2);
  CHECK(effects["effects"][0]["natural_key"] == supplier + "/INV-2026-0042");
  CHECK(effects["effects"][0]["vendor_id"] == "5105600001/2026");
  CHECK(f.effects("?record_type=A_SupplierInvoiceItemGLAcct")["created"] == 2);
}

TEST_CASE("read-back by reference, invoicing party, company code and fiscal year",
          "[sap][invoice]") {
  sap_fixture f;
  auto& c = *f.client;
  const auto a = create_supplier(c, "SUP-A", false);
  const auto b = create_supplier(c, "SUP-B", false);
  REQUIRE(c.post(invoices, invoice_body("REF-1", a)).status == 201);
  REQUIRE(c.post(invoices, invoice_body("REF-1", b)).status == 201);
  REQUIRE(c.post(invoices, invoice_body("REF-2", a)).status == 201);

  const auto found = body_json(c.get(by_reference("REF-1", a)))["d"]["results"];
  REQUIRE(found.size() == 1);
  CHECK(found[0]["InvoicingParty"] == a);
  const auto full = c.get(by_reference("REF-1", b) +
                          "%20and%20CompanyCode%20eq%20%271710%27"
                          "%20and%20FiscalYear%20eq%20%272026%27&$inlinecount=allpages");
  CHECK(body_json(full)["d"]["__count"] == "1");
  CHECK(body_json(c.get(by_reference("REF-3", a)))["d"]["results"].empty());
}

TEST_CASE("a reference over 16 characters is refused, never truncated by default",
          "[sap][invoice][reference]") {
  sap_fixture f;
  auto& c = *f.client;
  const auto supplier = create_supplier(c, "SUP-1", false);
  const auto before = f.effects()["count"];
  const auto refused = c.post(invoices, invoice_body("INV-2026-00000042", supplier));  // 17
  CHECK(refused.status == 400);
  const auto error = body_json(refused)["error"];
  CHECK(error["code"] == "ZERPC_SIM/003");
  CHECK(error["innererror"]["errordetails"][0]["target"] == "SupplierInvoiceIDByInvcgParty");
  CHECK(error["innererror"]["application"]["service_id"] == "API_SUPPLIERINVOICE_PROCESS_SRV");
  CHECK(f.effects()["count"] == before);
  CHECK(c.post(invoices, invoice_body("INV-2026-0000042", supplier)).status == 201);  // 16

  // With sap.odata.overlong_strings=truncate the simulator shows what silent truncation does.
  f.set({{"sap.odata.overlong_strings", "truncate"}});
  const auto cut = c.post(invoices, invoice_body("INV-2026-00000099", supplier));
  REQUIRE(cut.status == 201);
  CHECK(body_json(cut)["d"]["SupplierInvoiceIDByInvcgParty"] == "INV-2026-0000009");
}

TEST_CASE("malformed invoices are refused with Gateway errors and leave no effect",
          "[sap][invoice][errors]") {
  sap_fixture f;
  auto& c = *f.client;
  const auto supplier = create_supplier(c, "SUP-1", false);
  const auto before = f.effects()["count"];

  auto float_amount = invoice_body("F-1", supplier);
  float_amount["InvoiceGrossAmount"] = 1000.5;
  CHECK(body_json(c.post(invoices, float_amount))["error"]["code"] == "ZERPC_SIM/002");
  auto bad_date = invoice_body("F-2", supplier);
  bad_date["DocumentDate"] = "01.03.2026";
  CHECK(c.post(invoices, bad_date).status == 400);
  auto no_party = invoice_body("F-3", supplier);
  no_party.erase("InvoicingParty");
  CHECK(body_json(c.post(invoices, no_party))["error"]["code"] == "ZERPC_SIM/008");
  auto bad_item = invoice_body("F-4", supplier);
  bad_item["to_SupplierInvoiceItemGLAcct"]["results"][0]["SupplierInvoiceItemAmount"] = "1.2345";
  CHECK(c.post(invoices, bad_item).status == 400);
  CHECK(c.send("PATCH", invoices + "(SupplierInvoice='5105600001',FiscalYear='2026')",
               R"({"DocumentHeaderText":"x"})")
            .status == 404);
  CHECK(f.effects()["count"] == before);
}

TEST_CASE("an unknown invoicing party is refused unless the setting allows it",
          "[sap][invoice][settings]") {
  sap_fixture f;
  auto& c = *f.client;
  const auto refused = c.post(invoices, invoice_body("U-1", "9999999"));
  CHECK(refused.status == 400);
  CHECK(body_json(refused)["error"]["code"] == "ZERPC_SIM/009");
  const auto supplier = create_supplier(c, "SUP-1", false, "1010");
  CHECK(c.post(invoices, invoice_body("U-1", supplier, "10.00", "1710")).status == 400);
  CHECK(c.post(invoices, invoice_body("U-1", supplier, "10.00", "1010")).status == 201);
  f.set({{"sap.invoice.require_known_supplier", false}});
  CHECK(c.post(invoices, invoice_body("U-2", "9999999")).status == 201);
}

TEST_CASE("credit memos, parking, posting, releasing and cancelling", "[sap][invoice]") {
  sap_fixture f;
  auto& c = *f.client;
  const auto supplier = create_supplier(c, "SUP-1", true);
  auto memo = invoice_body("CM-1", supplier);
  memo["SupplierInvoiceIsCreditMemo"] = "X";
  const auto credit = c.post(invoices, memo);
  REQUIRE(credit.status == 201);
  CHECK(body_json(credit)["d"]["SupplierInvoiceIsCreditMemo"] == "X");
  memo["SupplierInvoiceIsCreditMemo"] = "Y";
  CHECK(c.post(invoices, memo).status == 400);

  auto parked_body = invoice_body("P-1", supplier);
  parked_body["SupplierInvoiceStatus"] = "A";
  parked_body["PaymentBlockingReason"] = "R";
  const auto parked = body_json(c.post(invoices, parked_body))["d"];
  REQUIRE(parked["SupplierInvoiceStatus"] == "A");
  const auto number = parked["SupplierInvoice"].get<std::string>();
  const auto params = "?SupplierInvoice=%27" + number + "%27&FiscalYear=%272026%27";

  // Cancel needs a posted invoice; Post posts a parked one.
  CHECK(c.post(invoice_service + "/Cancel" + params, nlohmann::json::object()).status == 400);
  const auto posted = c.post(invoice_service + "/Post" + params, nlohmann::json::object());
  REQUIRE(posted.status == 200);
  CHECK(body_json(posted)["d"]["Post"]["Success"] == true);
  CHECK(c.post(invoice_service + "/Post" + params, nlohmann::json::object()).status == 400);
  const auto key = invoices + "(SupplierInvoice='" + number + "',FiscalYear='2026')";
  CHECK(body_json(c.get(key))["d"]["SupplierInvoiceStatus"] == "5");
  CHECK(c.post(invoice_service + "/Release" + params, nlohmann::json::object()).status == 200);
  CHECK(body_json(c.get(key))["d"]["PaymentBlockingReason"] == "");
  // The API offers no update of an invoice.
  CHECK(body_json(c.send("PATCH", key, R"({"DocumentHeaderText":"x"})"))["error"]["code"] ==
        "ZERPC_SIM/007");

  const auto cancelled = c.post(invoice_service + "/Cancel" + params +
                                    "&PostingDate=datetime%272026-03-10T00:00:00%27"
                                    "&ReversalReason=%2701%27",
                                nlohmann::json::object());
  REQUIRE(cancelled.status == 200);
  const auto result = body_json(cancelled)["d"]["Cancel"];
  CHECK(result["Success"] == true);
  const auto reversal = result["ReverseDocument"].get<std::string>();
  CHECK(reversal != number);
  const auto original = body_json(c.get(key))["d"];
  CHECK(original["IsReversed"] == true);
  CHECK(original["ReverseDocument"] == reversal);
  const auto reversal_doc =
      body_json(c.get(invoices + "(SupplierInvoice='" + reversal + "',FiscalYear='2026')"))["d"];
  CHECK(reversal_doc["IsReversal"] == true);
  CHECK(reversal_doc["PostingDate"] == "/Date(1773100800000)/");
  CHECK(c.post(invoice_service + "/Cancel" + params, nlohmann::json::object()).status == 400);
  CHECK(c.post(invoice_service + "/Cancel?SupplierInvoice=%27999%27&FiscalYear=%272026%27",
               nlohmann::json::object())
            .status == 404);

  // Effects: the post, release and cancel are updates of the invoice; the reversal is new.
  const auto history = f.effects("?natural_key=" + supplier + "/P-1");
  CHECK(history["created"] == 2);
  CHECK(history["updated"] == 3);
}

TEST_CASE("concurrent creates get distinct numbers and are all counted", "[sap][invoice]") {
  sap_fixture f;
  const auto supplier = create_supplier(*f.client, "SUP-1", true);
  constexpr int threads = 4;
  constexpr int per_thread = 8;
  std::vector<std::vector<std::string>> numbers(threads);
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      sap_client client(f.sim->port());
      client.fetch_csrf();
      for (int i = 0; i < per_thread; ++i) {
        const auto r = client.post(
            invoices, invoice_body("C-" + std::to_string(t) + "-" + std::to_string(i), supplier));
        if (r.status == 201) {
          numbers[static_cast<std::size_t>(t)].push_back(
              nlohmann::json::parse(r.body)["d"]["SupplierInvoice"].get<std::string>());
        }
      }
    });
  }
  for (auto& w : workers) w.join();
  std::set<std::string> distinct;
  for (const auto& list : numbers) distinct.insert(list.begin(), list.end());
  CHECK(distinct.size() == threads * per_thread);
  CHECK(f.effects("?record_type=A_SupplierInvoice")["created"] == threads * per_thread);
}
