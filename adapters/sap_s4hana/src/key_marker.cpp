// SPDX-License-Identifier: Apache-2.0
#include "key_marker.hpp"

#include <openssl/sha.h>

#include <array>

namespace erpc::sap {

std::string key_marker(std::string_view key, std::size_t max_length) {
  if (!key.empty() && key.size() <= max_length && key.front() != '#') return std::string(key);
  std::array<unsigned char, SHA256_DIGEST_LENGTH> digest{};
  SHA256(reinterpret_cast<const unsigned char*>(key.data()), key.size(), digest.data());
  static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";  // RFC 4648 base32
  std::string out = "#";
  unsigned buffer = 0;
  int bits = 0;
  for (const unsigned char byte : digest) {
    if (out.size() >= max_length) break;
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.size() < max_length) {
      out += alphabet[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1u << bits) - 1;  // never more than 12 bits held
  }
  return out;
}

}  // namespace erpc::sap
