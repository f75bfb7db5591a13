// SPDX-License-Identifier: Apache-2.0
// Pieces every F&O mapping uses: the shared canonical-field readers (adapters/common
// canonical_fields.hpp) speaking F&O's `fo.` codes — members read with pointer-precise
// VALIDATION errors, F&O field lengths (refused, never cut), exact money — value-map lookups
// through this connection's maps, and reading F&O records.
#pragma once

#include "fo_config.hpp"

#include <erpc/adapters/canonical_fields.hpp>
#include <erpc/decimal.hpp>
#include <erpc/error.hpp>

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace erpc::fo::mapping {

// The key of F&O ids in `external_refs`.
inline constexpr const char* ref_key = "dynamics_fo";

// `fo.required`, `fo.type`, `fo.too_long`, `fo.currency_mismatch`, `fo.decimal`,
// `fo.field_unsupported`; messages name the pointer (the OData dialect, as Business Central).
inline const adapters::canonical_fields fields{adapters::mapping_errors{
    "fo", "F&O", adapters::mapping_dialect::odata, adapters::vendor_values::names}};

using adapters::money_json;

// The F&O value for a code; VALIDATION fo.unmapped_value when the connection maps it nowhere.
inline std::string mapped(const value_map& map, const std::string& code, const std::string& pointer) {
  return fields.mapped(map.name(), code, map.vendor_value(code), pointer);
}
// Reads: the code an F&O value maps back to; CONFIGURATION fo.unmapped_vendor_value when none.
inline std::string code_for(const value_map& map, const std::string& vendor_code, const char* what) {
  return fields.code_for(map.name(), vendor_code, map.code(vendor_code), what);
}
// Reads (adapters/common): a string member, "" when absent or not a string; an Edm.Decimal
// (exact JSON number) as a decimal, 0 when absent.
using adapters::decimal_member;
using adapters::string_member;

// VALIDATION fo.legal_entity when the payload names another legal entity than the connection's.
void check_legal_entity(const nlohmann::json& payload, const connection_config& config);

// The names of the members whose values differ between `want` and `have`.
std::string differing(const nlohmann::json& want, const nlohmann::json& have);

// The canonical answer of a create: the payload as sent, with the F&O id.
nlohmann::json created_document(nlohmann::json payload, const std::string& vendor_id);

}  // namespace erpc::fo::mapping
