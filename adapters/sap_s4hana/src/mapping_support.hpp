// SPDX-License-Identifier: Apache-2.0
// Pieces every SAP mapping uses: the shared canonical-field readers (adapters/common
// canonical_fields.hpp) speaking SAP's error codes — members read with pointer-precise
// VALIDATION errors, SAP length limits (refused, never truncated), exact money — value-map
// lookups through this connection's maps, and reading SAP records without inventing values.
#pragma once

#include "sap_config.hpp"

#include <erpc/adapters/canonical_fields.hpp>

#include <nlohmann/json.hpp>

#include <string>

namespace erpc::sap::mapping {

// The key of SAP ids in `external_refs`.
inline constexpr const char* ref_key = "sap_s4hana";

// `sap.required`, `sap.type`, `sap.too_long` (BANKING.md: a longer reference is refused, never
// truncated), `sap.currency_mismatch`, `sap.decimal`; messages name the pointer (OData dialect).
inline const adapters::canonical_fields fields{adapters::mapping_errors{
    "sap", "SAP", adapters::mapping_dialect::odata, adapters::vendor_values::names}};

using adapters::money_json;
using adapters::money_text;  // the currency's minor digits (at least), as SAP's Edm.Decimal text

// The SAP key for a code; VALIDATION `sap.unmapped_value` when the connection maps it nowhere.
inline std::string mapped(const value_map& map, const std::string& code,
                          const std::string& pointer) {
  return fields.mapped(map.name(), code, map.vendor_value(code), pointer);
}
// Reads: the code an SAP key maps back to; CONFIGURATION `sap.unmapped_vendor_value` when the
// connection has none (a read must not invent one). "" for an empty key.
inline std::string code_for(const value_map& map, const std::string& key, const char* what) {
  return fields.code_for(map.name(), key, map.code(key), what);
}

// Reads (adapters/common): a string member of an SAP record, "" when absent or not a string.
using adapters::string_member;
// Reads: the results of an expanded navigation ({"results": […]}), empty when absent/deferred.
const nlohmann::json& results(const nlohmann::json& record, const char* navigation);

// The SAP id a canonical party names in external_refs.sap_s4hana; "" when it names none.
std::string party_ref(const nlohmann::json& party, const std::string& pointer);

}  // namespace erpc::sap::mapping
