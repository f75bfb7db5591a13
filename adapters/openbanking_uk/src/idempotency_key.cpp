// SPDX-License-Identifier: Apache-2.0
#include "idempotency_key.hpp"

#include <erpc/error.hpp>

#include <openssl/evp.h>

#include <algorithm>

namespace erpc::openbanking {

std::string derived_key(std::string_view step, std::string_view canonical_key, std::size_t length) {
  std::string input(step);
  input += '\n';
  input += canonical_key;
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int digest_len = 0;
  if (EVP_Digest(input.data(), input.size(), digest, &digest_len, EVP_sha256(), nullptr) != 1) {
    throw error(error_class::internal, "openbanking_uk.digest_failed", "SHA-256 failed")
        .with_effect(effect::none);
  }
  static constexpr char alphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (unsigned i = 0; i < digest_len; ++i) {
    buffer = ((buffer & 0x3Fu) << 8) | digest[i];  // fewer than 6 bits are pending
    bits += 8;
    while (bits >= 6) {
      out += alphabet[(buffer >> (bits - 6)) & 63];
      bits -= 6;
    }
  }
  if (bits > 0) out += alphabet[(buffer << (6 - bits)) & 63];
  out.resize(std::min(length, out.size()));
  return out;
}

}  // namespace erpc::openbanking
