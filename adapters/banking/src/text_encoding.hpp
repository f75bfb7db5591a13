// SPDX-License-Identifier: Apache-2.0
// Text from bank files becomes UTF-8 (canonical text is UTF-8). MT940 and BAI2 files arrive as
// UTF-8 or, from many banks, Windows-1252 (BANKING.md "MT940": "Text may be CP1252").
#pragma once

#include <string>
#include <string_view>

namespace erpc::banking::detail {

// Whether `text` is well-formed UTF-8 (no overlongs, surrogates or code points > U+10FFFF).
bool is_utf8(std::string_view text) noexcept;

// Windows-1252 to UTF-8; the five bytes 1252 leaves undefined (0x81 0x8D 0x8F 0x90 0x9D) become
// U+FFFD rather than disappearing.
std::string cp1252_to_utf8(std::string_view text);

}  // namespace erpc::banking::detail
