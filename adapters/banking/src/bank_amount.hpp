// SPDX-License-Identifier: Apache-2.0
// Amounts as the three formats write them, read exactly (never through a double). The longest
// amount any of them allows is 18 digits (camt ActiveOrHistoricCurrencyAndAmount totalDigits 18,
// MT940 15d, BAI2 N..18); anything longer is refused as statement.amount_too_long rather than
// read into a number no bank sent.
#pragma once

#include <erpc/decimal.hpp>

#include <cstdint>
#include <string_view>

namespace erpc::banking::detail {

inline constexpr int max_amount_digits = 18;

// camt: "119.00", at most 5 fraction digits, no sign (the sign is CdtDbtInd).
decimal parse_camt_amount(std::string_view text, std::uint64_t line);

// MT940: "119,00" or "119," — the decimal comma is mandatory, at most 15 characters.
decimal parse_swift_amount(std::string_view text, std::uint64_t line);

// BAI2: digits with implied decimals (`minor_digits` from the currency), an optional leading
// sign where the record allows one; "" is no amount (std::nullopt handled by the caller).
decimal parse_bai2_amount(std::string_view text, int minor_digits, bool allow_sign,
                          std::uint64_t line);

}  // namespace erpc::banking::detail
