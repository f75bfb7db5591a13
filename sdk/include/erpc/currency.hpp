// SPDX-License-Identifier: Apache-2.0
// ISO 4217 currency codes and their minor units (list one, "current currency & funds"; source
// and amendment state in docs/money-and-json.md). Codes whose minor unit ISO lists as "N.A."
// (precious metals, bond units, XDR, XTS, XXX) are currency codes without minor units.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace erpc {

namespace detail {

struct currency_entry {
  std::string_view code;
  int minor_units;  // -1 = "N.A." in ISO 4217
};

// Sorted by code (a test checks it).
inline constexpr std::array<currency_entry, 182> iso4217_table{{
    {"AED", 2}, {"AFN", 2}, {"ALL", 2}, {"AMD", 2}, {"ANG", 2}, {"AOA", 2}, {"ARS", 2},
    {"AUD", 2}, {"AWG", 2}, {"AZN", 2}, {"BAM", 2}, {"BBD", 2}, {"BDT", 2}, {"BGN", 2},
    {"BHD", 3}, {"BIF", 0}, {"BMD", 2}, {"BND", 2}, {"BOB", 2}, {"BOV", 2}, {"BRL", 2},
    {"BSD", 2}, {"BTN", 2}, {"BWP", 2}, {"BYN", 2}, {"BZD", 2}, {"CAD", 2}, {"CDF", 2},
    {"CHE", 2}, {"CHF", 2}, {"CHW", 2}, {"CLF", 4}, {"CLP", 0}, {"CNY", 2}, {"COP", 2},
    {"COU", 2}, {"CRC", 2}, {"CUC", 2}, {"CUP", 2}, {"CVE", 2}, {"CZK", 2}, {"DJF", 0},
    {"DKK", 2}, {"DOP", 2}, {"DZD", 2}, {"EGP", 2}, {"ERN", 2}, {"ETB", 2}, {"EUR", 2},
    {"FJD", 2}, {"FKP", 2}, {"GBP", 2}, {"GEL", 2}, {"GHS", 2}, {"GIP", 2}, {"GMD", 2},
    {"GNF", 0}, {"GTQ", 2}, {"GYD", 2}, {"HKD", 2}, {"HNL", 2}, {"HTG", 2}, {"HUF", 2},
    {"IDR", 2}, {"ILS", 2}, {"INR", 2}, {"IQD", 3}, {"IRR", 2}, {"ISK", 0}, {"JMD", 2},
    {"JOD", 3}, {"JPY", 0}, {"KES", 2}, {"KGS", 2}, {"KHR", 2}, {"KMF", 0}, {"KPW", 2},
    {"KRW", 0}, {"KWD", 3}, {"KYD", 2}, {"KZT", 2}, {"LAK", 2}, {"LBP", 2}, {"LKR", 2},
    {"LRD", 2}, {"LSL", 2}, {"LYD", 3}, {"MAD", 2}, {"MDL", 2}, {"MGA", 2}, {"MKD", 2},
    {"MMK", 2}, {"MNT", 2}, {"MOP", 2}, {"MRU", 2}, {"MUR", 2}, {"MVR", 2}, {"MWK", 2},
    {"MXN", 2}, {"MXV", 2}, {"MYR", 2}, {"MZN", 2}, {"NAD", 2}, {"NGN", 2}, {"NIO", 2},
    {"NOK", 2}, {"NPR", 2}, {"NZD", 2}, {"OMR", 3}, {"PAB", 2}, {"PEN", 2}, {"PGK", 2},
    {"PHP", 2}, {"PKR", 2}, {"PLN", 2}, {"PYG", 0}, {"QAR", 2}, {"RON", 2}, {"RSD", 2},
    {"RUB", 2}, {"RWF", 0}, {"SAR", 2}, {"SBD", 2}, {"SCR", 2}, {"SDG", 2}, {"SEK", 2},
    {"SGD", 2}, {"SHP", 2}, {"SLE", 2}, {"SLL", 2}, {"SOS", 2}, {"SRD", 2}, {"SSP", 2},
    {"STN", 2}, {"SVC", 2}, {"SYP", 2}, {"SZL", 2}, {"THB", 2}, {"TJS", 2}, {"TMT", 2},
    {"TND", 3}, {"TOP", 2}, {"TRY", 2}, {"TTD", 2}, {"TWD", 2}, {"TZS", 2}, {"UAH", 2},
    {"UGX", 0}, {"USD", 2}, {"USN", 2}, {"UYI", 0}, {"UYU", 2}, {"UYW", 4}, {"UZS", 2},
    {"VED", 2}, {"VES", 2}, {"VND", 0}, {"VUV", 0}, {"WST", 2}, {"XAF", 0}, {"XAG", -1},
    {"XAU", -1}, {"XBA", -1}, {"XBB", -1}, {"XBC", -1}, {"XBD", -1}, {"XCD", 2}, {"XCG", 2},
    {"XDR", -1}, {"XOF", 0}, {"XPD", -1}, {"XPF", 0}, {"XPT", -1}, {"XSU", -1}, {"XTS", -1},
    {"XUA", -1}, {"XXX", -1}, {"YER", 2}, {"ZAR", 2}, {"ZMW", 2}, {"ZWG", 2}, {"ZWL", 2},
}};

// Every code is three letters A-Z; 26^3 slots hold each code's table index (or -1), so a
// lookup is one array read instead of a binary search of string compares (the contract checks
// run it for every Money and currency field of every document).
constexpr bool is_code_letter(char c) noexcept { return c >= 'A' && c <= 'Z'; }
constexpr int currency_slot(std::string_view code) noexcept {
  return ((code[0] - 'A') * 26 + (code[1] - 'A')) * 26 + (code[2] - 'A');
}
inline constexpr auto iso4217_slots = [] {
  std::array<std::int16_t, 26 * 26 * 26> slots{};
  for (auto& s : slots) s = -1;
  for (std::size_t i = 0; i < iso4217_table.size(); ++i) {
    const auto code = iso4217_table[i].code;
    if (code.size() != 3 || !is_code_letter(code[0]) || !is_code_letter(code[1]) ||
        !is_code_letter(code[2])) {
      throw "every ISO 4217 code is three letters A-Z";  // fails the constant evaluation
    }
    slots[static_cast<std::size_t>(currency_slot(code))] = static_cast<std::int16_t>(i);
  }
  return slots;
}();

// Index into the table, or -1 (an index rather than a pointer keeps it a constant expression
// under -fsanitize=undefined as well).
constexpr int find_currency(std::string_view code) noexcept {
  if (code.size() != 3 || !is_code_letter(code[0]) || !is_code_letter(code[1]) ||
      !is_code_letter(code[2])) {
    return -1;
  }
  return iso4217_slots[static_cast<std::size_t>(currency_slot(code))];
}

}  // namespace detail

// True for every code in the table, including funds and "N.A." codes. Case-sensitive: "eur" is
// not a currency code.
constexpr bool is_currency_code(std::string_view code) noexcept {
  return detail::find_currency(code) >= 0;
}

// The number of minor-unit digits (EUR 2, JPY 0, KWD 3, CLF 4); nullopt for an unknown code and
// for a code whose minor unit is "N.A." (XAU, XDR, ...), which therefore cannot be posted.
constexpr std::optional<int> currency_minor_units(std::string_view code) noexcept {
  const int i = detail::find_currency(code);
  if (i < 0) return std::nullopt;
  const int units = detail::iso4217_table[static_cast<std::size_t>(i)].minor_units;
  if (units < 0) return std::nullopt;
  return units;
}

}  // namespace erpc
