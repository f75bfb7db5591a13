// SPDX-License-Identifier: Apache-2.0
#include "external_id.hpp"

#include <erpc/adapters/key_digest.hpp>

#include <array>
#include <cstdio>

namespace erpc::netsuite {

namespace {
constexpr std::string_view prefix = "erpc-";
constexpr std::size_t max_key_length = 64;  // idempotency keys: [A-Za-z0-9_.:-]{1,64}
}

std::string external_id_for_key(std::string_view key) {
  std::string out(prefix);
  for (const char c : key) {
    switch (c) {
      case '_': out += "_5F"; break;
      case '.': out += "_2E"; break;
      case ':': out += "_3A"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::optional<std::string> key_for_external_id(std::string_view external_id) {
  if (external_id.substr(0, prefix.size()) != prefix) return std::nullopt;
  std::string out;
  for (std::size_t i = prefix.size(); i < external_id.size(); ++i) {
    const char c = external_id[i];
    if (c != '_') {
      // Only what external_id_for_key leaves as it is: a key character that needs no escape.
      // Anything else (another record's "erpc-a.b", a '/') was not made from a key.
      const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                         (c >= '0' && c <= '9') || c == '-';
      if (!plain) return std::nullopt;
      out.push_back(c);
      continue;
    }
    const auto esc = external_id.substr(i, 3);
    if (esc == "_5F") {
      out.push_back('_');
    } else if (esc == "_2E") {
      out.push_back('.');
    } else if (esc == "_3A") {
      out.push_back(':');
    } else {
      return std::nullopt;
    }
    i += 2;
  }
  if (out.empty() || out.size() > max_key_length) return std::nullopt;  // not a key's image
  return out;
}

std::string async_idempotency_key(std::string_view record_type, std::string_view external_id) {
  const std::string input = std::string(record_type) + "/" + std::string(external_id);
  auto digest = adapters::sha256_digest(input);
  digest[6] = static_cast<unsigned char>((digest[6] & 0x0F) | 0x80);  // version 8
  digest[8] = static_cast<unsigned char>((digest[8] & 0x3F) | 0x80);  // RFC variant
  std::string out;
  char hex[3];
  for (std::size_t i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
    std::snprintf(hex, sizeof hex, "%02x", digest[i]);
    out += hex;
  }
  return out;
}

}  // namespace erpc::netsuite
