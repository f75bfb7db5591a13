// SPDX-License-Identifier: Apache-2.0
// RFC 8785 JSON Canonicalization Scheme (JCS): members sorted by UTF-16 code units, no
// whitespace, ECMAScript string escaping and number formatting. One deliberate difference:
// integers held as int64/uint64 print exactly instead of passing through a double, because
// boundary JSON carries integers only (docs/money-and-json.md).
#pragma once

#include <erpc/host/json_limits.hpp>

#include <nlohmann/json_fwd.hpp>

#include <string>

namespace erpc {

// Throws erpc::error(VALIDATION) "json.invalid_utf8" (a string that is not UTF-8),
// "json.non_finite_number" (NaN or infinity), "json.too_deep" (beyond limits.max_depth),
// "json.unsupported_value" (binary/discarded).
std::string canonicalize(const nlohmann::json& value, const json_limits& limits = {});

// ECMAScript Number.prototype.toString for a finite double ("1e+30", "0.002", "-0" → "0").
std::string format_es_number(double value);

}  // namespace erpc
