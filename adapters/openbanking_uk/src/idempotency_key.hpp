// SPDX-License-Identifier: Apache-2.0
// Deterministic identifiers derived from the canonical idempotency key (BANKING.md "UK Open
// Banking"; vendors.md §8.2: x-idempotency-key ≤ 40 characters, no surrounding whitespace).
//
// The x-idempotency-key of a step is base64url(SHA-256(step + "\n" + canonical key)) cut to 40
// characters (240 bits of the digest). The payload is deliberately *not* hashed in: the same
// key with a changed payload must reach the bank under the same x-idempotency-key, so the bank
// refuses it (IDEMPOTENCY_KEY_REUSE) instead of creating a second consent.
#pragma once

#include <string>
#include <string_view>

namespace erpc::openbanking {

inline constexpr std::size_t idempotency_key_max = 40;  // vendors.md §8.2 maxLength
inline constexpr std::size_t identification_max = 35;   // vendors.md §8.1 (Max35Text)

// The steps that POST (each has its own key: a key stands for one request).
inline constexpr std::string_view consent_step = "domestic-payment-consents";
inline constexpr std::string_view payment_step = "domestic-payments";
// Derived InstructionIdentification / EndToEndIdentification when the payload names none.
inline constexpr std::string_view instruction_step = "InstructionIdentification";
inline constexpr std::string_view end_to_end_step = "EndToEndIdentification";

// base64url(SHA-256(step "\n" key)) cut to `length` (≤ 43). OpenSSL EVP.
std::string derived_key(std::string_view step, std::string_view canonical_key,
                        std::size_t length = idempotency_key_max);

}  // namespace erpc::openbanking
