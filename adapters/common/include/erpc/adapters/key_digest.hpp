// SPDX-License-Identifier: Apache-2.0
// Short, stable stand-ins for idempotency keys where a vendor field is too short for the key
// itself (BC batch codes and document numbers, F&O journal references, SAP references) or
// wants a UUID (NetSuite's async idempotency key): derived from SHA-256 of the key, through
// OpenSSL's EVP interface. Header-only: each adapter that uses it already links libcrypto (its
// static archive, so the module needs nothing beyond the C and C++ runtimes).
#pragma once

#include <openssl/evp.h>

#include <array>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace erpc::adapters {

inline std::array<unsigned char, 32> sha256_digest(std::string_view text) {
  std::array<unsigned char, 32> digest{};
  unsigned int size = 0;
  if (EVP_Digest(text.data(), text.size(), digest.data(), &size, EVP_sha256(), nullptr) != 1 ||
      size != digest.size()) {
    throw std::runtime_error("SHA-256 failed");
  }
  return digest;
}

// The first `characters` characters (at most 51) of the RFC 4648 base32 text of SHA-256(text),
// upper case, unpadded: letters and digits 2–7 only, so any vendor code field takes them.
inline std::string sha256_base32(std::string_view text, std::size_t characters) {
  static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  const auto digest = sha256_digest(text);
  std::string out;
  out.reserve(characters);
  unsigned buffer = 0;
  int bits = 0;
  for (const unsigned char byte : digest) {
    if (out.size() >= characters) break;
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.size() < characters) {
      out += alphabet[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1u << bits) - 1;  // never more than 12 bits held
  }
  return out;
}

}  // namespace erpc::adapters
