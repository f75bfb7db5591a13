// SPDX-License-Identifier: Apache-2.0
// Pieces every mapping file uses: the shared canonical-field readers (adapters/common
// canonical_fields.hpp) speaking Oracle Fusion's error codes, value-map lookups through this
// connection's maps, and the business unit of a document.
#pragma once

#include "fusion_config.hpp"

#include <erpc/adapters/canonical_fields.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace erpc::oracle_fusion::mapping {

// Members read with pointer-precise VALIDATION errors `oracle_fusion.required`,
// `oracle_fusion.not_text`, …; read_amount's INTERNAL `oracle_fusion.malformed_response`.
inline const adapters::canonical_fields fields{
    adapters::mapping_errors{"oracle_fusion", "Oracle Fusion", adapters::mapping_dialect::rest_json,
                             adapters::vendor_values::names}};

using adapters::item_index;   // "invoiceLines[3].LineAmount" → 3 after "invoiceLines["
using adapters::money_json;
using adapters::norm_amount;  // decimal text, trailing zeros cut
using adapters::norm_text;    // string (numbers as text) or null
using adapters::text_of;      // "" when absent or not a scalar

// The Fusion value for a code; VALIDATION `oracle_fusion.unmapped_value` when unmapped.
inline std::string mapped(const value_map& map, const std::string& code,
                          const std::string& pointer) {
  return fields.mapped(map.name(), code, map.vendor_value(code), pointer);
}
// Reads: the code of a Fusion value; CONFIGURATION `oracle_fusion.unmapped_vendor_value`.
inline std::string code_for(const value_map& map, const std::string& vendor_value,
                            const char* what) {
  return fields.code_for(map.name(), vendor_value, map.code(vendor_value), what);
}

// The business unit of a document: value_maps.business_units[legal_entity], else the
// connection's default_business_unit; VALIDATION when neither.
std::string business_unit(const nlohmann::json& payload, const connection_config& config);
// Reads: the legal entity of a business unit, or nullopt when the connection maps none to it.
std::optional<std::string> legal_entity_of(const std::string& business_unit,
                                           const connection_config& config);

}  // namespace erpc::oracle_fusion::mapping
