// SPDX-License-Identifier: Apache-2.0
// The strict JSON parser of the ABI boundary. Every rejection is erpc::error(VALIDATION) with a
// stable code and a message naming the byte offset or JSON pointer (also as a field error):
//   json.too_large             text longer than limits.max_bytes
//   json.malformed             not RFC 8259 JSON: syntax, empty input, trailing data, a BOM
//   json.invalid_utf8          ill-formed UTF-8 anywhere, or a \u escape of a lone surrogate
//   json.duplicate_key         a member name twice in one object
//   json.too_deep              more than limits.max_depth nested objects/arrays
//   json.non_integer_number    a number with a fraction or exponent (amounts are strings)
//   json.integer_out_of_range  an integer outside int64 ∪ uint64
//   json.unsupported_value     (serialize_checked only) a binary or discarded DOM value
#pragma once

#include <erpc/host/json_limits.hpp>

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <string_view>

namespace erpc {

// One pass over `text` with nlohmann's SAX parser, building the DOM as it goes.
nlohmann::json parse_strict(std::string_view text, const json_limits& limits = {});

// The adapter→host direction: the same rules checked on a DOM (which cannot hold duplicate
// keys), then dumped; the dump must fit limits.max_bytes.
std::string serialize_checked(const nlohmann::json& value, const json_limits& limits = {});

// parse_strict + compact dump: the text the host hands to an adapter, never the caller's bytes.
std::string reserialize_strict(std::string_view text, const json_limits& limits = {});

}  // namespace erpc
