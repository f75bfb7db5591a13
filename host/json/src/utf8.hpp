// SPDX-License-Identifier: Apache-2.0
// UTF-8 validation (RFC 3629 / Unicode Table 3-7: no overlongs, no surrogates, ≤ U+10FFFF) and
// conversion to UTF-16 code units for RFC 8785 member sorting.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace erpc::detail {

inline constexpr std::size_t utf8_valid = static_cast<std::size_t>(-1);

// Byte offset of the first ill-formed sequence, or utf8_valid.
std::size_t find_invalid_utf8(std::string_view text) noexcept;

// UTF-16 code units of `utf8`, which must be valid (find_invalid_utf8 == utf8_valid).
std::u16string to_utf16(std::string_view utf8);

}  // namespace erpc::detail
