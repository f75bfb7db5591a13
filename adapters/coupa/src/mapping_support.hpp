// SPDX-License-Identifier: Apache-2.0
// Pieces every Coupa mapping file uses: canonical members read with pointer-precise
// VALIDATION errors, exact amounts, and normalisation for read-back comparisons.
#pragma once

#include <erpc/decimal.hpp>
#include <erpc/error.hpp>

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace erpc::coupa::mapping {

[[noreturn]] void invalid(const std::string& pointer, const std::string& code, const std::string& message);
[[noreturn]] void unsupported(const std::string& pointer, const std::string& message);
// UNSUPPORTED for each of `fields` the object holds (never silently dropped).
void refuse_present(const nlohmann::json& obj, std::initializer_list<const char*> fields,
                    const std::string& prefix, const std::string& why);

std::optional<std::string> text(const nlohmann::json& obj, const char* name, const std::string& pointer);
std::string required_text(const nlohmann::json& obj, const char* name, const std::string& pointer);

// {"amount": "12.50", "currency": "EUR"}: the amount (its currency must be `currency`).
decimal money_amount(const nlohmann::json& money, const std::string& pointer, const std::string& currency);

// Reads: an amount as an exact decimal (JSON number or string); nullopt when absent; INTERNAL
// coupa.malformed_response when it is neither.
std::optional<decimal> read_amount(const nlohmann::json& obj, const char* name);
nlohmann::json money_json(const decimal& amount, const std::string& currency);
std::string text_of(const nlohmann::json& obj, const char* name);  // "" when absent or not a scalar

nlohmann::json norm_amount(const nlohmann::json& value);  // decimal text, trailing zeros cut
nlohmann::json norm_text(const nlohmann::json& value);    // string (numbers as text) or null

// "invoice-lines[3].total" → 3 after "invoice-lines["; nullopt otherwise.
std::optional<std::size_t> item_index(std::string_view path, std::string_view prefix);

}  // namespace erpc::coupa::mapping
