#pragma once
// A 256-bit key (audit master key, derived keys, field encryption key). The bytes are wiped when
// the key is destroyed and never printed; configuration names a secret reference whose value is
// the key as 64 hex digits or as base64 of 32 bytes.

#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace erpc {

class secret_resolver;

class symmetric_key {
 public:
  static constexpr std::size_t size = 32;

  explicit symmetric_key(std::span<const unsigned char, size> bytes);
  symmetric_key(const symmetric_key& other);
  symmetric_key& operator=(const symmetric_key& other);
  ~symmetric_key();

  std::span<const unsigned char, size> bytes() const noexcept { return bytes_; }

  // Constant-time comparison, so tests and callers never leak key bytes through timing.
  bool same_as(const symmetric_key& other) const noexcept;

 private:
  std::array<unsigned char, size> bytes_{};
};

// 64 hex digits or base64 (with padding) of exactly 32 bytes. Anything else: erpc::error
// CONFIGURATION "crypto.bad_key"; the message states the accepted forms, never the text.
symmetric_key parse_symmetric_key(std::string_view text);

// Resolves an env:/file: reference (the value is remembered for redaction) and parses it.
symmetric_key resolve_symmetric_key(const secret_resolver& resolver, const std::string& reference);

}  // namespace erpc
