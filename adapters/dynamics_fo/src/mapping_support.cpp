// SPDX-License-Identifier: Apache-2.0
#include "mapping_support.hpp"

#include <erpc/currency.hpp>

namespace erpc::fo::mapping {

void check_legal_entity(const nlohmann::json& payload, const connection_config& config) {
  if (auto le = fields.text(payload, "legal_entity", "/legal_entity")) {
    if (!config.legal_entity.empty() && *le != config.legal_entity) {
      fields.invalid("/legal_entity", "fo.legal_entity",
              "this connection writes to legal entity " + config.legal_entity + " (dataAreaId " +
                  config.company + ")");
    }
  }
}

std::string differing(const nlohmann::json& want, const nlohmann::json& have) {
  std::string out;
  for (const auto& [name, value] : want.items()) {
    if (have.value(name, nlohmann::json()) != value) out += (out.empty() ? "" : ", ") + name;
  }
  return out;
}

nlohmann::json created_document(nlohmann::json payload, const std::string& vendor_id) {
  payload["id"] = vendor_id;
  payload["external_refs"][ref_key] = vendor_id;
  return payload;
}

}  // namespace erpc::fo::mapping
