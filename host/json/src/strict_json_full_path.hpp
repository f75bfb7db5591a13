// SPDX-License-Identifier: Apache-2.0
// The full paths of strict_json.hpp, which parse_strict and serialize_checked take when the
// plain-JSON fast path (erpc/detail/plain_json.hpp) declines. Exposed for the differential
// test that holds the fast path to them.
#pragma once

#include <erpc/host/json_limits.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace erpc::json_full_path {

// parse_strict through nlohmann's SAX parser and the strict DOM builder only.
nlohmann::json parse_strict_sax(std::string_view text, const json_limits& limits);

// serialize_checked through the DOM walk and nlohmann's dump only.
std::string serialize_checked_dom(const nlohmann::json& value, const json_limits& limits);

}  // namespace erpc::json_full_path
