// SPDX-License-Identifier: Apache-2.0
#include "utf8.hpp"

#include <catch2/catch.hpp>

using erpc::detail::find_invalid_utf8;
using erpc::detail::to_utf16;
using erpc::detail::utf8_valid;

TEST_CASE("utf8: well-formed sequences of every length pass", "[utf8]") {
  CHECK(find_invalid_utf8("") == utf8_valid);
  CHECK(find_invalid_utf8("plain ascii") == utf8_valid);
  CHECK(find_invalid_utf8("\xC2\x80 \xDF\xBF") == utf8_valid);
  CHECK(find_invalid_utf8("\xE0\xA0\x80 \xED\x9F\xBF \xEE\x80\x80 \xEF\xBF\xBF") == utf8_valid);
  CHECK(find_invalid_utf8("\xF0\x90\x80\x80 \xF4\x8F\xBF\xBF") == utf8_valid);
}

TEST_CASE("utf8: the offset of the first ill-formed byte is reported", "[utf8]") {
  CHECK(find_invalid_utf8("ab\xC0\xAF") == 2);       // overlong
  CHECK(find_invalid_utf8("\xC1\xBF") == 0);         // overlong
  CHECK(find_invalid_utf8("\xE0\x9F\xBF") == 0);     // overlong 3-byte
  CHECK(find_invalid_utf8("\xF0\x8F\xBF\xBF") == 0); // overlong 4-byte
  CHECK(find_invalid_utf8("x\xED\xA0\x80") == 1);    // surrogate
  CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0); // > U+10FFFF
  CHECK(find_invalid_utf8("\xF5\x80\x80\x80") == 0);
  CHECK(find_invalid_utf8("abc\xE2\x82") == 3);      // truncated at the end
  CHECK(find_invalid_utf8("\xE2\x82z") == 0);        // truncated in the middle
  CHECK(find_invalid_utf8("\x80") == 0);             // lone continuation
  CHECK(find_invalid_utf8("\xFE") == 0);
}

TEST_CASE("utf8: to_utf16 produces surrogate pairs above U+FFFF", "[utf8]") {
  CHECK(to_utf16("A\xC3\xB6") == u"A\u00f6");
  CHECK(to_utf16("\xE2\x82\xAC") == u"\u20ac");
  CHECK(to_utf16("\xF0\x9F\x98\x80") == std::u16string{0xD83D, 0xDE00});
}
