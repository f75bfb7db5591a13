// SPDX-License-Identifier: Apache-2.0
// The read-back of a create whose vendor has no idempotency key (Coupa vendors.md §10.1, Oracle
// Fusion §3.3; ARCHITECTURE §6 R1–R5): the records a natural-key query found are compared with
// what the create would write. The first that holds every compared field is the record this
// create made before (a replay, nothing written); when every one differs, the key names another
// record: IDEMPOTENCY_KEY_REUSE, never a second create. Header only.
#pragma once

#include <erpc/error.hpp>

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace erpc::adapters {

// The names of the fields `expected` sets (not null) that `actual` holds differently. Both are
// a mapping's compared fields: {name: value}.
inline std::vector<std::string> differing_fields(const nlohmann::json& expected,
                                                 const nlohmann::json& actual) {
  std::vector<std::string> out;
  for (const auto& [name, value] : expected.items()) {
    if (value.is_null()) continue;
    if (actual.value(name, nlohmann::json()) != value) out.push_back(name);
  }
  return out;
}

// What the key-reuse error says: IDEMPOTENCY_KEY_REUSE `<code_prefix>.key_reuse` "the natural
// key <natural_key> already names <vendor_record> record that differs in <fields>".
struct key_reuse_wording {
  std::string code_prefix;    // "coupa"
  std::string natural_key;    // the mapping's natural key of the body
  std::string vendor_record;  // "a Coupa invoices", "an Oracle Fusion invoices"
};

// The vendor id of the first of `found` without differences (`differences(record)`, its id
// `id_of(record)`); nullopt when `found` is empty; the key-reuse error (effect none) naming the
// first record's differences when none matches.
inline std::optional<std::string> match_natural_key(
    const std::vector<nlohmann::json>& found,
    const std::function<std::vector<std::string>(const nlohmann::json&)>& differences,
    const std::function<std::string(const nlohmann::json&)>& id_of,
    const key_reuse_wording& wording) {
  if (found.empty()) return std::nullopt;
  std::vector<std::string> first_difference;
  for (const auto& record : found) {
    const auto diff = differences(record);
    const auto id = id_of(record);
    if (diff.empty()) return id;
    if (first_difference.empty()) first_difference = diff;
  }
  std::string fields;
  for (const auto& f : first_difference) fields += (fields.empty() ? "" : ", ") + f;
  throw error(error_class::idempotency_key_reuse, wording.code_prefix + ".key_reuse",
              "the natural key " + wording.natural_key + " already names " +
                  wording.vendor_record + " record that differs in " + fields)
      .with_effect(effect::none);
}

}  // namespace erpc::adapters
