// SPDX-License-Identifier: Apache-2.0
#include "mapping_support.hpp"

#include <erpc/adapters/exact_json.hpp>

namespace erpc::netsuite::mapping {

nlohmann::json amount_node(const nlohmann::json& money, const std::string& pointer,
                           const std::string& currency) {
  return adapters::make_decimal(fields.money_amount(money, pointer, currency));
}

nlohmann::json reference(const value_map& map, const std::string& code, const std::string& pointer) {
  return reference_id(fields.mapped(map.name(), code, map.vendor_id(code), pointer));
}

nlohmann::json reference_id(const std::string& internal_id) { return {{"id", internal_id}}; }

std::string ref_id(const nlohmann::json& record, const char* name) {
  if (!record.is_object()) return {};
  const auto it = record.find(name);
  if (it == record.end()) return {};
  if (it->is_object()) {
    const auto id = it->find("id");
    if (id == it->end()) return {};
    if (id->is_string()) return id->get<std::string>();
    if (id->is_number_integer()) return id->dump();
    return {};
  }
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return it->dump();
  return {};
}

const nlohmann::json& sublist_items(const nlohmann::json& record, const char* name) {
  static const nlohmann::json empty = nlohmann::json::array();
  if (!record.is_object()) return empty;
  const auto it = record.find(name);
  if (it == record.end() || !it->is_object()) return empty;
  const auto items = it->find("items");
  if (items == it->end() || !items->is_array()) return empty;
  return *items;
}

nlohmann::json norm_ref(const nlohmann::json& value) {
  if (value.is_object()) {
    const auto id = value.find("id");
    return id == value.end() ? nlohmann::json(nullptr) : norm_ref(*id);
  }
  if (value.is_string()) return value;
  if (value.is_number_integer()) return value.dump();
  return nullptr;
}

nlohmann::json norm_text(const nlohmann::json& value) {
  if (value.is_string()) return value;
  if (value.is_boolean()) return value.get<bool>() ? "T" : "F";
  return nullptr;
}

}  // namespace erpc::netsuite::mapping
