#pragma once
// BANKING.md "The pay-and-settle flow" step 2 for a payment the bank converted (a USD invoice
// paid from a EUR account): the arithmetic of the settlement journal, in the functional
// currency (the account's). The ERP payment credited in-transit with the payment's amount at
// the ERP's rate on the payment date; the bank debited what it converted at its own rate, plus
// its charges. The journal clears in-transit at the recorded amount, credits the bank with
// what it debited, and the rest is charges and the realised FX difference:
//
//   debit  in-transit  Σ recorded            (amount × ERP rate, half-even to minor units)
//   debit  charges     charges               (netted into the entry; 0 when booked apart)
//   credit bank        entry amount
//   debit  FX loss  /  credit FX gain         bank − charges − in-transit
//
// so the journal balances to the cent by construction. Exact decimals only; pure, unit-tested.

#include <erpc/decimal.hpp>

#include <string>
#include <vector>

namespace erpc {

struct fx_settled_payment {
  std::string payment_key;
  decimal amount;       // what the creditor was paid, in the payment's (documents') currency
  std::string currency;
  decimal erp_rate;     // the ERP payment's rate: functional units per unit of `currency`
  decimal booked;       // what the bank debited for it, in the functional currency
};

struct fx_settlement_amounts {
  std::vector<decimal> recorded;  // per payment: amount × erp_rate, rounded (functional)
  decimal in_transit;             // Σ recorded: debit in-transit
  decimal charges;                // debit charges
  decimal bank;                   // credit bank
  decimal fx_difference;          // > 0 realised loss (debit), < 0 realised gain (credit)
};

// `entry_amount` is the bank entry (payments + netted charges), `charges` the part of it that
// is charges (0 when the bank books them as their own entry). Both are rounded half-even to
// the functional currency's minor units (bank amounts may carry 5 decimals; a ledger does
// not). Throws VALIDATION flow.fx_invalid for no payment, a rate ≤ 0, or negative amounts.
fx_settlement_amounts settle_fx(const std::vector<fx_settled_payment>& payments,
                                const decimal& entry_amount, const decimal& charges,
                                const std::string& functional_currency);

// The return of a converted payment (BANKING.md flow step 3; docs/pay-and-settle.md "FX
// runs"): the creditor's bank sent it back, the bank converted it again at its rate of the day
// and credited the account. The return journal undoes the settlement's in-transit debit at the
// amount it cleared (amount × ERP rate, rounded as settle_fx does), so in-transit nets to zero
// once the ERP payment is voided; the bank gets what it credited; the rest is realised FX:
//
//   debit  bank        credited
//   credit in-transit  recorded               (amount × ERP rate, half-even to minor units)
//   debit  FX loss  /  credit FX gain         recorded − credited
struct fx_return_amounts {
  decimal bank;           // debit bank: what the bank credited, rounded to minor units
  decimal in_transit;     // credit in-transit: what the settlement debited for the payment
  decimal fx_difference;  // > 0 realised loss (debit), < 0 realised gain (credit)
};

// `payment.booked` is what the bank credited for the return, in the functional currency.
// Throws VALIDATION flow.fx_invalid for a rate ≤ 0 or negative amounts.
fx_return_amounts return_fx(const fx_settled_payment& payment, const std::string& functional_currency);

}  // namespace erpc
