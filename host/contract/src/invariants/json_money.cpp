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

std::optional<money_members> exact_money_members(const nlohmann::json::object_t& node) {
  if (node.size() != 2) return std::nullopt;
  const auto first = node.begin();
  const auto second = std::next(first);
  if (!is_key(first->first, "amount") || !is_key(second->first, "currency")) return std::nullopt;
  return money_members{first->second, second->second};
}

std::optional<money> read_money(const nlohmann::json* node) {
  if (node == nullptr) return std::nullopt;
  // Nearly every Money node has exactly its two members: read in place, not looked up.
  if (node->is_object()) {
    if (const auto m = exact_money_members(node->get_ref<const nlohmann::json::object_t&>())) {
      const auto amount = read_decimal(&m->amount);
      if (!amount || !m->currency.is_string()) return std::nullopt;
      return money{*amount, m->currency.get_ref<const std::string&>()};
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
