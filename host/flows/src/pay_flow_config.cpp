#include "erpc/host/pay_flow_config.hpp"

#include "flow_config_reader.hpp"

#include <erpc/currency.hpp>
#include <erpc/error.hpp>

namespace erpc {

namespace {

const flow_config_reader config_reader("pay flow");

}  // namespace

pay_flow_config pay_flow_config::from_json(const nlohmann::json& j) {
  if (!j.is_object()) config_reader.bad("", "must be a JSON object");
  pay_flow_config c;
  c.erp = config_reader.required_text(j, "erp");
  c.bank = config_reader.required_text(j, "bank");
  c.legal_entity = config_reader.required_text(j, "legal_entity");
  c.currency = j.value("currency", std::string("EUR"));
  if (!is_currency_code(c.currency)) config_reader.bad("currency", "must be an ISO 4217 code");
  c.account_currency = j.value("account_currency", c.currency);
  if (!is_currency_code(c.account_currency)) config_reader.bad("account_currency", "must be an ISO 4217 code");
  c.in_transit_account = config_reader.required_text(j, "in_transit_account");
  c.bank_account = config_reader.required_text(j, "bank_account");
  c.charges_account = config_reader.required_text(j, "charges_account");
  const bool fx = c.is_fx();
  // An FX run needs an account for the realised difference; the bank converts, so the
  // transfer is not SEPA (BANKING.md SEPA rules: EUR only, ChrgBr SLEV).
  if (fx) {
    c.fx_gain_loss_account = config_reader.required_text(j, "fx_gain_loss_account");
  } else {
    c.fx_gain_loss_account = j.value("fx_gain_loss_account", std::string());
  }
  c.method = j.value("method", std::string(fx ? "credit_transfer" : "sepa_credit_transfer"));
  c.charge_bearer = j.value("charge_bearer", std::string(fx ? "SHAR" : "SLEV"));
  if (c.charge_bearer != "SLEV" && c.charge_bearer != "SHAR" && c.charge_bearer != "DEBT" &&
      c.charge_bearer != "CRED") {
    config_reader.bad("charge_bearer", "must be SLEV, SHAR, DEBT or CRED");
  }
  if (c.method == "sepa_credit_transfer" && (fx || c.charge_bearer != "SLEV")) {
    config_reader.bad("method", "sepa_credit_transfer pays EUR from a EUR account with charge bearer SLEV; "
                  "an FX run is credit_transfer or wire");
  }
  if (!j.contains("debtor") || !j["debtor"].is_object()) config_reader.bad("debtor", "is required (a party)");
  c.debtor = j["debtor"];
  if (!j.contains("debtor_account") || !j["debtor_account"].is_object()) {
    config_reader.bad("debtor_account", "is required (a bank account)");
  }
  c.debtor_account = j["debtor_account"];
  if (auto it = j.find("creditor_accounts"); it != j.end()) {
    if (!it->is_object()) config_reader.bad("creditor_accounts", "must be an object of bank accounts");
    for (const auto& [k, v] : it->items()) {
      if (!v.is_object()) config_reader.bad("creditor_accounts/" + k, "must be a bank account object");
      c.creditor_accounts[k] = v;
    }
  }
  if (auto it = j.find("creditor_names"); it != j.end()) {
    if (!it->is_object()) config_reader.bad("creditor_names", "must be an object of names");
    for (const auto& [k, v] : it->items()) {
      if (!v.is_string()) config_reader.bad("creditor_names/" + k, "must be a string");
      c.creditor_names[k] = v.get<std::string>();
    }
  }
  if (auto it = j.find("status_timeout_minutes"); it != j.end()) {
    if (!it->is_number_integer() || it->get<std::int64_t>() < 0 ||
        it->get<std::int64_t>() > 525'600) {
      config_reader.bad("status_timeout_minutes", "must be a whole number of minutes, 0 to 525600");
    }
    c.status_timeout_minutes = it->get<std::int64_t>();
  }
  return c;
}

}  // namespace erpc
