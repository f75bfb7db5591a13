// SPDX-License-Identifier: Apache-2.0
#include "coupa_config.hpp"

#include <erpc/adapters/connection_config.hpp>
#include <erpc/error.hpp>

#include <algorithm>
#include <vector>

namespace erpc::coupa {

nlohmann::json config_schema() {
  const nlohmann::json credential = {{"type", "string"},
                                     {"pattern", "^[a-z]+:.+$"},
                                     {"description", "a secret reference (env:NAME, file:/path)"}};
  return {{"type", "object"},
          {"required", {"base_url", "client_id", "client_secret"}},
          {"additionalProperties", false},
          {"properties",
           {{"base_url", {{"type", "string"}, {"pattern", "^https?://[^/]+$"}}},
            {"token_url", {{"type", "string"}, {"pattern", "^https?://"}}},
            {"client_id", credential},
            {"client_secret", credential},
            {"scope", {{"type", "string"}}},
            {"invoice_create", {{"type", "boolean"}}},
            {"export_route", {{"enum", {"put_field", "export_action"}}}},
            {"value_maps",
             {{"type", "object"},
              {"additionalProperties", false},
              {"properties", {{"accounts", adapters::string_map_schema()}}}}},
            {"read_before_create", {{"type", "boolean"}}}}}};
}

connection_config parse_config(const nlohmann::json& config) {
  if (!config.is_object()) {
    throw error(error_class::configuration, "coupa.config", "the configuration is not an object")
        .with_field("", "coupa.config", "not an object");
  }
  std::vector<field_error> problems;
  auto problem = [&](const std::string& pointer, const std::string& message) {
    problems.push_back({pointer, "coupa.config", message});
  };
  static const std::vector<std::string> known = {"base_url", "token_url", "client_id", "client_secret", "scope",
                                                 "invoice_create", "export_route", "value_maps",
                                                 "read_before_create"};
  for (const auto& [name, value] : config.items()) {
    if (std::find(known.begin(), known.end(), name) == known.end()) problem("/" + name, "unknown member");
  }
  auto text = [&](const char* name, bool required) -> std::string {
    const auto it = config.find(name);
    if (it == config.end()) {
      if (required) problem(std::string("/") + name, "required");
      return {};
    }
    if (!it->is_string()) {
      problem(std::string("/") + name, "must be a string");
      return {};
    }
    return it->get<std::string>();
  };
  auto secret = [&](const char* name) -> std::string {
    auto v = text(name, true);
    if (!v.empty() && !adapters::is_secret_reference(v)) {
      problem(std::string("/") + name, "must be a secret reference (env:NAME, file:/path), not a value");
      return {};
    }
    return v;
  };
  auto flag = [&](const char* name, bool& out) {
    if (const auto it = config.find(name); it != config.end()) {
      if (it->is_boolean()) out = it->get<bool>();
      else problem(std::string("/") + name, "must be a boolean");
    }
  };
  connection_config c;
  c.base_url = text("base_url", true);
  while (!c.base_url.empty() && c.base_url.back() == '/') c.base_url.pop_back();
  if (!c.base_url.empty() && c.base_url.rfind("http://", 0) != 0 && c.base_url.rfind("https://", 0) != 0) {
    problem("/base_url", "must be an http(s) URL");
  }
  c.client_id_ref = secret("client_id");
  c.client_secret_ref = secret("client_secret");
  c.token_url = text("token_url", false);
  if (c.token_url.empty()) c.token_url = c.base_url + "/oauth2/token";
  if (config.contains("scope")) c.scope = text("scope", false);
  flag("invoice_create", c.invoice_create);
  flag("read_before_create", c.read_before_create);
  if (config.contains("export_route")) {
    const auto route = text("export_route", false);
    if (route == "put_field") c.exported_by = export_route::put_field;
    else if (route == "export_action") c.exported_by = export_route::export_action;
    else problem("/export_route", "put_field or export_action");
  }
  if (const auto maps = config.find("value_maps"); maps != config.end()) {
    if (!maps->is_object()) {
      problem("/value_maps", "must be an object");
    } else {
      for (const auto& [name, table] : maps->items()) {
        if (name != "accounts") {
          problem("/value_maps/" + name, "unknown value map");
          continue;
        }
        if (!table.is_object()) {
          problem("/value_maps/accounts", "must be an object of strings");
          continue;
        }
        for (const auto& [code, value] : table.items()) {
          if (!value.is_string() || value.get<std::string>().empty()) {
            problem("/value_maps/accounts/" + code, "must be a non-empty string");
            continue;
          }
          c.accounts[code] = value.get<std::string>();
        }
      }
    }
  }
  if (!problems.empty()) {
    error e(error_class::configuration, "coupa.config", "the Coupa connection configuration is not valid");
    for (auto& p : problems) e.with_field(p.pointer, p.code, p.message);
    throw e;
  }
  return c;
}

}  // namespace erpc::coupa
