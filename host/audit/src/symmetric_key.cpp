#include <erpc/host/symmetric_key.hpp>

#include "audit_encoding.hpp"

#include <erpc/error.hpp>
#include <erpc/host/base64.hpp>
#include <erpc/host/secret_resolver.hpp>

#include <openssl/crypto.h>

#include <algorithm>
#include <optional>
#include <vector>

namespace erpc {

symmetric_key::symmetric_key(std::span<const unsigned char, size> bytes) {
  std::copy(bytes.begin(), bytes.end(), bytes_.begin());
}

symmetric_key::symmetric_key(const symmetric_key& other) : bytes_(other.bytes_) {}

symmetric_key& symmetric_key::operator=(const symmetric_key& other) {
  bytes_ = other.bytes_;
  return *this;
}

symmetric_key::~symmetric_key() { OPENSSL_cleanse(bytes_.data(), bytes_.size()); }

bool symmetric_key::same_as(const symmetric_key& other) const noexcept {
  return CRYPTO_memcmp(bytes_.data(), other.bytes_.data(), size) == 0;
}

symmetric_key parse_symmetric_key(std::string_view text) {
  std::optional<std::vector<unsigned char>> raw;
  if (text.size() == 2 * symmetric_key::size) {
    raw = audit_detail::hex_decode(text);
  } else if (text.size() == 4 * ((symmetric_key::size + 2) / 3)) {
    if (auto decoded = base64_decode(text)) {
      raw.emplace(decoded->begin(), decoded->end());
      OPENSSL_cleanse(decoded->data(), decoded->size());
    }
  }
  if (!raw || raw->size() != symmetric_key::size) {
    if (raw) OPENSSL_cleanse(raw->data(), raw->size());
    throw error(error_class::configuration, "crypto.bad_key",
                "key must be 32 bytes written as 64 hex digits or as base64 (44 characters); "
                "the value given (" +
                    std::to_string(text.size()) + " characters) is neither");
  }
  const symmetric_key key(
      std::span<const unsigned char, symmetric_key::size>(raw->data(), raw->size()));
  OPENSSL_cleanse(raw->data(), raw->size());
  return key;
}

symmetric_key resolve_symmetric_key(const secret_resolver& resolver, const std::string& reference) {
  std::string text = resolver.resolve(reference);
  try {
    symmetric_key key = parse_symmetric_key(text);
    OPENSSL_cleanse(text.data(), text.size());
    return key;
  } catch (const error& e) {
    OPENSSL_cleanse(text.data(), text.size());
    throw error(e.cls(), e.code(), "secret reference '" + reference + "': " + e.message());
  }
}

}  // namespace erpc
