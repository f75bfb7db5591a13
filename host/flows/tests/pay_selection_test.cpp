#include <erpc/host/pay_selection.hpp>

#include <catch2/catch.hpp>

using namespace erpc;
using nlohmann::json;

namespace {

json bill(const std::string& id, const std::string& supplier, const char* payable,
          bool blocked = false, const char* currency = "EUR") {
  json inv = {{"id", id},
              {"external_refs", {{"netsuite", id}}},
              {"source", {{"system", "netsuite"}}},
              {"document_type", "invoice"},
              {"direction", "payable"},
              {"legal_entity", "DE01"},
              {"supplier", {{"external_refs", {{"netsuite", supplier}}}}},
              {"invoice_number", "INV-" + id},
              {"invoice_date", "2026-03-01"},
              {"currency", currency},
              {"amount_payable", {{"amount", payable}, {"currency", currency}}}};
  if (blocked) {
    inv["payment_block"] = true;
    inv["payment_block_reason"] = "approval status 1 (not approved)";
  }
  return inv;
}

pay_flow_config config() {
  return pay_flow_config::from_json(
      {{"erp", "erp"}, {"bank", "bank"}, {"legal_entity", "DE01"}, {"in_transit_account", "1361"},
       {"bank_account", "1200"}, {"charges_account", "6855"},
       {"debtor", {{"name", "Example GmbH"}}},
       {"debtor_account", {{"iban", "DE89370400440532013000"}}}});
}

}  // namespace

TEST_CASE("selection: open approved bills grouped per supplier, in key order", "[flows][selection]") {
  const std::vector<json> invoices = {bill("103", "7", "50.00"), bill("101", "7", "119.00"),
                                      bill("102", "8", "20.00"), bill("104", "8", "0.00"),
                                      bill("105", "8", "30.00", true),
                                      bill("106", "9", "10.00", false, "USD")};
  const auto sel = select_payable(invoices, {}, config());
  REQUIRE(sel.payments.size() == 2);
  CHECK(sel.payments[0].supplier_key == "netsuite:7");
  REQUIRE(sel.payments[0].invoices.size() == 2);
  CHECK(sel.payments[0].invoices[0].key == "101");
  CHECK(sel.payments[0].total == *decimal::parse("169.00"));
  CHECK(sel.payments[1].supplier_key == "netsuite:8");
  CHECK(sel.payments[1].invoices.size() == 1);  // 104 is paid, 105 blocked
  REQUIRE(sel.skipped.size() == 1);
  CHECK(sel.skipped[0]["invoice"] == "105");
}

TEST_CASE("selection: an invoice in a payment of this flow is never selected again",
          "[flows][selection]") {
  const auto sel = select_payable({bill("101", "7", "119.00")}, {"101"}, config());
  CHECK(sel.payments.empty());
  REQUIRE(sel.skipped.size() == 1);
}

TEST_CASE("batching: documents are deterministic and sum up", "[flows][selection]") {
  const auto cfg = config();
  const auto sel = select_payable({bill("101", "7", "119.00"), bill("102", "7", "0.50")}, {}, cfg);
  REQUIRE(sel.payments.size() == 1);
  const auto p = bank_payment(sel.payments[0], "R1.p1", "2026-03-10", "Acme", {{"iban", "FR1420041010050500013M02606"}}, cfg);
  CHECK(p["amount"] == json({{"amount", "119.50"}, {"currency", "EUR"}}));
  CHECK(p["remittance"]["unstructured"] == "INV-101 INV-102");
  const auto batch = payment_batch("R1", "2026-03-10", {p}, cfg);
  CHECK(batch["control_sum"] == "119.50");
  CHECK(batch["number_of_transactions"] == 1);
  CHECK(batch == payment_batch("R1", "2026-03-10", {p}, cfg));
  const auto erp = erp_payment(sel.payments[0], "R1.p1", "2026-03-10", "", cfg);
  CHECK(erp["clearing_account"] == "1361");
  REQUIRE(erp["applications"].size() == 2);
  CHECK(erp["applications"][1]["amount"]["amount"] == "0.50");
}

TEST_CASE("configuration errors name the field", "[flows][selection]") {
  try {
    pay_flow_config::from_json({{"erp", "erp"}});
    FAIL("accepted");
  } catch (const error& e) {
    CHECK(e.code() == "flow.bad_config");
    CHECK(std::string(e.message()).find("bank") != std::string::npos);
  }
}
