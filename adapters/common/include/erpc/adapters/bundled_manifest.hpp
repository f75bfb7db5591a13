// SPDX-License-Identifier: Apache-2.0
// The manifest (describe()) of an adapter bundled with erpconnect: what every bundled adapter
// states the same way — vendor "erpconnect", version 0.1.0, status beta, contract 1.0..1.x, no
// optional capabilities — around what is its own. Header only.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace erpc::adapters {

// `objects`: {"Supplier": ["create", "get", …], …}; `config_schema`: the adapter's draft-07
// schema of a connection configuration.
inline nlohmann::json bundled_manifest(std::string name, std::string mapping_version,
                                       nlohmann::json objects, nlohmann::json config_schema,
                                       std::string description) {
  return {{"name", std::move(name)},
          {"vendor", "erpconnect"},
          {"version", "0.1.0"},
          {"status", "beta"},
          {"mapping_version", std::move(mapping_version)},
          {"contract", {{"min", "1.0"}, {"max", "1.x"}}},
          {"objects", std::move(objects)},
          {"capabilities", nlohmann::json::array()},
          {"config_schema", std::move(config_schema)},
          {"description", std::move(description)}};
}

}  // namespace erpc::adapters
