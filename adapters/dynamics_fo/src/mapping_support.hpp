// SPDX-License-Identifier: Apache-2.0
// Pieces every F&O mapping uses: canonical members read with pointer-precise VALIDATION errors,
// F&O field lengths (refused, never cut), value-map lookups, exact money. (The same shape as the
// Business Central adapter's mapping_support, with this adapter's `fo.` codes.)
#pragma once

#include "fo_config.hpp"

#include <erpc/decimal.hpp>
#include <erpc/error.hpp>

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace erpc::fo::mapping {

// The key of F&O ids in `external_refs`.
inline constexpr const char* ref_key = "dynamics_fo";

[[noreturn]] void invalid(const std::string& pointer, const std::string& code,
                          const std::string& message);
[[noreturn]] void unsupported(const std::string& pointer, const std::string& message);

std::optional<std::string> text(const nlohmann::json& obj, const char* name,
                                const std::string& pointer);
std::string required_text(const nlohmann::json& obj, const char* name, const std::string& pointer);
// VALIDATION fo.too_long when `value` has more than `max_chars` characters.
std::string fits(const std::string& value, std::size_t max_chars, const std::string& pointer,
                 const char* fo_field);
std::string mapped(const value_map& map, const std::string& code, const std::string& pointer);
// Reads: the code an F&O value maps back to; CONFIGURATION fo.unmapped_vendor_value when none.
std::string code_for(const value_map& map, const std::string& vendor_code, const char* what);
// YYYY-MM-DD or VALIDATION fo.date.
std::string date_text(const nlohmann::json& obj, const char* name, const std::string& pointer,
                      bool required);

// {"amount": "12.50", "currency": "EUR"}, in `currency` when it is not "".
decimal money_amount(const nlohmann::json& money, const std::string& pointer,
                     const std::string& currency);
nlohmann::json money_json(const decimal& amount, const std::string& currency);
// An Edm.Decimal (exact JSON number) as a decimal; 0 when absent.
decimal number_of(const nlohmann::json& record, const char* name);
// The decimal without trailing zeros (1.50 and 1.5 compare equal).
std::string normalized(const decimal& d);

// Reads: a string member, "" when absent or not a string.
std::string member(const nlohmann::json& record, const char* name);

// UNSUPPORTED for any member of `obj` not in `allowed` (a present field is never dropped).
void refuse_unknown(const nlohmann::json& obj, std::initializer_list<std::string_view> allowed,
                    const std::string& pointer, std::string_view why);

// VALIDATION fo.legal_entity when the payload names another legal entity than the connection's.
void check_legal_entity(const nlohmann::json& payload, const connection_config& config);

// The names of the members whose values differ between `want` and `have`.
std::string differing(const nlohmann::json& want, const nlohmann::json& have);

// The canonical answer of a create: the payload as sent, with the F&O id.
nlohmann::json created_document(nlohmann::json payload, const std::string& vendor_id);

}  // namespace erpc::fo::mapping
