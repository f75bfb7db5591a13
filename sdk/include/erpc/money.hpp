// SPDX-License-Identifier: Apache-2.0
// erpc::money — the canonical {"amount": "1234.50", "currency": "EUR"}: an exact decimal and an
// ISO 4217 code. Ledger amounts carry exactly the currency's minor digits; bank amounts keep the
// precision the file gives, so parse() does not enforce the minor-unit rule — callers ask.
#pragma once

#include <erpc/currency.hpp>
#include <erpc/decimal.hpp>
#include <erpc/error.hpp>

#include <string>
#include <string_view>

namespace erpc {

struct money {
  decimal amount;
  std::string currency;

  // Throws erpc::error(VALIDATION) with code "money.invalid_amount" or "money.unknown_currency".
  static money parse(std::string_view amount_text, std::string_view currency_code) {
    const auto a = decimal::parse(amount_text);
    if (!a) {
      throw error(error_class::validation, "money.invalid_amount",
                  "amount '" + std::string(amount_text.substr(0, 64)) +
                      "' is not a decimal string like \"1234.50\"");
    }
    if (!is_currency_code(currency_code)) {
      throw error(error_class::validation, "money.unknown_currency",
                  "'" + std::string(currency_code.substr(0, 16)) +
                      "' is not an ISO 4217 currency code");
    }
    return money{*a, std::string(currency_code)};
  }

  // Ledger rule: exactly the currency's minor digits ("1234.50" EUR yes, "1234.5" EUR no).
  // False for a currency without minor units (XAU) — those are never posted.
  bool has_minor_units_exactly() const noexcept {
    const auto m = currency_minor_units(currency);
    return m && amount.scale() == *m;
  }

  // At most the currency's minor digits, so rescaling to the ledger form loses nothing.
  bool fits_minor_units() const noexcept {
    const auto m = currency_minor_units(currency);
    return m && amount.scale() <= *m;
  }

  // Addition and subtraction only within one currency; else erpc::error(VALIDATION,
  // "money.currency_mismatch"). decimal overflow propagates as "decimal.overflow".
  friend money operator+(const money& a, const money& b) {
    check_same_currency(a, b);
    return money{a.amount + b.amount, a.currency};
  }
  friend money operator-(const money& a, const money& b) {
    check_same_currency(a, b);
    return money{a.amount - b.amount, a.currency};
  }
  money& operator+=(const money& o) { return *this = *this + o; }
  money& operator-=(const money& o) { return *this = *this - o; }

  // Same currency and the same value (1.5 EUR == 1.50 EUR).
  friend bool operator==(const money& a, const money& b) noexcept {
    return a.currency == b.currency && a.amount == b.amount;
  }

  // "1234.50 EUR", for messages.
  std::string to_string() const { return amount.to_string() + " " + currency; }

 private:
  static void check_same_currency(const money& a, const money& b) {
    if (a.currency != b.currency) {
      throw error(error_class::validation, "money.currency_mismatch",
                  "cannot combine " + a.currency + " and " + b.currency + " amounts");
    }
  }
};

}  // namespace erpc
