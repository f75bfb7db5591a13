// SPDX-License-Identifier: Apache-2.0
#include "mapping_support.hpp"

namespace erpc::sap::mapping {

const nlohmann::json& results(const nlohmann::json& record, const char* navigation) {
  static const nlohmann::json empty = nlohmann::json::array();
  if (!record.is_object()) return empty;
  const auto it = record.find(navigation);
  if (it == record.end()) return empty;
  if (it->is_array()) return *it;
  if (!it->is_object()) return empty;
  const auto r = it->find("results");
  return r != it->end() && r->is_array() ? *r : empty;
}

std::string party_ref(const nlohmann::json& party, const std::string& pointer) {
  if (!party.is_object()) fields.invalid(pointer, "sap.required", "must be a party object");
  if (const auto refs = party.find("external_refs"); refs != party.end() && refs->is_object()) {
    if (const auto id = refs->find(ref_key); id != refs->end() && id->is_string()) {
      return id->get<std::string>();
    }
  }
  return {};
}

}  // namespace erpc::sap::mapping
