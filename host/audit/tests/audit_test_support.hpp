#pragma once
// Fixed keys and small helpers shared by the audit tests.

#include <erpc/error.hpp>
#include <erpc/host/symmetric_key.hpp>

#include <array>
#include <string>
#include <string_view>

namespace erpc::audit_testing {

// Hex of bytes 0x00..0x1f, and a second, different key.
inline constexpr std::string_view master_hex =
    "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
inline constexpr std::string_view other_hex =
    "f0e1d2c3b4a5968778695a4b3c2d1e0f00112233445566778899aabbccddeeff";

inline symmetric_key key_from_hex(std::string_view hex) { return parse_symmetric_key(hex); }

// The text of whatever erpc::error `f` throws ("" when it throws nothing).
template <typename F>
std::string error_text(F&& f) {
  try {
    f();
  } catch (const error& e) {
    return e.code() + " " + e.message();
  }
  return {};
}

}  // namespace erpc::audit_testing
