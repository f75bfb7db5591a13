// SPDX-License-Identifier: Apache-2.0
#include "bank_amount.hpp"

#include "statement_failure.hpp"

#include <string>

namespace erpc::banking::detail {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::size_t count_digits(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s) n += is_digit(c) ? 1 : 0;
  return n;
}

[[noreturn]] void invalid(std::string_view text, std::uint64_t line, std::string_view why) {
  fail("statement.amount_invalid", line,
       "amount " + quote(text) + " " + std::string(why));
}

void check_length(std::string_view text, std::uint64_t line) {
  if (count_digits(text) > static_cast<std::size_t>(max_amount_digits)) {
    fail("statement.amount_too_long", line,
         "amount " + quote(text) + " has " + std::to_string(count_digits(text)) +
             " digits; bank formats allow at most 18");
  }
}

// Integer part and fraction, both plain digits; leading zeros in the integer part are allowed
// (banks pad), so the text is rebuilt for decimal::parse.
decimal from_parts(std::string_view whole, std::string_view fraction, bool negative,
                   std::string_view text, std::uint64_t line) {
  for (const char c : whole) {
    if (!is_digit(c)) invalid(text, line, "is not a number");
  }
  for (const char c : fraction) {
    if (!is_digit(c)) invalid(text, line, "is not a number");
  }
  if (whole.empty()) invalid(text, line, "has no digits before the decimal separator");
  while (whole.size() > 1 && whole.front() == '0') whole.remove_prefix(1);
  std::string canonical = negative ? "-" : "";
  canonical += whole;
  if (!fraction.empty()) {
    canonical += '.';
    canonical += fraction;
  }
  const auto d = decimal::parse(canonical);
  if (!d) invalid(text, line, "is not a number");
  return *d;
}

}  // namespace

decimal parse_camt_amount(std::string_view text, std::uint64_t line) {
  check_length(text, line);
  const auto dot = text.find('.');
  const auto whole = text.substr(0, dot);
  const auto fraction = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  if (dot != std::string_view::npos && fraction.empty()) {
    invalid(text, line, "ends with a decimal point");
  }
  if (fraction.size() > 5) invalid(text, line, "has more than 5 fraction digits");
  return from_parts(whole, fraction, false, text, line);
}

decimal parse_swift_amount(std::string_view text, std::uint64_t line) {
  check_length(text, line);
  if (text.size() > 15) invalid(text, line, "is longer than 15 characters");
  const auto comma = text.find(',');
  if (comma == std::string_view::npos) {
    invalid(text, line, "has no decimal comma (SWIFT amounts always have one)");
  }
  if (text.find('.') != std::string_view::npos) {
    invalid(text, line, "uses a decimal point; SWIFT amounts use a decimal comma");
  }
  return from_parts(text.substr(0, comma), text.substr(comma + 1), false, text, line);
}

decimal parse_bai2_amount(std::string_view text, int minor_digits, bool allow_sign,
                          std::uint64_t line) {
  check_length(text, line);
  bool negative = false;
  std::string_view digits = text;
  if (!digits.empty() && (digits.front() == '+' || digits.front() == '-')) {
    if (!allow_sign) invalid(text, line, "has a sign where BAI2 allows none");
    negative = digits.front() == '-';
    digits.remove_prefix(1);
  }
  if (digits.empty()) invalid(text, line, "has no digits");
  for (const char c : digits) {
    if (!is_digit(c)) invalid(text, line, "is not a whole number of minor units");
  }
  // Implied decimals: the last `minor_digits` digits are the fraction.
  const auto m = static_cast<std::size_t>(minor_digits);
  std::string padded(digits);
  if (padded.size() <= m) padded.insert(0, m + 1 - padded.size(), '0');
  const auto whole = std::string_view(padded).substr(0, padded.size() - m);
  const auto fraction = std::string_view(padded).substr(padded.size() - m);
  return from_parts(whole, fraction, negative, text, line);
}

}  // namespace erpc::banking::detail
