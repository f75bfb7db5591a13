// SPDX-License-Identifier: Apache-2.0
// Pieces every BILL mapping file uses: canonical members read with pointer-precise VALIDATION
// errors, exact amounts, and normalisation for read-back comparisons.
#pragma once

#include "bill_config.hpp"

#include <erpc/decimal.hpp>
#include <erpc/error.hpp>

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace erpc::bill::mapping {

[[noreturn]] void invalid(const std::string& pointer, const std::string& code, const std::string& message);
[[noreturn]] void unsupported(const std::string& pointer, const std::string& message);
// UNSUPPORTED for each of `fields` the object holds (never silently dropped).
void refuse_present(const nlohmann::json& obj, std::initializer_list<const char*> fields,
                    const std::string& prefix, const std::string& why);

std::optional<std::string> text(const nlohmann::json& obj, const char* name, const std::string& pointer);
std::string required_text(const nlohmann::json& obj, const char* name, const std::string& pointer);

// {"amount": "12.50", "currency": "USD"} in the connection's currency: the amount.
decimal money_amount(const nlohmann::json& money, const std::string& pointer, const connection_config& config);

// The BILL id for a code; VALIDATION `bill.unmapped_value` when unmapped.
std::string mapped(const value_map& map, const std::string& code, const std::string& pointer, const char* what);

// Reads: an amount member as an exact decimal; INTERNAL `bill.malformed_response` when absent
// or not a number.
decimal read_amount(const nlohmann::json& obj, const char* name);
nlohmann::json money_json(const decimal& amount, const std::string& currency);
std::string text_of(const nlohmann::json& obj, const char* name);  // "" when absent

// "billLineItems[3].amount" → 3 after "billLineItems["; nullopt otherwise.
std::optional<std::size_t> item_index(std::string_view path, std::string_view prefix);

// The canonical document's common members for a BILL record.
nlohmann::json canonical_base(const std::string& id);

}  // namespace erpc::bill::mapping
