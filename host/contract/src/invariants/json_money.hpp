// Defensive readers for the invariant checks: each returns nullopt/nullptr when the node does
// not have the expected shape, leaving the report to the schema.
#pragma once

#include <erpc/decimal.hpp>
#include <erpc/money.hpp>

#include <nlohmann/json.hpp>

#include <cstring>
#include <optional>
#include <string_view>

namespace erpc::contract_detail {

// Whether a member name is `name`. The checks ask this of many members: comparing the length
// first, then a fixed number of bytes, needs no strlen or memcmp call.
template <std::size_t N>
bool is_key(std::string_view key, const char (&name)[N]) {
  return key.size() == N - 1 && std::memcmp(key.data(), name, N - 1) == 0;
}

// Whether a member name ends with `suffix`.
template <std::size_t N>
bool key_ends_with(std::string_view key, const char (&suffix)[N]) {
  return key.size() >= N - 1 &&
         std::memcmp(key.data() + key.size() - (N - 1), suffix, N - 1) == 0;
}

const nlohmann::json* member(const nlohmann::json& node, std::string_view key);
std::optional<std::string_view> string_member(const nlohmann::json& node, std::string_view key);

// A decimal string node.
std::optional<decimal> read_decimal(const nlohmann::json* node);

// {"amount": "12.30", "currency": "EUR"}; the currency is not checked against ISO 4217 here.
std::optional<money> read_money(const nlohmann::json* node);

// An array member, or nullptr.
const nlohmann::json* array_member(const nlohmann::json& node, std::string_view key);

}  // namespace erpc::contract_detail
