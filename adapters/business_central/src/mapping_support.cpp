// SPDX-License-Identifier: Apache-2.0
#include "mapping_support.hpp"


namespace erpc::bc::mapping {

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
