#pragma once
// The pay-and-settle flow's settings (docs/pay-and-settle.md "Configuration"): which configured
// connections are the ERP and the bank, the paying company's account, and the GL accounts of
// the postings. Read from the flow configuration file (`erpc pay … --flow FILE`).

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <string>

namespace erpc {

struct pay_flow_config {
  std::string erp;                 // connection name in erpc.json (e.g. NetSuite)
  std::string bank;                // connection name in erpc.json (bank_iso20022)
  std::string legal_entity;        // only invoices of this company are paid
  std::string currency = "EUR";    // the invoices' (and payments') currency: one per run
  // The debtor account's currency, which is also the currency the settlement journals are
  // posted in (the company's functional currency). Another than `currency` makes an FX run:
  // the bank converts (not SEPA: method credit_transfer, charge bearer SHAR by default).
  std::string account_currency = "EUR";
  nlohmann::json debtor;           // canonical party: the paying company
  nlohmann::json debtor_account;   // canonical bank_account: the account paid from
  std::string in_transit_account;  // GL: payments in transit (bank clearing)
  std::string bank_account;        // GL: the bank account itself
  std::string charges_account;     // GL: bank charges
  std::string fx_gain_loss_account;  // GL: realised FX difference (required for an FX run)
  std::string method = "sepa_credit_transfer";
  std::string charge_bearer = "SLEV";  // SEPA: SLEV; an FX run: SHAR (default) or DEBT/CRED

  // How long after submitting a batch the bank's first status report (pain.002) may take
  // before the batch is raised into the technical queue (BANKING.md "No pain.002 within a
  // configured time → technical queue"). Default one day; 0 raises at the first settle.
  std::int64_t status_timeout_minutes = 1440;

  bool is_fx() const { return currency != account_currency; }
  // Creditor bank accounts by supplier key (the supplier's canonical id, else its first
  // external ref, else its number): used when the invoice carries no remit_to.
  std::map<std::string, nlohmann::json> creditor_accounts;
  // Creditor names by supplier key, used when the ERP's supplier record has no name.
  std::map<std::string, std::string> creditor_names;

  // Throws CONFIGURATION flow.bad_config naming the field.
  static pay_flow_config from_json(const nlohmann::json& j);
};

}  // namespace erpc
