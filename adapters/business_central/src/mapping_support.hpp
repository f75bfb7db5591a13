// SPDX-License-Identifier: Apache-2.0
// Pieces every Business Central mapping uses: the shared canonical-field readers
// (adapters/common canonical_fields.hpp) speaking BC's error codes — members read with
// pointer-precise VALIDATION errors, BC field lengths (refused, never cut), exact money —
// value-map lookups through this connection's maps, and reading BC records.
#pragma once

#include "bc_config.hpp"

#include <erpc/adapters/canonical_fields.hpp>

#include <nlohmann/json.hpp>

#include <string>

namespace erpc::bc::mapping {

// The key of BC ids in `external_refs`.
inline constexpr const char* ref_key = "business_central";

// `bc.required`, `bc.type`, `bc.too_long`, `bc.currency_mismatch`, `bc.decimal`; messages name
// the pointer (OData dialect).
inline const adapters::canonical_fields fields{adapters::mapping_errors{
    "bc", "Business Central", adapters::mapping_dialect::odata, adapters::vendor_values::names}};

using adapters::money_json;

// The BC value for a code; VALIDATION bc.unmapped_value when the connection maps it nowhere.
inline std::string mapped(const value_map& map, const std::string& code,
                          const std::string& pointer) {
  return fields.mapped(map.name(), code, map.vendor_value(code), pointer);
}
// Reads: the code a BC value maps back to; CONFIGURATION bc.unmapped_vendor_value when none.
inline std::string code_for(const value_map& map, const std::string& vendor_code,
                            const char* what) {
  return fields.code_for(map.name(), vendor_code, map.code(vendor_code), what);
}

// Reads (adapters/common): a string member, "" when absent or not a string; an Edm.Decimal
// (exact JSON number) as a decimal, 0 when absent.
using adapters::decimal_member;
using adapters::string_member;

// The BC id a canonical party names in external_refs.business_central; "" when none.
std::string party_ref(const nlohmann::json& party);

}  // namespace erpc::bc::mapping
