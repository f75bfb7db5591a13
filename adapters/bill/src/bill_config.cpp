// SPDX-License-Identifier: Apache-2.0
#include "bill_config.hpp"

#include <erpc/adapters/connection_config.hpp>
#include <erpc/error.hpp>

#include <vector>

namespace erpc::bill {

namespace {

constexpr const char* credential_fields[] = {"username", "password", "dev_key"};

}  // namespace

nlohmann::json config_schema() {
  const auto credential = adapters::secret_reference_schema();
  nlohmann::json maps = {{"type", "object"},
                         {"additionalProperties", false},
                         {"properties",
                          {{"accounts", adapters::string_map_schema()},
                           {"bank_accounts", adapters::string_map_schema()}}}};
  return {{"type", "object"},
          {"required", {"base_url", "username", "password", "dev_key", "organization_id"}},
          {"additionalProperties", false},
          {"properties",
           {{"base_url", {{"type", "string"}, {"pattern", "^https?://[^/]+$"}}},
            {"username", credential},
            {"password", credential},
            {"dev_key", credential},
            {"organization_id", {{"type", "string"}, {"minLength", 1}}},
            {"currency", {{"type", "string"}, {"pattern", "^[A-Z]{3}$"}}},
            {"legal_entity", {{"type", "string"}, {"minLength", 1}}},
            {"invoice_fields", {{"enum", {"top_level", "nested"}}}},
            {"max_concurrent_requests", {{"type", "integer"}, {"minimum", 1}, {"maximum", 3}}},
            {"funding_account_type", {{"enum", {"BANK_ACCOUNT", "CARD_ACCOUNT", "WALLET"}}}},
            {"value_maps", maps}}}};
}

connection_config parse_config(const nlohmann::json& config) {
  std::vector<field_error> problems;
  auto problem = [&](const std::string& pointer, const std::string& message) {
    problems.push_back({pointer, "bill.config", message});
  };
  if (!config.is_object()) {
    throw error(error_class::configuration, "bill.config", "the configuration is not an object")
        .with_field("", "bill.config", "not an object");
  }
  auto text = [&](const char* name, bool required) -> std::string {
    const auto it = config.find(name);
    if (it == config.end()) {
      if (required) problem(std::string("/") + name, "required");
      return {};
    }
    if (!it->is_string() || it->get<std::string>().empty()) {
      problem(std::string("/") + name, "must be a non-empty string");
      return {};
    }
    return *it;
  };
  const auto schema = config_schema();
  for (const auto& [name, value] : config.items()) {
    if (!schema["properties"].contains(name)) problem("/" + name, "not a member of the BILL configuration");
  }
  connection_config c;
  c.base_url = text("base_url", true);
  if (!c.base_url.empty()) {
    const bool scheme = c.base_url.rfind("http://", 0) == 0 || c.base_url.rfind("https://", 0) == 0;
    const auto rest = c.base_url.substr(c.base_url.find("//") + 2);
    if (!scheme || rest.empty() || rest.find('/') != std::string::npos) {
      problem("/base_url", "must be scheme://host[:port] without a path");
    }
  }
  for (const char* name : credential_fields) {
    auto ref = text(name, true);
    if (!ref.empty() && !adapters::is_secret_reference(ref)) {
      // Never echoed: it may be the secret itself.
      problem(std::string("/") + name, "must be a secret reference (env:NAME, file:/path)");
      ref.clear();
    }
    if (std::string(name) == "username") c.username_ref = ref;
    if (std::string(name) == "password") c.password_ref = ref;
    if (std::string(name) == "dev_key") c.dev_key_ref = ref;
  }
  c.organization_id = text("organization_id", true);
  if (config.contains("currency")) {
    c.currency = text("currency", false);
    if (c.currency.size() != 3) problem("/currency", "an ISO 4217 code");
  }
  if (config.contains("legal_entity")) c.legal_entity = text("legal_entity", false);
  if (config.contains("invoice_fields")) {
    const auto shape = text("invoice_fields", false);
    if (shape == "nested") {
      c.invoice_shape = invoice_fields::nested;
    } else if (shape != "top_level") {
      problem("/invoice_fields", "top_level or nested");
    }
  }
  if (const auto it = config.find("max_concurrent_requests"); it != config.end()) {
    if (!it->is_number_integer() || it->get<int>() < 1 || it->get<int>() > 3) {
      problem("/max_concurrent_requests", "an integer 1–3 (BILL allows 3 per organisation)");
    } else {
      c.max_concurrent_requests = it->get<int>();
    }
  }
  if (config.contains("funding_account_type")) {
    c.funding_account_type = text("funding_account_type", false);
    if (c.funding_account_type != "BANK_ACCOUNT" && c.funding_account_type != "CARD_ACCOUNT" &&
        c.funding_account_type != "WALLET") {
      problem("/funding_account_type", "BANK_ACCOUNT, CARD_ACCOUNT or WALLET");
    }
  }
  if (const auto maps = config.find("value_maps"); maps != config.end()) {
    if (!maps->is_object()) {
      problem("/value_maps", "must be an object");
    } else {
      for (const auto& [name, table] : maps->items()) {
        if (name != "accounts" && name != "bank_accounts") {
          problem("/value_maps/" + name, "not a value map of the BILL adapter");
          continue;
        }
        std::map<std::string, std::string> entries;
        bool ok = table.is_object();
        if (ok) {
          for (const auto& [code, value] : table.items()) {
            if (!value.is_string() || value.get<std::string>().empty()) {
              problem("/value_maps/" + name + "/" + code, "must be a non-empty string");
              ok = false;
            } else {
              entries.emplace(code, value.get<std::string>());
            }
          }
        } else {
          problem("/value_maps/" + name, "must be an object");
        }
        if (!ok) continue;
        (name == "accounts" ? c.accounts : c.bank_accounts) = value_map(name, std::move(entries));
      }
    }
  }
  if (!problems.empty()) {
    throw error(error_class::configuration, "bill.config",
                "the BILL connection configuration is not valid (" + problems.front().pointer +
                    ": " + problems.front().message + ")")
        .with_fields(std::move(problems));
  }
  return c;
}

}  // namespace erpc::bill
