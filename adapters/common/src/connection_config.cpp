// SPDX-License-Identifier: Apache-2.0
#include <erpc/adapters/connection_config.hpp>

#include <algorithm>

namespace erpc::adapters {

nlohmann::json secret_reference_schema() {
  return {{"type", "string"},
          {"pattern", "^[a-z]+:.+$"},
          {"description", "a secret reference (env:NAME, file:/path)"}};
}

value_map::value_map(std::string name, std::map<std::string, std::string> to_vendor, bool identity)
    : name_(std::move(name)), to_vendor_(std::move(to_vendor)), identity_(identity) {
  for (const auto& [code, value] : to_vendor_) to_code_.emplace(value, code);
}

std::optional<std::string> value_map::vendor_value(const std::string& code) const {
  if (const auto it = to_vendor_.find(code); it != to_vendor_.end()) return it->second;
  if (identity_) return code;
  return std::nullopt;
}

std::optional<std::string> value_map::code(const std::string& vendor_value) const {
  if (const auto it = to_code_.find(vendor_value); it != to_code_.end()) return it->second;
  if (identity_) return vendor_value;
  return std::nullopt;
}

config_reader::config_reader(std::string code, std::string subject)
    : code_(std::move(code)), subject_(std::move(subject)) {}

void config_reader::require_object(const nlohmann::json& config) const {
  if (!config.is_object()) {
    throw error(error_class::configuration, code_, subject_ + " must be a JSON object");
  }
}

std::string config_reader::text(const nlohmann::json& obj, const char* name,
                                const std::string& pointer, bool required) {
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

std::string config_reader::secret_ref(const nlohmann::json& obj, const char* name,
                                      const std::string& pointer) {
  auto value = text(obj, name, pointer, true);
  if (!value.empty() && !is_secret_reference(value)) {
    // Never echo the value: it may be the credential itself.
    problem(pointer, "must be a secret reference such as env:NAME or file:/path");
    return {};
  }
  return value;
}

bool config_reader::boolean(const nlohmann::json& obj, const char* name, const std::string& pointer,
                            bool fallback) {
  const auto it = obj.find(name);
  if (it == obj.end()) return fallback;
  if (!it->is_boolean()) {
    problem(pointer, "must be true or false");
    return fallback;
  }
  return it->get<bool>();
}

std::string config_reader::base_url(const nlohmann::json& config) {
  auto url = text(config, "base_url", "/base_url", true);
  while (!url.empty() && url.back() == '/') url.pop_back();
  const bool scheme = url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0;
  // With the trailing slashes gone, a URL with a scheme always has a host after "//".
  if (!url.empty() &&
      (!scheme || url.substr(url.find("//") + 2).find_first_of("/?# ") != std::string::npos)) {
    problem("/base_url", "must be http(s)://host[:port] without a path");
  }
  return url;
}

const nlohmann::json& config_reader::value_maps(const nlohmann::json& config,
                                                std::initializer_list<std::string_view> names) {
  const auto m = config.find("value_maps");
  if (m != config.end() && !m->is_object()) problem("/value_maps", "must be an object");
  const auto& maps = m != config.end() && m->is_object() ? *m : no_maps_;
  for (const auto& [name, value] : maps.items()) {
    if (std::find(names.begin(), names.end(), name) == names.end()) {
      problem("/value_maps/" + name, "is not a value map this adapter has");
    }
  }
  return maps;
}

value_map config_reader::map(const nlohmann::json& maps, const char* name, bool identity) {
  std::map<std::string, std::string> entries;
  if (const auto it = maps.find(name); it != maps.end()) {
    if (!it->is_object()) {
      problem(std::string("/value_maps/") + name, "must be an object of strings");
    } else {
      for (const auto& [code, value] : it->items()) {
        if (!value.is_string() || value.get<std::string>().empty()) {
          problem(std::string("/value_maps/") + name + "/" + code, "must be a non-empty string");
          continue;
        }
        entries.emplace(code, value.get<std::string>());
      }
    }
  }
  return value_map(name, std::move(entries), identity);
}

void config_reader::refuse_unknown(const nlohmann::json& obj, const std::string& prefix,
                                   std::initializer_list<std::string_view> known) {
  for (const auto& [name, value] : obj.items()) {
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      problem(prefix + "/" + name, "is not a setting of this adapter");
    }
  }
}

void config_reader::problem(std::string pointer, std::string message) {
  errors_.push_back({std::move(pointer), code_, std::move(message)});
}

void config_reader::finish() const {
  if (errors_.empty()) return;
  std::string text = subject_ + " is invalid:";
  for (const auto& e : errors_) text += " " + e.pointer + " " + e.message + ";";
  text.pop_back();
  throw error(error_class::configuration, code_, text).with_fields(errors_);
}

entra_client_credentials read_entra_auth(config_reader& r, const nlohmann::json& config,
                                         const std::string& base_url) {
  entra_client_credentials c;
  const auto auth = config.find("auth");
  if (auth == config.end() || !auth->is_object()) {
    r.problem("/auth", "required: {\"tenant_id\", \"client_id\", \"client_secret\"}");
    return c;
  }
  c.client_id_ref = r.secret_ref(*auth, "client_id", "/auth/client_id");
  c.client_secret_ref = r.secret_ref(*auth, "client_secret", "/auth/client_secret");
  c.scope = r.text(*auth, "scope", "/auth/scope", false);
  const auto tenant = r.text(*auth, "tenant_id", "/auth/tenant_id", false);
  const auto token_url = r.text(*auth, "token_url", "/auth/token_url", false);
  if (!token_url.empty() && token_url.front() == '/') {
    c.token_url = base_url + token_url;  // the simulators serve the token endpoint themselves
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
  r.refuse_unknown(*auth, "/auth", {"tenant_id", "token_url", "client_id", "client_secret", "scope"});
  return c;
}

nlohmann::json entra_auth_schema(nlohmann::json scope) {
  return {{"type", "object"},
          {"required", {"client_id", "client_secret"}},
          {"additionalProperties", false},
          {"properties",
           {{"tenant_id", {{"type", "string"}, {"minLength", 1}}},
            {"token_url",
             {{"type", "string"},
              {"description", "absolute, or a path taken relative to base_url; default "
                              "https://login.microsoftonline.com/{tenant_id}/oauth2/v2.0/token"}}},
            {"client_id", secret_reference_schema()},
            {"client_secret", secret_reference_schema()},
            {"scope", std::move(scope)}}}};
}

}  // namespace erpc::adapters
