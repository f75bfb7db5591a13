// SPDX-License-Identifier: Apache-2.0
// Pieces every mapping file uses: canonical members read with pointer-precise VALIDATION
// errors, value-map lookups, exact amounts, and normalisation for read-back comparisons.
#pragma once

#include "fusion_config.hpp"

#include <erpc/decimal.hpp>
#include <erpc/error.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace erpc::oracle_fusion::mapping {

[[noreturn]] void invalid(const std::string& pointer, const std::string& code,
                          const std::string& message);
[[noreturn]] void unsupported(const std::string& pointer, const std::string& message);
// UNSUPPORTED for each of `fields` the object holds (never silently dropped).
void refuse_present(const nlohmann::json& obj, std::initializer_list<const char*> fields,
                    const std::string& prefix, const std::string& why);

std::optional<std::string> text(const nlohmann::json& obj, const char* name,
                                const std::string& pointer);
std::string required_text(const nlohmann::json& obj, const char* name, const std::string& pointer);

// {"amount": "12.50", "currency": "EUR"}: the amount (its currency must be `currency` when that
// is non-empty).
decimal money_amount(const nlohmann::json& money, const std::string& pointer,
                     const std::string& currency = {});
std::string money_currency(const nlohmann::json& money, const std::string& pointer);

// The Fusion value for a code; VALIDATION `oracle_fusion.unmapped_value` when unmapped.
std::string mapped(const value_map& map, const std::string& code, const std::string& pointer);
// Reads: the code of a Fusion value; CONFIGURATION `oracle_fusion.unmapped_vendor_value`.
std::string code_for(const value_map& map, const std::string& vendor_value, const char* what);

// The business unit of a document: value_maps.business_units[legal_entity], else the
// connection's default_business_unit; VALIDATION when neither.
std::string business_unit(const nlohmann::json& payload, const connection_config& config);
// Reads: the legal entity of a business unit, or nullopt when the connection maps none to it.
std::optional<std::string> legal_entity_of(const std::string& business_unit,
                                           const connection_config& config);

// Reads: an amount attribute as an exact decimal (JSON number or string); nullopt when absent;
// INTERNAL `oracle_fusion.malformed_response` when it is neither.
std::optional<decimal> read_amount(const nlohmann::json& obj, const char* name);
nlohmann::json money_json(const decimal& amount, const std::string& currency);
std::string text_of(const nlohmann::json& obj, const char* name);  // "" when absent

nlohmann::json norm_amount(const nlohmann::json& value);  // decimal text, trailing zeros cut
nlohmann::json norm_text(const nlohmann::json& value);    // string (numbers as text) or null

// "invoiceLines[3].LineAmount" → 3 after "invoiceLines["; nullopt otherwise.
std::optional<std::size_t> item_index(std::string_view path, std::string_view prefix);

}  // namespace erpc::oracle_fusion::mapping
