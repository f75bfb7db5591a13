#include "json_money.hpp"

#include <iterator>
#include <string>

namespace erpc::contract_detail {

const nlohmann::json* member(const nlohmann::json& node, std::string_view key) {
  if (!node.is_object()) return nullptr;
  const auto it = node.find(key);
  return it == node.end() ? nullptr : &*it;
}

std::optional<std::string_view> string_member(const nlohmann::json& node, std::string_view key) {
  const auto* m = member(node, key);
  if (m == nullptr || !m->is_string()) return std::nullopt;
  return std::string_view(m->get_ref<const std::string&>());
}

std::optional<decimal> read_decimal(const nlohmann::json* node) {
  if (node == nullptr || !node->is_string()) return std::nullopt;
  return decimal::parse(node->get_ref<const std::string&>());
}

std::optional<money> read_money(const nlohmann::json* node) {
  if (node == nullptr) return std::nullopt;
  // Nearly every Money node has exactly its two members; member names are unique and sorted,
  // so "amount" and "currency" are then the first and the second: read them in place instead
  // of two lookups.
  if (node->is_object() && node->size() == 2) {
    const auto& members = node->get_ref<const nlohmann::json::object_t&>();
    const auto first = members.begin();
    const auto second = std::next(first);
    if (is_key(first->first, "amount") && is_key(second->first, "currency")) {
      const auto amount = read_decimal(&first->second);
      if (!amount || !second->second.is_string()) return std::nullopt;
      return money{*amount, second->second.get_ref<const std::string&>()};
    }
  }
  const auto amount = read_decimal(member(*node, "amount"));
  const auto currency = string_member(*node, "currency");
  if (!amount || !currency) return std::nullopt;
  return money{*amount, std::string(*currency)};
}

const nlohmann::json* array_member(const nlohmann::json& node, std::string_view key) {
  const auto* m = member(node, key);
  return m != nullptr && m->is_array() ? m : nullptr;
}

}  // namespace erpc::contract_detail
