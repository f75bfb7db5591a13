#include "erpc/host/fx_settlement.hpp"

#include <erpc/currency.hpp>
#include <erpc/error.hpp>

namespace erpc {

namespace {

[[noreturn]] void invalid(const std::string& why) {
  throw error(error_class::validation, "flow.fx_invalid", "FX settlement: " + why)
      .with_effect(effect::none);
}

}  // namespace

fx_settlement_amounts settle_fx(const std::vector<fx_settled_payment>& payments,
                                const decimal& entry_amount, const decimal& charges,
                                const std::string& functional_currency) {
  if (payments.empty()) invalid("no payment to settle");
  if (entry_amount.is_negative() || charges.is_negative()) {
    invalid("the entry amount and the charges are positive");
  }
  const int digits = currency_minor_units(functional_currency).value_or(2);
  fx_settlement_amounts out;
  for (const auto& p : payments) {
    if (!(decimal{} < p.erp_rate)) {
      invalid("payment " + p.payment_key + " has no positive ERP exchange rate");
    }
    if (p.amount.is_negative() || p.booked.is_negative()) {
      invalid("payment " + p.payment_key + " has a negative amount");
    }
    // What the ERP payment put on the in-transit account in the functional currency.
    const decimal recorded = p.amount.multiply(p.erp_rate, digits, rounding::half_even);
    out.recorded.push_back(recorded);
    out.in_transit += recorded;
  }
  out.bank = entry_amount.round(digits, rounding::half_even);
  out.charges = charges.round(digits, rounding::half_even);
  if (out.bank < out.charges) invalid("the charges exceed the entry amount");
  // The realised difference is what the bank took for the payments minus what the ERP recorded
  // for them; computed as the remainder, so debits equal credits to the cent.
  out.fx_difference = out.bank - out.charges - out.in_transit;
  return out;
}

fx_return_amounts return_fx(const fx_settled_payment& p, const std::string& functional_currency) {
  if (!(decimal{} < p.erp_rate)) invalid("payment " + p.payment_key + " has no positive ERP exchange rate");
  if (p.amount.is_negative() || p.booked.is_negative()) {
    invalid("payment " + p.payment_key + " has a negative amount");
  }
  const int digits = currency_minor_units(functional_currency).value_or(2);
  fx_return_amounts out;
  // The same rounding as settle_fx: the return clears exactly what the settlement debited.
  out.in_transit = p.amount.multiply(p.erp_rate, digits, rounding::half_even);
  out.bank = p.booked.round(digits, rounding::half_even);
  out.fx_difference = out.in_transit - out.bank;
  return out;
}

}  // namespace erpc
