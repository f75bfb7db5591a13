// SPDX-License-Identifier: Apache-2.0
// Pieces every adapter's connection configuration check uses the same way: secret references,
// value maps (canonical code ↔ vendor code), the field-by-field reader the OData adapters
// (SAP S/4HANA, Business Central, F&O) check their configuration with, and the Microsoft Entra
// client-credentials block Business Central and F&O share (vendors.md §4.2, §5.2).
#pragma once

#include <erpc/error.hpp>

#include <nlohmann/json.hpp>

#include <cctype>
#include <cstddef>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace erpc::adapters {

// A secret reference as the host resolves it — "env:NAME", "file:/path", "vault:…": a scheme
// of lowercase letters, a colon, something. A credential given as anything else is refused
// (and never echoed), so a pasted secret value cannot sit in a configuration file.
inline bool is_secret_reference(const std::string& text) {
  const auto colon = text.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) return false;
  for (std::size_t i = 0; i < colon; ++i) {
    if (!std::islower(static_cast<unsigned char>(text[i]))) return false;
  }
  return true;
}

// The JSON Schema of a value map: canonical code → vendor code, both non-empty strings.
inline nlohmann::json string_map_schema() {
  return {{"type", "object"}, {"additionalProperties", {{"type", "string"}, {"minLength", 1}}}};
}

// The JSON Schema of a credential member: a secret reference, never a value.
nlohmann::json secret_reference_schema();

// A canonical code → vendor code table of one connection and its reverse for reads. An identity
// map (currencies in the OData adapters) answers an unmapped value unchanged both ways.
class value_map {
 public:
  value_map() = default;
  value_map(std::string name, std::map<std::string, std::string> to_vendor, bool identity = false);

  const std::string& name() const noexcept { return name_; }
  // The vendor's value for a canonical code; nullopt when unmapped.
  std::optional<std::string> vendor_value(const std::string& code) const;
  // The canonical code for a vendor value; nullopt when unmapped.
  std::optional<std::string> code(const std::string& vendor_value) const;

 private:
  std::string name_;
  std::map<std::string, std::string> to_vendor_;
  std::map<std::string, std::string> to_code_;
  bool identity_ = false;
};

// Reads one connection configuration member by member, collecting a field error per problem,
// and throws them all at once from finish(): CONFIGURATION `<code>` with the message
// "<subject> is invalid: /ptr message; …". The wording is the one SAP S/4HANA, Business Central
// and F&O each had before this class existed.
class config_reader {
 public:
  // code "bc.config"; subject "the Business Central connection configuration".
  config_reader(std::string code, std::string subject);

  // CONFIGURATION `<code>` "<subject> must be a JSON object" unless `config` is one.
  void require_object(const nlohmann::json& config) const;

  // A string member; "" when absent or null (a problem "required" if `required`), a problem
  // "must be a non-empty string" for anything but a non-empty string.
  std::string text(const nlohmann::json& obj, const char* name, const std::string& pointer,
                   bool required);
  // A required secret reference; a value that is not one is refused and never echoed.
  std::string secret_ref(const nlohmann::json& obj, const char* name, const std::string& pointer);
  // A boolean member; `fallback` when absent.
  bool boolean(const nlohmann::json& obj, const char* name, const std::string& pointer,
               bool fallback);
  // The required member "base_url" as scheme://host[:port], trailing slashes dropped.
  std::string base_url(const nlohmann::json& config);
  // The "value_maps" object ({} when absent or not an object), each member one of `names`.
  const nlohmann::json& value_maps(const nlohmann::json& config,
                                   std::initializer_list<std::string_view> names);
  // The value map `name` of the "value_maps" object.
  value_map map(const nlohmann::json& maps, const char* name, bool identity);
  // A problem "is not a setting of this adapter" at "<prefix>/<member>" for every member of
  // `obj` not in `known`.
  void refuse_unknown(const nlohmann::json& obj, const std::string& prefix,
                      std::initializer_list<std::string_view> known);

  void problem(std::string pointer, std::string message);
  void finish() const;

 private:
  std::string code_;
  std::string subject_;
  std::vector<field_error> errors_;
  nlohmann::json no_maps_ = nlohmann::json::object();
};

// Microsoft Entra client credentials (OAuth 2.0 client_credentials, vendors.md §4.2, §5.2).
struct entra_client_credentials {
  std::string token_url;  // absolute
  std::string client_id_ref;
  std::string client_secret_ref;
  std::string scope;  // "" when not configured: the adapter's default applies
};

// The members of an "auth" object: client_id and client_secret (secret references), tenant_id
// or token_url (absolute, or a path taken relative to base_url; default
// https://login.microsoftonline.com/{tenant_id}/oauth2/v2.0/token), scope. Problems go to
// `reader` at /auth/…; a missing or non-object auth is one problem at /auth.
entra_client_credentials read_entra_auth(config_reader& reader, const nlohmann::json& config,
                                         const std::string& base_url);
// The JSON Schema of that "auth" object; `scope` is the schema of its scope member.
nlohmann::json entra_auth_schema(nlohmann::json scope);

}  // namespace erpc::adapters
