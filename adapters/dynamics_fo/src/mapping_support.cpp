// SPDX-License-Identifier: Apache-2.0
#include "mapping_support.hpp"

#include <erpc/adapters/exact_json.hpp>
#include <erpc/currency.hpp>

namespace erpc::fo::mapping {

std::string date_text(const nlohmann::json& obj, const char* name, const std::string& pointer,
                      bool required) {
  const auto value = required ? std::optional(fields.required_text(obj, name, pointer)) : fields.text(obj, name, pointer);
  if (!value) return {};
  const auto& s = *value;
  bool ok = s.size() == 10 && s[4] == '-' && s[7] == '-';
  for (std::size_t i = 0; ok && i < s.size(); ++i) {
    if (i != 4 && i != 7) ok = s[i] >= '0' && s[i] <= '9';
  }
  if (!ok) fields.invalid(pointer, "fo.date", "must be a date YYYY-MM-DD");
  return s;
}

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
