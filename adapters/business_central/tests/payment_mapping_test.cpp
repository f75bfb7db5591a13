// SPDX-License-Identifier: Apache-2.0
// Payment ↔ Business Central vendor payment lines (vendors.md §4.1 vendorPayment; BANKING.md
// "The pay-and-settle flow" step 1): one line per application, the clearing account as the
// batch's balancing account, what a vendorPayment cannot carry refused with its pointer, and
// the read-back from G/L entries.
#include "bc_config.hpp"
#include "journal_batch.hpp"
#include "payment_mapping.hpp"

#include <erpc/adapters/exact_json.hpp>
#include <erpc/error.hpp>

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
      {"value_maps", {{"accounts", {{"1460", "2920"}}}}}});
}

json money(const char* amount, const char* currency = "EUR") { return {{"amount", amount}, {"currency", currency}}; }

json payment() {
  return {{"external_refs", json::object()},
          {"source", {{"system", "test"}}},
          {"legal_entity", "DE01"},
          {"direction", "outbound"},
          {"document_number", "PAY-7"},
          {"amount", money("150.00")},
          {"requested_execution_date", "2026-04-01"},
          {"creditor", {{"number", "V100"}}},
          {"clearing_account", "1460"},
          {"applications",
           {{{"document_type", "invoice"}, {"document", {{"external_refs", {{"business_central", "inv-guid"}}}}},
             {"amount", money("100.00")}},
            {{"document_type", "invoice"}, {"document", json::object()}, {"invoice_number", "INV-2"},
             {"amount", money("50.00")}}}}};
}

std::string pointer_of(const erpc::error& e) { return e.field_errors().empty() ? "" : e.field_errors().front().pointer; }

}  // namespace

TEST_CASE("bc payment mapping: one vendor payment line per application, against the clearing account") {
  const auto plan = erpc::bc::payment_to_vendor(payment(), config(), "ERPPABCDEFGHIJKLMNOP");
  CHECK(plan.vendor_number == "V100");
  CHECK(plan.vendor_id.empty());
  CHECK(plan.balancing_account == "2920");
  CHECK(plan.posting_date == "2026-04-01");
  CHECK(plan.amount.to_string() == "150.00");
  REQUIRE(plan.lines.size() == 2);
  CHECK(plan.lines[0]["lineNumber"] == 10000);
  CHECK(plan.lines[1]["lineNumber"] == 20000);
  CHECK(erpc::adapters::dump_exact(plan.lines[0]["amount"]) == "100.00");
  CHECK(erpc::adapters::dump_exact(plan.lines[1]["amount"]) == "50.00");
  CHECK(plan.lines[0]["documentNumber"] == "ERPPABCDEFGHIJKLMNOP");
  CHECK(plan.lines[0]["externalDocumentNumber"] == "PAY-7");
  CHECK(plan.lines[0]["postingDate"] == "2026-04-01");
  REQUIRE(plan.targets.size() == 2);
  CHECK(plan.targets[0].invoice_id == "inv-guid");
  CHECK(plan.targets[1].invoice_id.empty());
  CHECK(plan.targets[1].invoice_number == "INV-2");
  CHECK_FALSE(plan.targets[1].bc_number);
}

TEST_CASE("bc payment mapping: without applications, one unapplied line, and a BC id names the vendor") {
  auto p = payment();
  p.erase("applications");
  p["creditor"] = {{"external_refs", {{"business_central", "vendor-guid"}}}};
  const auto plan = erpc::bc::payment_to_vendor(p, config(), "ERPPX");
  CHECK(plan.vendor_id == "vendor-guid");
  REQUIRE(plan.lines.size() == 1);
  CHECK(erpc::adapters::dump_exact(plan.lines[0]["amount"]) == "150.00");
  CHECK(plan.targets[0].invoice_id.empty());
  CHECK(plan.targets[0].invoice_number.empty());
}

TEST_CASE("bc payment mapping: what a vendorPayment cannot carry is refused with its pointer, never dropped") {
  auto check = [](json p, erpc::error_class cls, const std::string& pointer) {
    try {
      (void)erpc::bc::payment_to_vendor(p, config(), "ERPPX");
      FAIL("accepted " << p.dump());
    } catch (const erpc::error& e) {
      CHECK(e.cls() == cls);
      CHECK(pointer_of(e) == pointer);
    }
  };
  auto credit = payment();
  credit["applications"][1]["document_type"] = "credit_note";
  check(credit, erpc::error_class::unsupported, "/applications/1/document_type");
  auto discount = payment();
  discount["applications"][0]["discount_taken"] = money("2.00");
  check(discount, erpc::error_class::unsupported, "/applications/0/discount_taken");
  auto usd = payment();
  usd["amount"] = money("150.00", "USD");
  check(usd, erpc::error_class::unsupported, "/amount/currency");
  auto inbound = payment();
  inbound["direction"] = "inbound";
  check(inbound, erpc::error_class::unsupported, "/direction");
  auto method = payment();
  method["remittance"] = {{"unstructured", {"INV-2"}}};
  check(method, erpc::error_class::unsupported, "/remittance");
  auto sum = payment();
  sum["amount"] = money("149.99");
  check(sum, erpc::error_class::validation, "/applications");
  auto no_clearing = payment();
  no_clearing.erase("clearing_account");
  check(no_clearing, erpc::error_class::validation, "/clearing_account");
  auto unmapped = payment();
  unmapped["clearing_account"] = "9999";
  check(unmapped, erpc::error_class::validation, "/clearing_account");
  auto other_entity = payment();
  other_entity["legal_entity"] = "FR01";
  check(other_entity, erpc::error_class::validation, "/legal_entity");
}

TEST_CASE("bc payment mapping: a posted vendor payment comes back from its G/L entries") {
  const auto entries = erpc::adapters::parse_exact(R"([
    {"postingDate":"2026-04-01","documentNumber":"ERPPX","accountNumber":"5410","debitAmount":100.00,"creditAmount":0},
    {"postingDate":"2026-04-01","documentNumber":"ERPPX","accountNumber":"2920","debitAmount":0,"creditAmount":100.00},
    {"postingDate":"2026-04-01","documentNumber":"ERPPX","accountNumber":"5410","debitAmount":50.00,"creditAmount":0},
    {"postingDate":"2026-04-01","documentNumber":"ERPPX","accountNumber":"2920","debitAmount":0,"creditAmount":50.00}])");
  const auto p = erpc::bc::payment_from_ledger(entries, "ERPPX", config());
  CHECK(p["amount"] == money("150.00"));
  CHECK(p["clearing_account"] == "1460");
  CHECK(p["requested_execution_date"] == "2026-04-01");
  CHECK(p["direction"] == "outbound");
  CHECK(p["id"] == "ERPPX");
}

TEST_CASE("bc payment mapping: payment batches and journal batches never share a code or document number") {
  const auto j = erpc::bc::keys_for("k-1");
  const auto p = erpc::bc::keys_for("k-1", 'P');
  CHECK(j.batch_code.substr(1) == p.batch_code.substr(1));
  CHECK(j.batch_code[0] == 'E');
  CHECK(p.batch_code[0] == 'P');
  CHECK(p.batch_code.size() == 10);
  CHECK(p.document_number.rfind("ERPP", 0) == 0);
  CHECK(p.document_number.size() == 20);
  CHECK(j.document_number.rfind("ERPC", 0) == 0);
  CHECK(j.document_number.substr(4) == p.document_number.substr(4));
}
