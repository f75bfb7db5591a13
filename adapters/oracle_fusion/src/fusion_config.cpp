// SPDX-License-Identifier: Apache-2.0
#include "fusion_config.hpp"

#include <erpc/adapters/connection_config.hpp>
#include <erpc/error.hpp>

#include <vector>

namespace erpc::oracle_fusion {

namespace {

using erpc::adapters::is_secret_reference;
using erpc::adapters::string_map_schema;

constexpr const char* map_fields[] = {"business_units", "accounts", "tax_codes", "payment_terms",
                                      "bank_accounts"};
constexpr const char* text_fields[] = {"default_business_unit", "supplier_site",
                                       "business_relationship", "payment_method",
                                       "payment_document", "scope"};

}  // namespace

nlohmann::json config_schema() {
  const auto credential = adapters::secret_reference_schema();
  nlohmann::json maps = {{"type", "object"}, {"additionalProperties", false}};
  for (const auto* name : map_fields) maps["properties"][name] = string_map_schema();
  nlohmann::json schema = {
      {"type", "object"},
      {"required", {"base_url", "auth_method"}},
      {"additionalProperties", false},
      {"properties",
       {{"base_url", {{"type", "string"}, {"pattern", "^https?://[^/]+$"}}},
        {"auth_method", {{"enum", {"basic", "oauth2"}}}},
        {"user", credential},
        {"password", credential},
        {"token_url", {{"type", "string"}, {"pattern", "^https?://"}}},
        {"client_id", credential},
        {"client_secret", credential},
        {"value_maps", maps},
        {"read_before_create", {{"type", "boolean"}}}}}};
  for (const auto* name : text_fields) schema["properties"][name] = {{"type", "string"}};
  return schema;
}

connection_config parse_config(const nlohmann::json& config) {
  std::vector<field_error> problems;
  auto problem = [&](const std::string& pointer, const std::string& message) {
    problems.push_back({pointer, "oracle_fusion.config", message});
  };
  connection_config c;
  if (!config.is_object()) {
    throw error(error_class::configuration, "oracle_fusion.config", "the configuration is not an object")
        .with_field("", "oracle_fusion.config", "not an object");
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
    if (!v.empty() && !is_secret_reference(v)) {
      problem(std::string("/") + name, "must be a secret reference (env:NAME, file:/path), not a value");
      return {};
    }
    return v;
  };
  for (const auto& [name, value] : config.items()) {
    static const std::vector<std::string> known = {
        "base_url", "auth_method", "user", "password", "token_url", "client_id", "client_secret",
        "scope", "value_maps", "default_business_unit", "supplier_site", "business_relationship",
        "payment_method", "payment_document", "read_before_create"};
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      problem("/" + name, "unknown member");
    }
  }
  c.base_url = text("base_url", true);
  while (!c.base_url.empty() && c.base_url.back() == '/') c.base_url.pop_back();
  if (!c.base_url.empty() && c.base_url.rfind("http://", 0) != 0 && c.base_url.rfind("https://", 0) != 0) {
    problem("/base_url", "must be an http(s) URL");
  }
  const auto method = text("auth_method", true);
  if (method == "basic") {
    c.auth = auth_method::basic;
    c.user_ref = secret("user");
    c.password_ref = secret("password");
  } else if (method == "oauth2") {
    c.auth = auth_method::oauth2;
    c.client_id_ref = secret("client_id");
    c.client_secret_ref = secret("client_secret");
    c.token_url = text("token_url", false);
    if (c.token_url.empty()) c.token_url = c.base_url + "/oauth2/v1/token";
    c.scope = text("scope", false);
  } else if (!method.empty()) {
    problem("/auth_method", "basic or oauth2");
  }
  if (const auto maps = config.find("value_maps"); maps != config.end()) {
    if (!maps->is_object()) {
      problem("/value_maps", "must be an object");
    } else {
      for (const auto& [name, table] : maps->items()) {
        if (std::find(std::begin(map_fields), std::end(map_fields), name) == std::end(map_fields)) {
          problem("/value_maps/" + name, "unknown value map");
          continue;
        }
        std::map<std::string, std::string> entries;
        if (!table.is_object()) {
          problem("/value_maps/" + name, "must be an object of strings");
          continue;
        }
        for (const auto& [code, value] : table.items()) {
          if (!value.is_string() || value.get<std::string>().empty()) {
            problem("/value_maps/" + name + "/" + code, "must be a non-empty string");
            continue;
          }
          entries[code] = value.get<std::string>();
        }
        value_map m(name, std::move(entries));
        if (name == "business_units") c.maps.business_units = std::move(m);
        if (name == "accounts") c.maps.accounts = std::move(m);
        if (name == "tax_codes") c.maps.tax_codes = std::move(m);
        if (name == "payment_terms") c.maps.payment_terms = std::move(m);
        if (name == "bank_accounts") c.maps.bank_accounts = std::move(m);
      }
    }
  }
  for (auto* m : {&c.maps.business_units, &c.maps.accounts, &c.maps.tax_codes,
                  &c.maps.payment_terms, &c.maps.bank_accounts}) {
    if (m->name().empty()) *m = value_map(m == &c.maps.business_units ? "business_units"
                                          : m == &c.maps.accounts     ? "accounts"
                                          : m == &c.maps.tax_codes    ? "tax_codes"
                                          : m == &c.maps.payment_terms ? "payment_terms"
                                                                       : "bank_accounts",
                                          {});
  }
  c.default_business_unit = text("default_business_unit", false);
  c.supplier_site = text("supplier_site", false);
  if (config.contains("business_relationship")) c.business_relationship = text("business_relationship", false);
  if (config.contains("payment_method")) c.payment_method = text("payment_method", false);
  c.payment_document = text("payment_document", false);
  if (const auto r = config.find("read_before_create"); r != config.end()) {
    if (r->is_boolean()) {
      c.read_before_create = r->get<bool>();
    } else {
      problem("/read_before_create", "must be a boolean");
    }
  }
  if (!problems.empty()) {
    error e(error_class::configuration, "oracle_fusion.config",
            "the Oracle Fusion connection configuration is not valid");
    for (auto& p : problems) e.with_field(p.pointer, p.code, p.message);
    throw e;
  }
  return c;
}

}  // namespace erpc::oracle_fusion
