#include "text_encoding.hpp"

#include "statement_test_support.hpp"

using namespace erpc::banking::detail;

TEST_CASE("UTF-8 is checked strictly") {
  CHECK(is_utf8("plain"));
  CHECK(is_utf8("M\xC3\xBCller \xE2\x82\xAC"));
  CHECK_FALSE(is_utf8("M\xFCller"));        // a CP1252 byte
  CHECK_FALSE(is_utf8("\xC0\xAF"));         // overlong
  CHECK_FALSE(is_utf8("\xED\xA0\x80"));     // surrogate
  CHECK_FALSE(is_utf8("\xE2\x82"));         // truncated
  CHECK_FALSE(is_utf8("\xF4\x90\x80\x80"));  // > U+10FFFF
}

TEST_CASE("Windows-1252 text becomes UTF-8") {
  CHECK(cp1252_to_utf8("M\xFCller") == "M\xC3\xBCller");
  CHECK(cp1252_to_utf8("\x80 5") == "\xE2\x82\xAC 5");
  CHECK(cp1252_to_utf8("\x96") == "\xE2\x80\x93");  // en dash
  CHECK(cp1252_to_utf8("\x81") == "\xEF\xBF\xBD");  // undefined in 1252
}
