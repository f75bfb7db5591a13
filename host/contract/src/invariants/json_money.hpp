// Defensive readers for the invariant checks: each returns nullopt/nullptr when the node does
// not have the expected shape, leaving the report to the schema.
#pragma once

#include <erpc/decimal.hpp>
#include <erpc/money.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <string_view>

namespace erpc::contract_detail {

const nlohmann::json* member(const nlohmann::json& node, std::string_view key);
std::optional<std::string_view> string_member(const nlohmann::json& node, std::string_view key);

// A decimal string node.
std::optional<decimal> read_decimal(const nlohmann::json* node);

// {"amount": "12.30", "currency": "EUR"}; the currency is not checked against ISO 4217 here.
std::optional<money> read_money(const nlohmann::json* node);

// An array member, or nullptr.
const nlohmann::json* array_member(const nlohmann::json& node, std::string_view key);

}  // namespace erpc::contract_detail
