// SPDX-License-Identifier: Apache-2.0
// JSON with exact decimals. NetSuite bodies carry amounts as JSON numbers (`"amount": 250.00`);
// read into a double they would stop being money. parse_exact keeps every number with a
// fraction as its exact text in a binary node of subtype decimal_subtype — a node no JSON text
// can produce, so it cannot be confused with a string — and dump_exact writes it back as the
// same number. Integers stay int64/uint64. Shared by the NetSuite adapter (which writes its
// request bodies and reads the vendor's answers with it) and the NetSuite simulator.
#pragma once

#include <erpc/decimal.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace erpc::adapters {

inline constexpr std::uint8_t decimal_subtype = 0x64;

// Thrown for text that is not JSON, has a duplicate member name, or a number that is not a
// plain decimal (an exponent, more than 18 fraction digits); what() says where.
struct invalid_json : std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};

nlohmann::json parse_exact(std::string_view text);
std::string dump_exact(const nlohmann::json& value);

nlohmann::json make_decimal(const decimal& value);
bool is_decimal(const nlohmann::json& value) noexcept;
// The value as a decimal: an integer or a decimal node; nullopt for anything else.
std::optional<decimal> to_decimal(const nlohmann::json& value);
// The value as NetSuite shows it in a comparison or a SuiteQL column: strings as they are,
// numbers in their exact text, a reference object {"id": …} as its id, true/false as "T"/"F".
std::string scalar_text(const nlohmann::json& value);

}  // namespace erpc::adapters
