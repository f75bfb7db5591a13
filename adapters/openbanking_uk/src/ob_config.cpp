// SPDX-License-Identifier: Apache-2.0
#include "ob_config.hpp"

#include <erpc/adapters/connection_config.hpp>
#include <erpc/error.hpp>

#include <vector>

namespace erpc::openbanking {

nlohmann::json config_schema() {
  return {{"type", "object"},
          {"required", {"base_url", "auth"}},
          {"properties",
           {{"base_url", {{"type", "string"}, {"pattern", "^https?://"}}},
            {"api_path", {{"type", "string"}}},
            {"token_url", {{"type", "string"}, {"pattern", "^https?://"}}},
            {"auth",
             {{"type", "object"},
              {"required", {"client_id", "client_secret"}},
              {"properties",
               {{"client_id", {{"type", "string"}}},
                {"client_secret", {{"type", "string"}}},
                {"scope", {{"type", "string"}}}}}}},
            {"local_instrument", {{"type", "string"}}},
            {"payment_context_code",
             {{"type", "string"},
              {"enum", {"BillPayment", "EcommerceGoods", "EcommerceServices", "Other",
                        "PartyToParty"}}}}}}};
}

connection_config parse_config(const nlohmann::json& config) {
  std::vector<field_error> problems;
  connection_config c;
  const auto text = [&](const nlohmann::json& obj, const char* name, const std::string& pointer,
                        std::string& out, bool required) {
    const auto it = obj.is_object() ? obj.find(name) : obj.end();
    if (it == obj.end() || it->is_null()) {
      if (required) problems.push_back({pointer, "config.required", std::string(name) + " is required"});
      return;
    }
    if (!it->is_string()) {
      problems.push_back({pointer, "config.type", std::string(name) + " must be a string"});
      return;
    }
    out = it->get<std::string>();
  };
  if (!config.is_object()) {
    throw error(error_class::configuration, "openbanking_uk.config_invalid",
                "the connection configuration must be a JSON object");
  }
  text(config, "base_url", "/base_url", c.base_url, true);
  while (!c.base_url.empty() && c.base_url.back() == '/') c.base_url.pop_back();
  if (!c.base_url.empty() && c.base_url.rfind("http://", 0) != 0 &&
      c.base_url.rfind("https://", 0) != 0) {
    problems.push_back({"/base_url", "config.url", "base_url must be an http(s) URL"});
  }
  text(config, "api_path", "/api_path", c.api_path, false);
  text(config, "token_url", "/token_url", c.token_url, false);
  if (c.token_url.empty()) c.token_url = c.base_url + "/token";
  const auto auth = config.find("auth");
  if (auth == config.end() || !auth->is_object()) {
    problems.push_back({"/auth", "config.required", "auth {client_id, client_secret} is required"});
  } else {
    text(*auth, "client_id", "/auth/client_id", c.client_id_ref, true);
    text(*auth, "client_secret", "/auth/client_secret", c.client_secret_ref, true);
    text(*auth, "scope", "/auth/scope", c.scope, false);
    for (const auto& [ref, pointer] : {std::pair{c.client_id_ref, "/auth/client_id"},
                                       std::pair{c.client_secret_ref, "/auth/client_secret"}}) {
      if (!ref.empty() && !adapters::is_secret_reference(ref)) {
        problems.push_back({pointer, "config.secret_reference",
                            "must be a secret reference (env:NAME, file:/path), not a value"});
      }
    }
  }
  text(config, "local_instrument", "/local_instrument", c.local_instrument, false);
  text(config, "payment_context_code", "/payment_context_code", c.payment_context_code, false);
  if (!problems.empty()) {
    throw error(error_class::configuration, "openbanking_uk.config_invalid",
                "the UK Open Banking connection configuration is invalid")
        .with_fields(std::move(problems));
  }
  return c;
}

}  // namespace erpc::openbanking
