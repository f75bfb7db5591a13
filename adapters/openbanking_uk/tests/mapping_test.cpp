// SPDX-License-Identifier: Apache-2.0
// Canonical Payment → v3.1.11 Initiation, the bank's payment → Payment and PaymentStatus
// (BANKING.md lifecycle), the deterministic x-idempotency-key, and the refusals.
#include "idempotency_key.hpp"
#include "payment_mapping.hpp"

#include <erpc/error.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

namespace {

using nlohmann::json;
namespace ob = erpc::openbanking;

json payment() {
  return {{"external_refs", json::object()},
          {"source", {{"system", "erp"}}},
          {"direction", "outbound"},
          {"method", "credit_transfer"},
          {"amount", {{"amount", "119.00"}, {"currency", "GBP"}}},
          {"creditor", {{"name", "Acme Ltd"}}},
          {"creditor_account", {{"other", {{"id", "08080021325698"}}}}},
          {"document_number", "INV-2026-0042"},
          {"remittance", {{"unstructured", "Invoice INV-2026-0042"}}}};
}

erpc::error refusal(const json& p) {
  try {
    (void)ob::initiation_from_payment(p, "key-1", ob::connection_config{});
  } catch (const erpc::error& e) {
    return e;
  }
  FAIL("no refusal");
  throw;
}

}  // namespace

