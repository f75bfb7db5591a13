// SPDX-License-Identifier: Apache-2.0
// The idempotency key carried in an SAP text field so that a read-back finds the record this
// key made (vendors.md §2.3: SAP has no idempotency header; a client writes its own reference
// into a reference field and queries by it). The fields are short — DocumentHeaderText 25,
// BusinessPartnerIDByExtSystem 20, journal DocumentReferenceID 16 characters — and keys hold up
// to 64, so a key that fits (and does not start with '#') is carried as it is, readable for
// SAP users; a longer one as '#' + the first characters of the base32 SHA-256 of the key.
// Deterministic (a fresh connection finds the same marker), never truncated into a collision
// between a short key and a hashed one ('#' is not a key character).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace erpc::sap {

inline constexpr std::size_t invoice_marker_length = 25;   // DocumentHeaderText
inline constexpr std::size_t supplier_marker_length = 20;  // BusinessPartnerIDByExtSystem
inline constexpr std::size_t journal_marker_length = 16;   // DocumentReferenceID

std::string key_marker(std::string_view idempotency_key, std::size_t max_length);

}  // namespace erpc::sap
