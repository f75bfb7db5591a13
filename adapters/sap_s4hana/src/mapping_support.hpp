// SPDX-License-Identifier: Apache-2.0
// Pieces every SAP mapping uses: canonical members read with pointer-precise VALIDATION errors,
// value-map lookups, SAP length limits (refused, never truncated), exact money, and reading
// SAP records without inventing values.
#pragma once

#include "sap_config.hpp"

#include <erpc/decimal.hpp>
#include <erpc/error.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace erpc::sap::mapping {

// The key of SAP ids in `external_refs`.
inline constexpr const char* ref_key = "sap_s4hana";

[[noreturn]] void invalid(const std::string& pointer, const std::string& code,
                          const std::string& message);
[[noreturn]] void unsupported(const std::string& pointer, const std::string& message);

// A string member; nullopt when absent; VALIDATION when present but not a string.
std::optional<std::string> text(const nlohmann::json& obj, const char* name,
                                const std::string& pointer);
std::string required_text(const nlohmann::json& obj, const char* name, const std::string& pointer);
// `value` as an SAP field of at most `max_chars` characters (UTF-8 code points): VALIDATION
// `sap.too_long` otherwise (BANKING.md: a longer reference is refused, never truncated).
std::string fits(const std::string& value, std::size_t max_chars, const std::string& pointer,
                 const char* sap_field);

// The SAP key for a code; VALIDATION `sap.unmapped_value` when the connection maps it nowhere.
std::string mapped(const value_map& map, const std::string& code, const std::string& pointer);
// Reads: the code an SAP key maps back to; CONFIGURATION `sap.unmapped_vendor_value` when the
// connection has none (a read must not invent one). "" for an empty key.
std::string code_for(const value_map& map, const std::string& key, const char* what);

// {"amount": "12.50", "currency": "EUR"}: the amount, checked to be in `currency`.
decimal money_amount(const nlohmann::json& money, const std::string& pointer,
                     const std::string& currency);
// The amount with the currency's minor digits (at least), as SAP's Edm.Decimal text.
std::string money_text(const decimal& amount, const std::string& currency);
nlohmann::json money_json(const decimal& amount, const std::string& currency);

// Reads: a string member of an SAP record, "" when absent or not a string.
std::string member(const nlohmann::json& record, const char* name);
// Reads: the results of an expanded navigation ({"results": […]}), empty when absent/deferred.
const nlohmann::json& results(const nlohmann::json& record, const char* navigation);

// The SAP id a canonical party names in external_refs.sap_s4hana; "" when it names none.
std::string party_ref(const nlohmann::json& party, const std::string& pointer);

}  // namespace erpc::sap::mapping
