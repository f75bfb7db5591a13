// SPDX-License-Identifier: Apache-2.0
// Pieces every adapter's connection configuration check uses the same way.
#pragma once

#include <nlohmann/json.hpp>

#include <cctype>
#include <cstddef>
#include <string>

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

}  // namespace erpc::adapters
