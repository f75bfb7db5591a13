// SPDX-License-Identifier: Apache-2.0
#include "mapping_support.hpp"

#include <erpc/adapters/exact_json.hpp>

namespace erpc::bc::mapping {

decimal number_of(const nlohmann::json& record, const char* name) {
  if (!record.is_object()) return {};
  const auto it = record.find(name);
  if (it == record.end()) return {};
  return adapters::to_decimal(*it).value_or(decimal{});
}

std::string member(const nlohmann::json& record, const char* name) {
  if (!record.is_object()) return {};
  const auto it = record.find(name);
  return it != record.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string party_ref(const nlohmann::json& party) {
  if (!party.is_object()) return {};
  if (const auto refs = party.find("external_refs"); refs != party.end() && refs->is_object()) {
    if (const auto id = refs->find(ref_key); id != refs->end() && id->is_string()) {
      return id->get<std::string>();
    }
  }
  return {};
}

}  // namespace erpc::bc::mapping
