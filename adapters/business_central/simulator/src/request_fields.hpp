// SPDX-License-Identifier: Apache-2.0
// Reading the members of a request body or a stored entity, as every BC simulator handler does:
// absent or mistyped members read as empty (the handler decides whether that is an error).
#pragma once

#include "odata_error.hpp"

#include <erpc/adapters/exact_json.hpp>
#include <erpc/decimal.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>

namespace erpc::sim::bc {

// A string member; "" when absent or not a string.
inline std::string text_of(const nlohmann::json& obj, const std::string& name) {
  const auto it = obj.find(name);
  return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// An Edm.Decimal member read exactly; 0 when absent or not a number.
inline decimal decimal_of(const nlohmann::json& obj, const std::string& name) {
  const auto it = obj.find(name);
  return it == obj.end() ? decimal{} : adapters::to_decimal(*it).value_or(decimal{});
}

// 400 Application_StringExceededLength when the string member is longer than BC's field.
inline void check_length(const nlohmann::json& body, const std::string& name, std::size_t max) {
  refuse_too_long(text_of(body, name), max);
}

}  // namespace erpc::sim::bc
