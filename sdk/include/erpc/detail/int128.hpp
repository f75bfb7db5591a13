// SPDX-License-Identifier: Apache-2.0
// 128-bit integers for erpc::decimal. GCC and Clang provide __int128; __extension__ keeps
// -Wpedantic quiet, and every other file uses these names instead of the keyword.
#pragma once

#include <array>
#include <string>

namespace erpc::detail {

__extension__ typedef __int128 int128;
__extension__ typedef unsigned __int128 uint128;

// 10^0 .. 10^38; 10^38 < 2^127 so every entry fits a signed 128-bit integer.
inline constexpr std::array<int128, 39> pow10_table = [] {
  std::array<int128, 39> t{};
  int128 v = 1;
  for (auto& e : t) {
    e = v;
    if (&e != &t.back()) v *= 10;
  }
  return t;
}();

constexpr int128 pow10(int exponent) noexcept {
  return pow10_table[static_cast<unsigned>(exponent)];
}

constexpr uint128 magnitude(int128 v) noexcept {
  return v < 0 ? static_cast<uint128>(0) - static_cast<uint128>(v) : static_cast<uint128>(v);
}

// Decimal digits of |v|, at least `min_digits` long (left-padded with zeros).
inline std::string magnitude_digits(int128 v, std::size_t min_digits) {
  std::string out;
  uint128 m = magnitude(v);
  do {
    out.insert(out.begin(), static_cast<char>('0' + static_cast<int>(m % 10)));
    m /= 10;
  } while (m != 0);
  if (out.size() < min_digits) out.insert(0, min_digits - out.size(), '0');
  return out;
}

}  // namespace erpc::detail
