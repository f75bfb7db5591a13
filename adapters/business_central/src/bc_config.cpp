// SPDX-License-Identifier: Apache-2.0
#include "bc_config.hpp"

#include <cctype>

namespace erpc::bc {

namespace {

constexpr const char* map_names[] = {"accounts", "tax_codes", "currencies", "payment_terms"};

bool is_guid(const std::string& s) {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash != (s[i] == '-')) return false;
    if (!dash && !std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

}  // namespace

nlohmann::json config_schema() {
  nlohmann::json maps = {{"type", "object"}, {"additionalProperties", false}};
  for (const auto* name : map_names) maps["properties"][name] = adapters::string_map_schema();
  return {
      {"type", "object"},
      {"required", {"base_url", "environment", "company_id", "auth"}},
      {"additionalProperties", false},
      {"properties",
       {{"base_url",
         {{"type", "string"},
          {"pattern", "^https?://[^/?#]+$"},
          {"description", "https://api.businesscentral.dynamics.com (vendors.md §4.1)"}}},
        {"environment", {{"type", "string"}, {"minLength", 1}}},
        {"company_id", {{"type", "string"}, {"pattern", "^[0-9a-fA-F-]{36}$"}}},
        {"legal_entity", {{"type", "string"}, {"minLength", 1}}},
        {"local_currency", {{"type", "string"}, {"pattern", "^[A-Z]{3}$"}}},
        {"auth", adapters::entra_auth_schema({{"type", "string"}})},
        {"value_maps", maps}}}};
}

connection_config parse_config(const nlohmann::json& config) {
  adapters::config_reader r("bc.config", "the Business Central connection configuration");
  r.require_object(config);
  connection_config c;
  c.base_url = r.base_url(config);
  c.environment = r.text(config, "environment", "/environment", true);
  if (c.environment.find_first_of("/?#% ") != std::string::npos) {
    r.problem("/environment", "must be an environment name");
  }
  c.company_id = r.text(config, "company_id", "/company_id", true);
  if (!c.company_id.empty() && !is_guid(c.company_id)) r.problem("/company_id", "must be a GUID");
  c.legal_entity = r.text(config, "legal_entity", "/legal_entity", false);
  c.local_currency = r.text(config, "local_currency", "/local_currency", false);
  auto auth = adapters::read_entra_auth(r, config, c.base_url);
  c.token_url = std::move(auth.token_url);
  c.client_id_ref = std::move(auth.client_id_ref);
  c.client_secret_ref = std::move(auth.client_secret_ref);
  if (!auth.scope.empty()) c.scope = std::move(auth.scope);
  const auto& maps = r.value_maps(config, {"accounts", "tax_codes", "currencies", "payment_terms"});
  c.maps.accounts = r.map(maps, "accounts", false);
  c.maps.tax_codes = r.map(maps, "tax_codes", false);
  c.maps.currencies = r.map(maps, "currencies", true);
  c.maps.payment_terms = r.map(maps, "payment_terms", false);
  r.refuse_unknown(config, "", {"base_url", "environment", "company_id", "legal_entity",
                                "local_currency", "auth", "value_maps"});
  r.finish();
  return c;
}

}  // namespace erpc::bc
