// SPDX-License-Identifier: Apache-2.0
#include "bc_config.hpp"

#include <erpc/adapters/connection_config.hpp>
#include <erpc/error.hpp>

#include <vector>

namespace erpc::bc {

value_map::value_map(std::string name, std::map<std::string, std::string> to_vendor, bool identity)
    : name_(std::move(name)), to_vendor_(std::move(to_vendor)), identity_(identity) {
  for (const auto& [code, id] : to_vendor_) to_code_.emplace(id, code);
}

std::optional<std::string> value_map::vendor_code(const std::string& code) const {
  if (const auto it = to_vendor_.find(code); it != to_vendor_.end()) return it->second;
  if (identity_) return code;
  return std::nullopt;
}

std::optional<std::string> value_map::code(const std::string& vendor_code) const {
  if (const auto it = to_code_.find(vendor_code); it != to_code_.end()) return it->second;
  if (identity_) return vendor_code;
  return std::nullopt;
}

namespace {

constexpr const char* map_names[] = {"accounts", "tax_codes", "currencies", "payment_terms"};
constexpr const char* known_members[] = {"base_url", "environment", "company_id", "legal_entity",
                                         "local_currency", "auth", "value_maps"};

bool is_guid(const std::string& s) {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash != (s[i] == '-')) return false;
    if (!dash && !std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

class reader {
 public:
  std::string text(const nlohmann::json& obj, const char* name, const std::string& pointer,
                   bool required) {
    const auto it = obj.find(name);
    if (it == obj.end() || it->is_null()) {
      if (required) problem(pointer, "required");
      return {};
    }
    if (!it->is_string() || it->get<std::string>().empty()) {
      problem(pointer, "must be a non-empty string");
      return {};
    }
    return it->get<std::string>();
  }
  std::string secret_ref(const nlohmann::json& obj, const char* name, const std::string& pointer) {
    auto value = text(obj, name, pointer, true);
    if (!value.empty() && !adapters::is_secret_reference(value)) {
      problem(pointer, "must be a secret reference such as env:NAME or file:/path");
      return {};
    }
    return value;
  }
  value_map map(const nlohmann::json& maps, const char* name, bool identity) {
    std::map<std::string, std::string> entries;
    if (const auto it = maps.find(name); it != maps.end()) {
      static const nlohmann::json no_entries = nlohmann::json::object();
      if (!it->is_object()) problem(std::string("/value_maps/") + name, "must be an object of strings");
      for (const auto& [code, id] : (it->is_object() ? *it : no_entries).items()) {
        if (!id.is_string() || id.get<std::string>().empty()) {
          problem(std::string("/value_maps/") + name + "/" + code, "must be a non-empty string");
          continue;
        }
        entries.emplace(code, id.get<std::string>());
      }
    }
    return value_map(name, std::move(entries), identity);
  }
  void problem(std::string pointer, std::string message) {
    errors_.push_back({std::move(pointer), "bc.config", std::move(message)});
  }
  void finish() const {
    if (errors_.empty()) return;
    std::string text = "the Business Central connection configuration is invalid:";
    for (const auto& e : errors_) text += " " + e.pointer + " " + e.message + ";";
    text.pop_back();
    throw error(error_class::configuration, "bc.config", text).with_fields(errors_);
  }

 private:
  std::vector<field_error> errors_;
};

}  // namespace

nlohmann::json config_schema() {
  const nlohmann::json credential = {{"type", "string"},
                                     {"pattern", "^[a-z]+:.+$"},
                                     {"description", "a secret reference (env:NAME, file:/path)"}};
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
        {"auth",
         {{"type", "object"},
          {"required", {"client_id", "client_secret"}},
          {"additionalProperties", false},
          {"properties",
           {{"tenant_id", {{"type", "string"}, {"minLength", 1}}},
            {"token_url",
             {{"type", "string"},
              {"description", "absolute, or a path taken relative to base_url; default "
                              "https://login.microsoftonline.com/{tenant_id}/oauth2/v2.0/token"}}},
            {"client_id", credential},
            {"client_secret", credential},
            {"scope", {{"type", "string"}}}}}}},
        {"value_maps", maps}}}};
}