TEST_CASE("x-idempotency-key: deterministic, 40 characters, per step, independent of the payload",
          "[openbanking][mapping]") {
  const auto consent = ob::derived_key(ob::consent_step, "tenant-1:pay-42");
  CHECK(consent.size() == 40);
  CHECK(consent == ob::derived_key(ob::consent_step, "tenant-1:pay-42"));
  CHECK(consent != ob::derived_key(ob::payment_step, "tenant-1:pay-42"));
  CHECK(consent != ob::derived_key(ob::consent_step, "tenant-1:pay-43"));
  CHECK(consent.find_first_not_of(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") == std::string::npos);
  // SHA-256("domestic-payment-consents\nabc"), base64url, first 40 characters.
  CHECK(ob::derived_key(ob::consent_step, "abc") == "0DuDpkSZWzNkyPm4iRVy6k-nY84mkssJE4b00y0j");
  CHECK(ob::derived_key(ob::end_to_end_step, std::string(500, 'k'), 35).size() == 35);
}

TEST_CASE("Payment → Initiation (vendors.md §8.1 example)", "[openbanking][mapping]") {
  ob::connection_config config;
  const auto ini = ob::initiation_from_payment(payment(), "key-1", config);
  CHECK(ini["InstructedAmount"] == json{{"Amount", "119.00"}, {"Currency", "GBP"}});
  CHECK(ini["CreditorAccount"] == json{{"SchemeName", "UK.OBIE.SortCodeAccountNumber"},
                                       {"Identification", "08080021325698"},
                                       {"Name", "Acme Ltd"}});
  CHECK(ini["LocalInstrument"] == "UK.OBIE.FPS");
  CHECK(ini["RemittanceInformation"] == json{{"Unstructured", "Invoice INV-2026-0042"},
                                             {"Reference", "INV-2026-0042"}});
  CHECK(ini["EndToEndIdentification"] == ob::derived_key(ob::end_to_end_step, "key-1", 35));
  auto p = payment();
  p["references"] = {{"end_to_end_id", "E2E-INV-2026-0042"}, {"instruction_id", "INSTR-1"}};
  p["creditor_account"] = {{"iban", "GB29NWBK60161331926819"}, {"name", "Acme Limited"}};
  const auto named = ob::initiation_from_payment(p, "key-1", config);
  CHECK(named["EndToEndIdentification"] == "E2E-INV-2026-0042");
  CHECK(named["InstructionIdentification"] == "INSTR-1");
  CHECK(named["CreditorAccount"]["SchemeName"] == "UK.OBIE.IBAN");
  CHECK(named["CreditorAccount"]["Name"] == "Acme Limited");
  CHECK(ob::risk_for(config) == json{{"PaymentContextCode", "PartyToParty"}});
}

TEST_CASE("Refusals name the member", "[openbanking][mapping]") {
  auto p = payment();
  p["document_number"] = std::string(36, 'R');
  auto e = refusal(p);
  CHECK(e.cls() == erpc::error_class::validation);
  CHECK(e.field_errors()[0].pointer == "/document_number");
  p = payment();
  p["amount"]["amount"] = "12345678901234.00";
  CHECK(refusal(p).field_errors()[0].pointer == "/amount/amount");
  p = payment();
  p.erase("creditor");
  CHECK(refusal(p).field_errors()[0].pointer == "/creditor/name");
  p = payment();
  p["creditor_account"]["other"]["id"] = "0808";
  CHECK(refusal(p).field_errors()[0].pointer == "/creditor_account/other/id");
  p = payment();
  p["requested_execution_date"] = "2026-12-01";
  e = refusal(p);
  CHECK(e.cls() == erpc::error_class::unsupported);
  CHECK(e.field_errors()[0].pointer == "/requested_execution_date");
  p = payment();
  p["direction"] = "inbound";
  CHECK(refusal(p).field_errors()[0].pointer == "/direction");
}

TEST_CASE("OB statuses → canonical lifecycle and ISO codes", "[openbanking][mapping]") {
  const std::vector<std::tuple<const char*, const char*, const char*>> table = {
      {"Pending", "pending", "PDNG"},
      {"Rejected", "rejected", "RJCT"},
      {"AcceptedSettlementInProcess", "accepted", "ACSP"},
      {"AcceptedWithoutPosting", "accepted", "ACWP"},
      {"AcceptedSettlementCompleted", "settled", "ACSC"},
      {"AcceptedCreditSettlementCompleted", "settled", "ACCC"}};
  for (const auto& [ob_status, state, iso] : table) {
    const auto m = ob::map_status(ob_status);
    REQUIRE(m);
    CHECK(std::string(m->state) == state);
    CHECK(std::string(m->iso) == iso);
  }
  CHECK_FALSE(ob::map_status("Settled"));
}

TEST_CASE("The bank's payment → Payment and PaymentStatus", "[openbanking][mapping]") {
  const json data = {
      {"DomesticPaymentId", "sdpp-1"},
      {"ConsentId", "sdp-1"},
      {"CreationDateTime", "2026-11-26T10:00:00+00:00"},
      {"Status", "AcceptedSettlementInProcess"},
      {"StatusUpdateDateTime", "2026-11-26T10:00:05+00:00"},
      {"Initiation",
       {{"InstructionIdentification", "INSTR-1"},
        {"EndToEndIdentification", "E2E-1"},
        {"InstructedAmount", {{"Amount", "119.00"}, {"Currency", "GBP"}}},
        {"CreditorAccount",
         {{"SchemeName", "UK.OBIE.SortCodeAccountNumber"},
          {"Identification", "08080021325698"},
          {"Name", "Acme Ltd"}}},
        {"RemittanceInformation", {{"Reference", "INV-2026-0042"}}}}}};
  const auto p = ob::payment_from_ob(data);
  CHECK(p["id"] == "sdpp-1");
  CHECK(p["external_refs"] == json{{"openbanking_uk", "sdpp-1"}, {"openbanking_uk_consent", "sdp-1"}});
  CHECK(p["amount"] == json{{"amount", "119.00"}, {"currency", "GBP"}});
  CHECK(p["creditor_account"]["other"]["id"] == "08080021325698");
  CHECK(p["document_number"] == "INV-2026-0042");
  CHECK(p["created_at"] == "2026-11-26T10:00:00Z");
  CHECK_FALSE(p.contains("status"));  // the Payment schema has none: PaymentStatus carries it
  const auto s = ob::status_from_ob(data);
  CHECK(s["status"] == "accepted");
  CHECK(s["bank_status"] == "ACSP");
  CHECK(s["level"] == "transaction");
  CHECK(s["status_at"] == "2026-11-26T10:00:05Z");
  CHECK(s["payment"]["external_refs"]["openbanking_uk"] == "sdpp-1");
  CHECK(ob::utc_instant("2026-11-26T10:00:00+01:00").empty());  // never shifted silently
}
