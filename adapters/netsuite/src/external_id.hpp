// SPDX-License-Identifier: Apache-2.0
// The NetSuite externalId a create carries, derived from the request's idempotency key
// (ARCHITECTURE §6: the vendor's natural key, unique per record type, vendors.md §1.2).
// Keys match [A-Za-z0-9_.:-]{1,64}; NetSuite allows letters, digits, '_' and '-' (§1.2), so
// '_', '.' and ':' are escaped as _5F, _2E, _3A — injective, because '_' always starts an
// escape — behind the prefix "erpc-".
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace erpc::netsuite {

std::string external_id_for_key(std::string_view idempotency_key);
// The inverse; nullopt when `external_id` was not made by external_id_for_key.
std::optional<std::string> key_for_external_id(std::string_view external_id);

// A UUID for `X-NetSuite-idempotency-key` (async writes, §1.2): the first 16 bytes of
// SHA-256(record_type "/" external_id) with the RFC 9562 version-8 and variant bits, so the
// same create always sends the same key and different creates never share one.
std::string async_idempotency_key(std::string_view record_type, std::string_view external_id);

}  // namespace erpc::netsuite
