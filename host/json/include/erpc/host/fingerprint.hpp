// SPDX-License-Identifier: Apache-2.0
// The idempotency fingerprint (ARCHITECTURE §6): SHA-256 of the RFC 8785 canonical JSON of the
// payload after money normalisation, so "1234.5" and "1234.50" EUR are the same request.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <string_view>

namespace erpc {

// Lowercase hex SHA-256 of `bytes`.
std::string sha256_hex(std::string_view bytes);

// The payload with every object holding a string "amount" and a string "currency" given the
// normalized amount (trailing fraction zeros dropped); an amount that is not a decimal string is
// left as is (validation rejects it elsewhere). Deeper than json_limits{}.max_depth: json.too_deep.
nlohmann::json normalize_money_amounts(const nlohmann::json& payload);

// sha256_hex(canonicalize(normalize_money_amounts(payload))).
std::string payload_fingerprint(const nlohmann::json& payload);

}  // namespace erpc
