#pragma once
// Step 1 of a payment run (docs/pay-and-settle.md): which open invoices are paid, grouped into
// one payment per supplier, and the canonical documents sent for them — the PaymentBatch to
// the bank and, per payment, the ERP payment against the in-transit account. Pure functions:
// the same input always gives the same documents (re-runs replay, keys stay stable).

#include <erpc/decimal.hpp>
#include <erpc/host/pay_flow_config.hpp>

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace erpc {

// A deliberate short payment of one invoice (a disputed part): the amount is left open in the
// ERP, so the invoice reads as partly paid afterwards and no later run pays it automatically.
struct short_payment {
  decimal amount;
  std::string reason_code;  // e.g. a dispute code of the company's own list
  std::string reason;
};

// Reads `erpc pay run --short-payments FILE`: [{"invoice", "amount", "reason_code"?, "reason"?}]
// with amount a decimal string. Throws VALIDATION flow.bad_short_payments naming the entry.
std::map<std::string, short_payment> short_payments_from_json(const nlohmann::json& j);

// What a run decides besides the configuration: the execution date (discount windows are
// judged against it) and the short payments, by invoice key or invoice number.
struct selection_terms {
  std::string execution_date;  // YYYY-MM-DD
  std::map<std::string, short_payment> short_payments;
};

// One document of a supplier payment. For an invoice, `cash` is what is paid for it:
// open amount (amount_payable = gross − withholding, else gross) − discount − short payment;
// the invoice is closed by cash + discount + withholding (the short payment stays open). For a
// credit note, `cash` is its open amount, subtracted from the payment. A partly paid invoice
// (contract 1.1 `amount_open` below what is owed) is paid its amount_open − short payment,
// without discount or withholding: those belong to the whole invoice, which the ERP already
// applied something to.
struct payable_invoice {
  std::string key;         // invoice_key_of
  nlohmann::json invoice;  // the canonical Invoice as the ERP listed it
  decimal amount;          // cash, as above
  bool credit_note = false;
  decimal discount;     // early-payment discount taken (zero when none)
  decimal withholding;  // withholding tax kept back (zero when none)
  std::optional<short_payment> short_paid;
  bool partly_paid = false;  // amount_open was below what is owed: the rest of it is paid
};

struct supplier_payment {
  std::string supplier_key;
  nlohmann::json supplier;  // the invoices' canonical supplier party
  std::vector<payable_invoice> invoices;  // invoices, then credit notes, each by key
  decimal total;  // invoices' cash − credit notes' cash, > 0
};

struct invoice_selection {
  std::vector<supplier_payment> payments;  // by supplier key
  nlohmann::json skipped = nlohmann::json::array();  // [{invoice, reason}]
};

// A party's stable key: its canonical id, else its first external ref, else its number.
std::string party_key_of(const nlohmann::json& party);
// An invoice's stable key: its canonical id, else its first external ref.
std::string invoice_key_of(const nlohmann::json& invoice);

// Payable documents (direction payable) of the run's company and currency, not
// payment-blocked (NetSuite: unapproved, paid or partly paid bills read as blocked), with
// amount_payable (else totals.gross) > 0, and not in `already_in_flight` (document keys of this
// flow's payments that are not voided: a payment submitted to the bank but not yet recorded in
// the ERP still holds its documents). Per supplier, open credit notes are netted against the
// invoices; a supplier whose credit notes reach its invoices is not paid (nothing is owed).
// An early-payment discount is taken when the execution date is within the discount window
// (payment_terms.discount_date, else invoice_date + discount_days), on the gross amount.
invoice_selection select_payable(const std::vector<nlohmann::json>& invoices,
                                 const std::set<std::string>& already_in_flight,
                                 const pay_flow_config& config, const selection_terms& terms);

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
