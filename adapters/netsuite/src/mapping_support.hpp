// SPDX-License-Identifier: Apache-2.0
// Small pieces every mapping file uses: reading canonical members with pointer-precise
// VALIDATION errors, value-map lookups, exact amounts, NetSuite references and normalisation
// for the read-back comparison.
#pragma once

#include "netsuite_config.hpp"

#include <erpc/decimal.hpp>
#include <erpc/error.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace erpc::netsuite::mapping {

[[noreturn]] void invalid(const std::string& pointer, const std::string& code,
                          const std::string& message);
[[noreturn]] void unsupported(const std::string& pointer, const std::string& message);

// A string member; nullopt when absent; VALIDATION when present but not a string.
std::optional<std::string> text(const nlohmann::json& obj, const char* name,
                                const std::string& pointer);
std::string required_text(const nlohmann::json& obj, const char* name, const std::string& pointer);

// {"amount": "12.50", "currency": "EUR"} → the amount as an exact decimal JSON node; the
// currency must be `currency` when that is non-empty.
nlohmann::json amount_node(const nlohmann::json& money, const std::string& pointer,
                           const std::string& currency);
std::string money_currency(const nlohmann::json& money, const std::string& pointer);
decimal money_amount(const nlohmann::json& money, const std::string& pointer);

// The NetSuite internal id for a code through a value map; VALIDATION
// `netsuite.unmapped_value` when the connection maps it nowhere.
nlohmann::json reference(const value_map& map, const std::string& code, const std::string& pointer);
nlohmann::json reference_id(const std::string& internal_id);  // {"id": "<id>"}

// Reads: the id of a reference member ({"id": "7"} or "7"), "" when absent.
std::string ref_id(const nlohmann::json& record, const char* name);
// Reads: the code a vendor id maps back to; CONFIGURATION `netsuite.unmapped_vendor_value`
// when the connection has no code for it (a read must not invent one).
std::string code_for(const value_map& map, const std::string& vendor_id, const char* what);
// Reads: an amount member as an exact decimal (a JSON number or a string); nullopt when
// absent. INTERNAL `netsuite.malformed_response` when it is neither.
std::optional<decimal> read_amount(const nlohmann::json& obj, const char* name);
std::string money_text(const decimal& amount, const std::string& currency);  // "12.50"
nlohmann::json money_json(const decimal& amount, const std::string& currency, int scale = 2);

// The items of a NetSuite sublist ({"items": [...]}); empty when absent.
const nlohmann::json& sublist_items(const nlohmann::json& record, const char* name);

// Normalisation for comparisons.
nlohmann::json norm_amount(const nlohmann::json& value);  // decimal text, trailing zeros cut
nlohmann::json norm_ref(const nlohmann::json& value);     // the id as a string, or null
nlohmann::json norm_text(const nlohmann::json& value);    // string or null

// "expense.items[3].account" → index 3 after prefix "expense.items["; nullopt otherwise.
std::optional<std::size_t> item_index(std::string_view path, std::string_view prefix);

}  // namespace erpc::netsuite::mapping
