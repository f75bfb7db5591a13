// SPDX-License-Identifier: Apache-2.0
#include "netsuite_config.hpp"

#include <erpc/adapters/connection_config.hpp>

#include <cctype>
#include <vector>

namespace erpc::netsuite {

value_map::value_map(std::string name, std::map<std::string, std::string> to_vendor)
    : name_(std::move(name)), to_vendor_(std::move(to_vendor)) {
  for (const auto& [code, id] : to_vendor_) to_code_.emplace(id, code);
}

const std::string* value_map::find_vendor_id(const std::string& code) const {
  const auto it = to_vendor_.find(code);
  return it == to_vendor_.end() ? nullptr : &it->second;
}

std::optional<std::string> value_map::code(const std::string& vendor_id) const {
  const auto it = to_code_.find(vendor_id);
  if (it == to_code_.end()) return std::nullopt;
  return it->second;
}

namespace {

constexpr const char* credential_fields[] = {"consumer_key", "consumer_secret", "token_id",
                                             "token_secret"};
constexpr const char* map_fields[] = {"subsidiaries", "currencies", "accounts", "tax_codes",
                                      "payment_terms"};

using erpc::adapters::is_secret_reference;
using erpc::adapters::string_map_schema;

// Sandbox realm 1234567_SB1 is host 1234567-sb1 (vendors.md §1.1).
std::string default_base_url(const std::string& account_id) {
  std::string host;
  for (const char c : account_id) {
    host.push_back(c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return "https://" + host + ".suitetalk.api.netsuite.com";
}

}  // namespace

nlohmann::json config_schema() {
  nlohmann::json credential = {{"type", "string"},
                               {"pattern", "^[a-z]+:.+$"},
                               {"description", "a secret reference (env:NAME, file:/path)"}};
  nlohmann::json maps = {{"type", "object"}, {"additionalProperties", false}};
  for (const auto* name : map_fields) maps["properties"][name] = string_map_schema();
  return {{"type", "object"},
          {"required", {"account_id", "consumer_key", "consumer_secret", "token_id",
                        "token_secret"}},
          {"additionalProperties", false},
          {"properties",
           {{"account_id", {{"type", "string"}, {"pattern", "^[A-Za-z0-9_]{1,32}$"}}},
            {"base_url", {{"type", "string"}, {"pattern", "^https?://[^/?#]+$"}}},
            {"consumer_key", credential},
            {"consumer_secret", credential},
            {"token_id", credential},
            {"token_secret", credential},
            {"value_maps", maps},
            {"functional_currencies", string_map_schema()},
            {"write_mode", {{"enum", {"sync", "async"}}}},
            {"async_poll_attempts", {{"type", "integer"}, {"minimum", 1}, {"maximum", 60}}},
            {"read_before_create", {{"type", "boolean"}}}}}};
}

connection_config parse_config(const nlohmann::json& config) {
  std::vector<field_error> problems;
  auto problem = [&](std::string pointer, std::string message) {
    problems.push_back({std::move(pointer), "netsuite.config", std::move(message)});
  };
  connection_config out;
  if (!config.is_object()) {
    throw error(error_class::configuration, "netsuite.config",
                "the connection configuration must be a JSON object");
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
    return it->get<std::string>();
  };

  out.account_id = text("account_id", true);
  for (const char c : out.account_id) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') {
      problem("/account_id", "letters, digits and '_' only (e.g. 1234567_SB1)");
      break;
    }
  }
  out.base_url = text("base_url", false);
  if (out.base_url.empty() && !out.account_id.empty()) {
    out.base_url = default_base_url(out.account_id);
  } else if (!out.base_url.empty()) {
    while (!out.base_url.empty() && out.base_url.back() == '/') out.base_url.pop_back();
    const bool http = out.base_url.rfind("http://", 0) == 0 || out.base_url.rfind("https://", 0) == 0;
    if (!http || out.base_url.find('/', out.base_url.find("//") + 2) != std::string::npos) {
      problem("/base_url", "must be scheme://host[:port] without a path");
    }
  }

  std::string* refs[] = {&out.consumer_key_ref, &out.consumer_secret_ref, &out.token_id_ref,
                         &out.token_secret_ref};
  for (std::size_t i = 0; i < 4; ++i) {
    *refs[i] = text(credential_fields[i], true);
    if (!refs[i]->empty() && !is_secret_reference(*refs[i])) {
      problem(std::string("/") + credential_fields[i],
              "must be a secret reference such as env:NAME (the value is not shown)");
      refs[i]->clear();
    }
  }

  auto read_map = [&](const nlohmann::json& parent, const char* name,
                      const std::string& pointer) {
    std::map<std::string, std::string> out_map;
    const auto it = parent.find(name);
    if (it == parent.end()) return out_map;
    if (!it->is_object()) {
      problem(pointer, "must be an object of strings");
      return out_map;
    }
    for (const auto& [k, v] : it->items()) {
      if (!v.is_string() || v.get<std::string>().empty()) {
        problem(pointer + "/" + k, "must be a non-empty string");
        continue;
      }
      out_map.emplace(k, v.get<std::string>());
    }
    return out_map;
  };
  if (const auto it = config.find("value_maps"); it != config.end()) {
    if (!it->is_object()) {
      problem("/value_maps", "must be an object");
    } else {
      for (const auto& [k, v] : it->items()) {
        (void)v;
        bool known = false;
        for (const auto* name : map_fields) known = known || k == name;
        if (!known) problem("/value_maps/" + k, "unknown value map");
      }
      value_map* targets[] = {&out.maps.subsidiaries, &out.maps.currencies, &out.maps.accounts,
                              &out.maps.tax_codes, &out.maps.payment_terms};
      for (std::size_t i = 0; i < 5; ++i) {
        *targets[i] = value_map(map_fields[i],
                                read_map(*it, map_fields[i],
                                         std::string("/value_maps/") + map_fields[i]));
      }
    }
  }
  out.maps.functional_currencies = read_map(config, "functional_currencies",
                                            "/functional_currencies");
  if (const auto it = config.find("write_mode"); it != config.end()) {
    if (*it == "async") {
      out.mode = write_mode::async;
    } else if (*it != "sync") {
      problem("/write_mode", "sync or async");
    }
  }
  if (const auto it = config.find("async_poll_attempts"); it != config.end()) {
    if (!it->is_number_integer() || it->get<int>() < 1 || it->get<int>() > 60) {
      problem("/async_poll_attempts", "an integer 1..60");
    } else {
      out.async_poll_attempts = it->get<int>();
    }
  }
  if (const auto it = config.find("read_before_create"); it != config.end()) {
    if (!it->is_boolean()) {
      problem("/read_before_create", "true or false");
    } else {
      out.read_before_create = it->get<bool>();
    }
  }
  static const char* known[] = {"read_before_create", "account_id", "base_url", "consumer_key", "consumer_secret",
                                "token_id", "token_secret", "value_maps",
                                "functional_currencies", "write_mode", "async_poll_attempts"};
  for (const auto& [k, v] : config.items()) {
    (void)v;
    bool ok = false;
    for (const auto* name : known) ok = ok || k == name;
    if (!ok) problem("/" + k, "unknown setting");
  }
  if (!problems.empty()) {
    throw error(error_class::configuration, "netsuite.config",
                "the NetSuite connection configuration is invalid (" +
                    std::to_string(problems.size()) + " problem(s); see field_errors)")
        .with_fields(std::move(problems));
  }
  return out;
}

}  // namespace erpc::netsuite
