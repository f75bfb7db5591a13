// The rules a JSON Schema cannot say, one function (and file) each. Every check reads the
// document defensively: a node of the wrong shape is skipped (the schema already reports it),
// so the checks never throw on bad input. Findings are appended to `out` with pointers below
// `base` ("" for a document, "/payload" inside an envelope, "/payments/3" inside a batch).
#pragma once

#include <erpc/error.hpp>

#include <nlohmann/json.hpp>

#include <iterator>
#include <string_view>
#include <utility>
#include <vector>

namespace erpc::contract_detail {

using findings = std::vector<field_error>;

// Appends `more` to `out`, in order.
inline void append(findings& out, findings&& more) {
  if (out.empty()) {
    out = std::move(more);
    return;
  }
  out.insert(out.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
}

// How strictly Money amounts must match their currency's minor digits.
enum class amount_precision {
  ledger_exact,     // JournalEntry, Invoice, Payment, PaymentBatch, Settlement: exactly
  at_most_minor,    // master data (credit limits): at most
  file_precision,   // BankStatement, PaymentStatus: as the bank file gave it (schema caps at 5)
};

// Every Money node: known currency, digits per `precision`; every other currency-code field
// ("currency", "*_currency"): known currency.
void check_money_rules(const nlohmann::json& doc, amount_precision precision,
                       std::string_view base, findings& out);

// Every "iban" (mod-97 and length), "bic" (shape and country), "country" (ISO 3166) and
// creditor reference starting "RF" (ISO 11649 mod-97) anywhere in the document.
void check_bank_identifiers(const nlohmann::json& doc, std::string_view base, findings& out);

// JournalEntry: functional amounts in the functional currency, debits = credits in functional
// currency, and in the transaction currency when every line shares one.
void check_journal_balance(const nlohmann::json& doc, std::string_view base, findings& out);

// Invoice: one currency throughout; gross = net + tax per line and in total within
// rounding_tolerance; lines' net sums to the total net; non-reverse-charge tax lines sum to the
// total tax; amount_payable = gross - withholding.
void check_invoice_totals(const nlohmann::json& doc, std::string_view base, findings& out);
// check_invoice_totals in two parts: the one-currency rule (a walk of the whole document; the
// validator runs it inside its document scan instead) and the rest, in this order.
void check_invoice_currency(const nlohmann::json& doc, std::string_view base, findings& out);
void check_invoice_amounts(const nlohmann::json& doc, std::string_view base, findings& out);

// Payment: applications in the payment's currency, invoices minus credit notes = amount.
void check_payment_applications(const nlohmann::json& doc, std::string_view base, findings& out);

// PaymentBatch: control_sum and number_of_transactions agree with the payments; each payment's
// own invariants.
void check_payment_batch_totals(const nlohmann::json& doc, std::string_view base, findings& out);

// PaymentStatus: previous_status -> status is a legal lifecycle move.
void check_payment_status_transition(const nlohmann::json& doc, std::string_view base,
                                     findings& out);

// BankStatement: opening (OPBD/PRCD, else ITBD) + signed BOOK entries = closing (CLBD, else
// ITBD), when the statement has both and one currency.
void check_statement_balance(const nlohmann::json& doc, std::string_view base, findings& out);

}  // namespace erpc::contract_detail
