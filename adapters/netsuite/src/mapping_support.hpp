// SPDX-License-Identifier: Apache-2.0
// Pieces every mapping file uses: the shared canonical-field readers (adapters/common
// canonical_fields.hpp) speaking NetSuite's error codes, value-map lookups through this
// connection's maps, NetSuite references and sublists, and NetSuite's own normalisation for
// the read-back comparison.
#pragma once

#include "netsuite_config.hpp"

#include <erpc/adapters/canonical_fields.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace erpc::netsuite::mapping {

// Members read with pointer-precise VALIDATION errors `netsuite.required`, `netsuite.not_text`,
// …; read_amount's INTERNAL `netsuite.malformed_response`. NetSuite's vendor values are
// internal ids ("has no NetSuite id").
inline const adapters::canonical_fields fields{adapters::mapping_errors{
    "netsuite", "NetSuite", adapters::mapping_dialect::rest_json, adapters::vendor_values::ids}};

using adapters::item_index;  // "expense.items[3].account" → 3 after "expense.items["
using adapters::money_json;
using adapters::money_text;  // "12.50"
using adapters::norm_amount;  // decimal text, trailing zeros cut

// {"amount": "12.50", "currency": "EUR"} → the amount as an exact decimal JSON node (NetSuite
// writes amounts as JSON numbers, vendors.md §1.1); the currency must be `currency` when that is
// non-empty.
nlohmann::json amount_node(const nlohmann::json& money, const std::string& pointer,
                           const std::string& currency);

// The NetSuite internal id for a code through a value map; VALIDATION
// `netsuite.unmapped_value` when the connection maps it nowhere.
nlohmann::json reference(const value_map& map, const std::string& code, const std::string& pointer);
nlohmann::json reference_id(std::string internal_id);  // {"id": "<id>"}
// fields.text / fields.required_text for the hot path of a create: the same answers, and the
// pointer is built (by `pointer_of`) only when the member is refused.
template <class PointerOf>
std::optional<std::string> text_lazy(const nlohmann::json& obj, const char* name,
                                     const PointerOf& pointer_of) {
  if (obj.is_object()) {
    const auto it = obj.find(name);
    if (it == obj.end() || it->is_null()) return std::nullopt;
    if (it->is_string()) return *it->template get_ptr<const std::string*>();
  }
  return fields.text(obj, name, pointer_of());
}
template <class PointerOf>
std::string required_text_lazy(const nlohmann::json& obj, const char* name,
                               const PointerOf& pointer_of) {
  if (obj.is_object()) {
    const auto it = obj.find(name);
    if (it != obj.end() && it->is_string()) {
      const auto& text = *it->template get_ptr<const std::string*>();
      if (!text.empty()) return text;
    }
  }
  return fields.required_text(obj, name, pointer_of());
}

// The same for a member of the payload's top level, whose pointer is a literal.
inline std::optional<std::string> text_at(const nlohmann::json& obj, const char* name,
                                          const char* pointer) {
  return text_lazy(obj, name, [pointer] { return std::string(pointer); });
}
inline std::string required_text_at(const nlohmann::json& obj, const char* name,
                                    const char* pointer) {
  return required_text_lazy(obj, name, [pointer] { return std::string(pointer); });
}

// reference() for the hot path of a create: the pointer is built (by `pointer_of`) only when
// the code is unmapped and the error needs it.
template <class PointerOf>
nlohmann::json reference_lazy(const value_map& map, const std::string& code,
                              const PointerOf& pointer_of) {
  if (const auto* id = map.find_vendor_id(code)) return reference_id(*id);
  return reference_id(fields.mapped(map.name(), code, std::nullopt, pointer_of()));
}

// Reads: the id of a reference member ({"id": "7"} or "7"), "" when absent.
std::string ref_id(const nlohmann::json& record, const char* name);
// Reads: the code a vendor id maps back to; CONFIGURATION `netsuite.unmapped_vendor_value`
// when the connection has no code for it (a read must not invent one).
inline std::string code_for(const value_map& map, const std::string& vendor_id, const char* what) {
  return fields.code_for(map.name(), vendor_id, map.code(vendor_id), what);
}

// The items of a NetSuite sublist ({"items": [...]}); empty when absent.
const nlohmann::json& sublist_items(const nlohmann::json& record, const char* name);

// Normalisation for comparisons, as NetSuite shows values.
nlohmann::json norm_ref(const nlohmann::json& value);   // the id as a string, or null
nlohmann::json norm_text(const nlohmann::json& value);  // string, true/false as "T"/"F", or null

}  // namespace erpc::netsuite::mapping
