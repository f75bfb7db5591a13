// SPDX-License-Identifier: Apache-2.0
// Pieces every Business Central mapping uses: canonical members read with pointer-precise
// VALIDATION errors, BC field lengths (refused, never cut), value-map lookups, exact money.
#pragma once

#include "bc_config.hpp"

#include <erpc/decimal.hpp>
#include <erpc/error.hpp>

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace erpc::bc::mapping {

// The key of BC ids in `external_refs`.
inline constexpr const char* ref_key = "business_central";

[[noreturn]] void invalid(const std::string& pointer, const std::string& code,
                          const std::string& message);
[[noreturn]] void unsupported(const std::string& pointer, const std::string& message);

std::optional<std::string> text(const nlohmann::json& obj, const char* name,
                                const std::string& pointer);
std::string required_text(const nlohmann::json& obj, const char* name, const std::string& pointer);
// VALIDATION bc.too_long when `value` has more than `max_chars` characters.
std::string fits(const std::string& value, std::size_t max_chars, const std::string& pointer,
                 const char* bc_field);
std::string mapped(const value_map& map, const std::string& code, const std::string& pointer);
// Reads: the code a BC value maps back to; CONFIGURATION bc.unmapped_vendor_value when none.
std::string code_for(const value_map& map, const std::string& vendor_code, const char* what);

// {"amount": "12.50", "currency": "EUR"} in `currency`.
decimal money_amount(const nlohmann::json& money, const std::string& pointer,
                     const std::string& currency);
nlohmann::json money_json(const decimal& amount, const std::string& currency);
// A decimal without trailing fractional zeros ("100.50" → "100.5", "7.00" → "7"): equal
// values compare equal as text, whatever scale BC answered with.
std::string canonical_decimal(const decimal& d);
// A BC Edm.Decimal (exact JSON number) as a decimal; 0 when absent.
decimal number_of(const nlohmann::json& record, const char* name);

// Reads: a string member, "" when absent or not a string.
std::string member(const nlohmann::json& record, const char* name);

// UNSUPPORTED for any member of `obj` not in `allowed` (a present field is never dropped).
void refuse_unknown(const nlohmann::json& obj, std::initializer_list<std::string_view> allowed,
                    const std::string& pointer, std::string_view why);

// The BC id a canonical party names in external_refs.business_central; "" when none.
std::string party_ref(const nlohmann::json& party);

}  // namespace erpc::bc::mapping