connection_config parse_config(const nlohmann::json& config) {
  if (!config.is_object()) {
    throw error(error_class::configuration, "bc.config",
                "the Business Central connection configuration must be a JSON object");
  }
  reader r;
  connection_config c;
  c.base_url = r.text(config, "base_url", "/base_url", true);
  while (!c.base_url.empty() && c.base_url.back() == '/') c.base_url.pop_back();
  const bool scheme = c.base_url.rfind("http://", 0) == 0 || c.base_url.rfind("https://", 0) == 0;
  if (!c.base_url.empty() &&
      (!scheme || c.base_url.substr(c.base_url.find("//") + 2).find_first_of("/?# ") != std::string::npos)) {
    r.problem("/base_url", "must be http(s)://host[:port] without a path");
  }
  c.environment = r.text(config, "environment", "/environment", true);
  if (c.environment.find_first_of("/?#% ") != std::string::npos) {
    r.problem("/environment", "must be an environment name");
  }
  c.company_id = r.text(config, "company_id", "/company_id", true);
  if (!c.company_id.empty() && !is_guid(c.company_id)) r.problem("/company_id", "must be a GUID");
  c.legal_entity = r.text(config, "legal_entity", "/legal_entity", false);
  c.local_currency = r.text(config, "local_currency", "/local_currency", false);
  const auto auth = config.find("auth");
  if (auth == config.end() || !auth->is_object()) {
    r.problem("/auth", "required: {\"tenant_id\", \"client_id\", \"client_secret\"}");
  } else {
    c.client_id_ref = r.secret_ref(*auth, "client_id", "/auth/client_id");
    c.client_secret_ref = r.secret_ref(*auth, "client_secret", "/auth/client_secret");
    if (auto scope = r.text(*auth, "scope", "/auth/scope", false); !scope.empty()) c.scope = scope;
    const auto tenant = r.text(*auth, "tenant_id", "/auth/tenant_id", false);
    const auto token_url = r.text(*auth, "token_url", "/auth/token_url", false);
    if (!token_url.empty() && token_url.front() == '/') {
      c.token_url = c.base_url + token_url;
    } else if (!token_url.empty()) {
      if (token_url.rfind("http://", 0) != 0 && token_url.rfind("https://", 0) != 0) {
        r.problem("/auth/token_url", "must be an http(s) URL or a path");
      }
      c.token_url = token_url;
    } else if (!tenant.empty()) {
      c.token_url = "https://login.microsoftonline.com/" + tenant + "/oauth2/v2.0/token";
    } else {
      r.problem("/auth/tenant_id", "required when auth.token_url is not given");
    }
    for (const auto& [name, value] : auth->items()) {
      if (name != "tenant_id" && name != "token_url" && name != "client_id" &&
          name != "client_secret" && name != "scope") {
        r.problem("/auth/" + name, "is not a setting of this adapter");
      }
    }
  }
  const nlohmann::json none = nlohmann::json::object();
  const auto m = config.find("value_maps");
  if (m != config.end() && !m->is_object()) r.problem("/value_maps", "must be an object");
  const auto& maps = m != config.end() && m->is_object() ? *m : none;
  for (const auto& [name, value] : maps.items()) {
    bool known = false;
    for (const auto* n : map_names) known = known || name == n;
    if (!known) r.problem("/value_maps/" + name, "is not a value map this adapter has");
  }
  c.maps.accounts = r.map(maps, "accounts", false);
  c.maps.tax_codes = r.map(maps, "tax_codes", false);
  c.maps.currencies = r.map(maps, "currencies", true);
  c.maps.payment_terms = r.map(maps, "payment_terms", false);
  for (const auto& [name, value] : config.items()) {
    bool ok = false;
    for (const auto* k : known_members) ok = ok || name == k;
    if (!ok) r.problem("/" + name, "is not a setting of this adapter");
  }
  r.finish();
  return c;
}

}  // namespace erpc::bc
