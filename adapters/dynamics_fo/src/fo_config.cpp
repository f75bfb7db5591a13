// SPDX-License-Identifier: Apache-2.0
#include "fo_config.hpp"

#include <algorithm>
#include <cctype>

namespace erpc::fo {

namespace {

constexpr const char* map_names[] = {"accounts", "tax_codes", "currencies"};

}  // namespace

nlohmann::json config_schema() {
  nlohmann::json maps = {{"type", "object"}, {"additionalProperties", false}};
  for (const auto* name : map_names) maps["properties"][name] = adapters::string_map_schema();
  return {
      {"type", "object"},
      {"required", {"base_url", "company", "auth"}},
      {"additionalProperties", false},
      {"properties",
       {{"base_url",
         {{"type", "string"},
          {"pattern", "^https?://[^/?#]+$"},
          {"description", "https://<env>.operations.dynamics.com (vendors.md §5.1)"}}},
        {"company", {{"type", "string"}, {"pattern", "^[A-Za-z0-9]{1,4}$"},
                     {"description", "the legal entity (dataAreaId), e.g. usmf"}}},
        {"legal_entity", {{"type", "string"}, {"minLength", 1}}},
        {"vendor_group", {{"type", "string"}, {"minLength", 1}, {"maxLength", 10}}},
        {"journal_name", {{"type", "string"}, {"minLength", 1}, {"maxLength", 10}}},
        {"auth", adapters::entra_auth_schema(
                     {{"type", "string"}, {"description", "default {base_url}/.default"}})},
        {"value_maps", maps}}}};
}

connection_config parse_config(const nlohmann::json& config) {
  adapters::config_reader r("fo.config", "the F&O connection configuration");
  r.require_object(config);
  connection_config c;
  c.base_url = r.base_url(config);
  c.company = r.text(config, "company", "/company", true);
  if (c.company.size() > 4 ||
      !std::all_of(c.company.begin(), c.company.end(), [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)); })) {
    r.problem("/company", "must be a dataAreaId of at most 4 letters or digits");
  }
  for (auto& ch : c.company) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  c.legal_entity = r.text(config, "legal_entity", "/legal_entity", false);
  if (auto g = r.text(config, "vendor_group", "/vendor_group", false); !g.empty()) c.vendor_group = g;
  if (auto j = r.text(config, "journal_name", "/journal_name", false); !j.empty()) c.journal_name = j;
  auto auth = adapters::read_entra_auth(r, config, c.base_url);
  c.token_url = std::move(auth.token_url);
  c.client_id_ref = std::move(auth.client_id_ref);
  c.client_secret_ref = std::move(auth.client_secret_ref);
  c.scope = std::move(auth.scope);
  if (c.scope.empty()) c.scope = c.base_url + "/.default";  // vendors.md §5.2
  const auto& maps = r.value_maps(config, {"accounts", "tax_codes", "currencies"});
  c.maps.accounts = r.map(maps, "accounts", false);
  c.maps.tax_codes = r.map(maps, "tax_codes", false);
  c.maps.currencies = r.map(maps, "currencies", true);
  r.refuse_unknown(config, "", {"base_url", "company", "legal_entity", "vendor_group",
                                "journal_name", "auth", "value_maps"});
  r.finish();
  return c;
}

}  // namespace erpc::fo
