// An FX run's configuration and documents (docs/pay-and-settle.md "FX runs"): USD invoices
// paid from the EUR account — not SEPA, charges shared, an account for the FX difference.
#include <erpc/error.hpp>
#include <erpc/host/pay_selection.hpp>

#include <catch2/catch.hpp>

using namespace erpc;
using nlohmann::json;

namespace {

json invoice(const std::string& id, const std::string& supplier, const char* payable,
             const char* currency) {
  return {{"id", id},
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
}

}  // namespace

TEST_CASE("an FX run: USD invoices from the EUR account, not SEPA, with an FX account",
          "[flows][selection][fx]") {
  const json base = {{"erp", "erp"}, {"bank", "bank"}, {"legal_entity", "DE01"},
                     {"currency", "USD"}, {"account_currency", "EUR"},
                     {"in_transit_account", "1361"}, {"bank_account", "1200"},
                     {"charges_account", "6855"}, {"fx_gain_loss_account", "7900"},
                     {"debtor", {{"name", "Example GmbH"}}},
                     {"debtor_account", {{"iban", "DE89370400440532013000"}, {"currency", "EUR"}}}};
  const auto c = pay_flow_config::from_json(base);
  CHECK(c.is_fx());
  CHECK(c.method == "credit_transfer");
  CHECK(c.charge_bearer == "SHAR");
  CHECK(c.fx_gain_loss_account == "7900");

  auto code_of = [](const json& j) {
    try {
      pay_flow_config::from_json(j);
    } catch (const error& e) {
      return e.code() + " " + e.message();
    }
    return std::string();
  };
  json no_fx_account = base;
  no_fx_account.erase("fx_gain_loss_account");
  CHECK_THAT(code_of(no_fx_account), Catch::StartsWith("flow.bad_config") && Catch::Contains("fx_gain_loss_account"));
  json sepa = base;
  sepa["method"] = "sepa_credit_transfer";
  CHECK_THAT(code_of(sepa), Catch::StartsWith("flow.bad_config") && Catch::Contains("method"));
  json bearer = base;
  bearer["charge_bearer"] = "XXXX";
  CHECK_THAT(code_of(bearer), Catch::Contains("charge_bearer"));
  json bad_currency = base;
  bad_currency["account_currency"] = "euro";
  CHECK_THAT(code_of(bad_currency), Catch::Contains("account_currency"));

  // The selection takes the USD invoices only; the bank payment and the batch carry SHAR and
  // the method, the ERP payment is in USD.
  const std::vector<json> invoices = {invoice("B1", "V1", "1000.05", "USD"),
                                      invoice("B2", "V1", "70.00", "EUR")};
  const auto sel = select_payable(invoices, {}, c, {"2026-03-10", {}});
  REQUIRE(sel.payments.size() == 1);
  REQUIRE(sel.payments[0].invoices.size() == 1);
  const auto bank = bank_payment(sel.payments[0], "R.p1", "2026-03-10", "Acme", {{"iban", "FR1420041010050500013M02606"}}, c);
  CHECK(bank["amount"] == json({{"amount", "1000.05"}, {"currency", "USD"}}));
  CHECK(bank["charge_bearer"] == "SHAR");
  CHECK(bank["method"] == "credit_transfer");
  CHECK(payment_batch("R", "2026-03-10", {bank}, c)["charge_bearer"] == "SHAR");
  CHECK(erp_payment(sel.payments[0], "R.p1", "2026-03-10", "", c)["amount"] ==
        json({{"amount", "1000.05"}, {"currency", "USD"}}));
}
