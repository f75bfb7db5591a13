// SPDX-License-Identifier: Apache-2.0
#include "mapping_support.hpp"

#include "fusion_errors.hpp"
#include "resource_mapping.hpp"

namespace erpc::oracle_fusion {

std::string vendor_id_of(const resource_mapping& m, const nlohmann::json& item) {
  const auto it = item.find(std::string(m.id_attribute()));
  if (it != item.end() && it->is_number_integer()) return it->dump();
  if (it != item.end() && it->is_string() && !it->get<std::string>().empty()) return *it;
  throw malformed_response("the " + std::string(m.resource()) + " item has no " +
                               std::string(m.id_attribute()),
                           call_kind::read, 200);
}

namespace mapping {

std::string business_unit(const nlohmann::json& payload, const connection_config& config) {
  if (auto le = fields.text(payload, "legal_entity", "/legal_entity")) {
    return mapped(config.maps.business_units, *le, "/legal_entity");
  }
  if (config.default_business_unit.empty()) {
    fields.invalid("/legal_entity", "oracle_fusion.required",
                   "a legal_entity is required (the connection has no default_business_unit)");
  }
  return config.default_business_unit;
}

std::optional<std::string> legal_entity_of(const std::string& bu, const connection_config& config) {
  return config.maps.business_units.code(bu);
}

}  // namespace mapping

}  // namespace erpc::oracle_fusion
