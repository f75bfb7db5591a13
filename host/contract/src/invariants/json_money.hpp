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

// The members of an object that has exactly "amount" and "currency" (a Money node's shape),
// read in place: member names are unique and sorted, so they are the first and the second and
// no lookup is needed. Nullopt for any other object.
struct money_members {
  const nlohmann::json& amount;
  const nlohmann::json& currency;
};
std::optional<money_members> exact_money_members(const nlohmann::json::object_t& node);

// A decimal string node.
std::optional<decimal> read_decimal(const nlohmann::json* node);

// {"amount": "12.30", "currency": "EUR"}; the currency is not checked against ISO 4217 here.
std::optional<money> read_money(const nlohmann::json* node);

// An array member, or nullptr.
const nlohmann::json* array_member(const nlohmann::json& node, std::string_view key);

}  // namespace erpc::contract_detail
