// SPDX-License-Identifier: Apache-2.0
#include "fo_config.hpp"

#include <erpc/adapters/connection_config.hpp>
#include <erpc/error.hpp>

#include <algorithm>
#include <cctype>
#include <vector>

namespace erpc::fo {

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

constexpr const char* map_names[] = {"accounts", "tax_codes", "currencies"};
constexpr const char* known_members[] = {"base_url", "company", "legal_entity", "vendor_group",
                                         "journal_name", "auth", "value_maps"};
constexpr const char* auth_members[] = {"tenant_id", "token_url", "client_id", "client_secret", "scope"};

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
      if (!it->is_object()) {
        problem(std::string("/value_maps/") + name, "must be an object of strings");
      } else {
        for (const auto& [code, id] : it->items()) {
          if (!id.is_string() || id.get<std::string>().empty()) {
            problem(std::string("/value_maps/") + name + "/" + code, "must be a non-empty string");
            continue;
          }
          entries.emplace(code, id.get<std::string>());
        }
      }
    }
    return value_map(name, std::move(entries), identity);
  }
  void problem(std::string pointer, std::string message) {
    errors_.push_back({std::move(pointer), "fo.config", std::move(message)});
  }
  void finish() const {
    if (errors_.empty()) return;
    std::string text = "the F&O connection configuration is invalid:";
    for (const auto& e : errors_) text += " " + e.pointer + " " + e.message + ";";
    text.pop_back();
    throw error(error_class::configuration, "fo.config", text).with_fields(errors_);
  }

 private:
  std::vector<field_error> errors_;
};

template <std::size_t N>
bool one_of(const std::string& name, const char* const (&names)[N]) {
  for (const auto* n : names) {
    if (name == n) return true;
  }
  return false;
}

}  // namespace

nlohmann::json config_schema() {
  const nlohmann::json credential = {{"type", "string"},
                                     {"pattern", "^[a-z]+:.+$"},
                                     {"description", "a secret reference (env:NAME, file:/path)"}};
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
            {"scope", {{"type", "string"}, {"description", "default {base_url}/.default"}}}}}}},
        {"value_maps", maps}}}};
}

connection_config parse_config(const nlohmann::json& config) {
  if (!config.is_object()) {
    throw error(error_class::configuration, "fo.config",
                "the F&O connection configuration must be a JSON object");
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
  c.company = r.text(config, "company", "/company", true);
  if (c.company.size() > 4 ||
      !std::all_of(c.company.begin(), c.company.end(), [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)); })) {
    r.problem("/company", "must be a dataAreaId of at most 4 letters or digits");
  }
  for (auto& ch : c.company) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  c.legal_entity = r.text(config, "legal_entity", "/legal_entity", false);
  if (auto g = r.text(config, "vendor_group", "/vendor_group", false); !g.empty()) c.vendor_group = g;
  if (auto j = r.text(config, "journal_name", "/journal_name", false); !j.empty()) c.journal_name = j;
  const auto auth = config.find("auth");
  if (auth == config.end() || !auth->is_object()) {
    r.problem("/auth", "required: {\"tenant_id\", \"client_id\", \"client_secret\"}");
  } else {
    c.client_id_ref = r.secret_ref(*auth, "client_id", "/auth/client_id");
    c.client_secret_ref = r.secret_ref(*auth, "client_secret", "/auth/client_secret");
    c.scope = r.text(*auth, "scope", "/auth/scope", false);
    if (c.scope.empty()) c.scope = c.base_url + "/.default";
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
      if (!one_of(name, auth_members)) r.problem("/auth/" + name, "is not a setting of this adapter");
    }
  }
  const nlohmann::json none = nlohmann::json::object();
  const auto m = config.find("value_maps");
  if (m != config.end() && !m->is_object()) r.problem("/value_maps", "must be an object");
  const auto& maps = m != config.end() && m->is_object() ? *m : none;
  for (const auto& [name, value] : maps.items()) {
    if (!one_of(name, map_names)) r.problem("/value_maps/" + name, "is not a value map this adapter has");
  }
  c.maps.accounts = r.map(maps, "accounts", false);
  c.maps.tax_codes = r.map(maps, "tax_codes", false);
  c.maps.currencies = r.map(maps, "currencies", true);
  for (const auto& [name, value] : config.items()) {
    if (!one_of(name, known_members)) r.problem("/" + name, "is not a setting of this adapter");
  }
  r.finish();
  return c;
}

}  // namespace erpc::fo
