// Defensive readers for the invariant checks: each returns nullopt/nullptr when the node does
// not have the expected shape, leaving the report to the schema.
#pragma once

#include <erpc/decimal.hpp>
#include <erpc/money.hpp>

#include <nlohmann/json.hpp>

#include <array>
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

// Pointers to the members of `node` named `names` (nullptr for each that is missing, all when
// `node` is no object), found in one pass over its members: cheaper than a lookup per name,
// each of which compares whole names. `names` must be sorted (as std::string compares).
template <std::size_t N>
std::array<const nlohmann::json*, N> members_named(const nlohmann::json& node,
                                                   const std::array<std::string_view, N>& names) {
  std::array<const nlohmann::json*, N> found{};
  if (!node.is_object()) return found;
  std::size_t next = 0;
  for (const auto& [key, value] : node.get_ref<const nlohmann::json::object_t&>()) {
    const std::string_view k = key;
    if (k.empty()) continue;  // sorts first, wanted by no one
    // Member names and the wanted names are both sorted: skip the wanted names before this
    // one; a first byte that differs decides without a full compare (as unsigned char, the
    // order std::string uses).
    const auto first = static_cast<unsigned char>(k.front());
    while (next < N && (static_cast<unsigned char>(names[next].front()) < first ||
                        (names[next].front() == k.front() && names[next] < k))) {
      ++next;
    }
    if (next == N) break;
    if (names[next] == k) found[next++] = &value;
  }
  return found;
}

// A decimal string node.
std::optional<decimal> read_decimal(const nlohmann::json* node);

// {"amount": "12.30", "currency": "EUR"}; the currency is not checked against ISO 4217 here.
std::optional<money> read_money(const nlohmann::json* node);

// An array member, or nullptr.
const nlohmann::json* array_member(const nlohmann::json& node, std::string_view key);

}  // namespace erpc::contract_detail
