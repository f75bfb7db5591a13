#pragma once
// Step 1 of a payment run (docs/pay-and-settle.md): which open invoices are paid, grouped into
// one payment per supplier, and the canonical documents sent for them — the PaymentBatch to
// the bank and, per payment, the ERP payment against the in-transit account. Pure functions:
// the same input always gives the same documents (re-runs replay, keys stay stable).

#include <erpc/decimal.hpp>
#include <erpc/host/pay_flow_config.hpp>

#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <vector>

namespace erpc {

struct payable_invoice {
  std::string key;        // invoice_key_of
  nlohmann::json invoice; // the canonical Invoice as the ERP listed it
  decimal amount;         // amount_payable, else the gross total
};

struct supplier_payment {
  std::string supplier_key;
  nlohmann::json supplier;  // the invoices' canonical supplier party
  std::vector<payable_invoice> invoices;  // by invoice key
  decimal total;
};

struct invoice_selection {
  std::vector<supplier_payment> payments;  // by supplier key
  nlohmann::json skipped = nlohmann::json::array();  // [{invoice, reason}]
};

// A party's stable key: its canonical id, else its first external ref, else its number.
std::string party_key_of(const nlohmann::json& party);
// An invoice's stable key: its canonical id, else its first external ref.
std::string invoice_key_of(const nlohmann::json& invoice);

// Payable (direction payable, document_type invoice), of the run's company and currency, not
// payment-blocked (NetSuite: unapproved, paid or partly paid bills read as blocked), with
// amount_payable (else totals.gross) > 0, and not in
// `already_in_flight` (invoice keys of this flow's payments that are not voided: a payment
// submitted to the bank but not yet recorded in the ERP still holds its invoices).
invoice_selection select_payable(const std::vector<nlohmann::json>& invoices,
                                 const std::set<std::string>& already_in_flight,
                                 const pay_flow_config& config);

// The amount as canonical money text with the currency's minor digits.
nlohmann::json money_of(const decimal& amount, const std::string& currency);

// The canonical Payment of one supplier (the bank side: debtor, creditor, accounts,
// remittance). `payment_id` is its canonical id (the flow's payment key).
nlohmann::json bank_payment(const supplier_payment& p, const std::string& payment_id,
                            const std::string& execution_date, const std::string& creditor_name,
                            const nlohmann::json& creditor_account, const pay_flow_config& config);

// The PaymentBatch of a run: one per run (one debtor account, one execution date, one
// currency; the bank adapter splits PmtInf by its own rules).
nlohmann::json payment_batch(const std::string& run_id, const std::string& execution_date,
                             const std::vector<nlohmann::json>& payments,
                             const pay_flow_config& config);

// The ERP payment (BANKING.md flow step 1): the supplier's invoices paid against the
// in-transit account; applying it closes them in the ERP's payables.
nlohmann::json erp_payment(const supplier_payment& p, const std::string& payment_id,
                           const std::string& execution_date, const std::string& end_to_end_id,
                           const pay_flow_config& config);

}  // namespace erpc
