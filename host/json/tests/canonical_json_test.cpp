// SPDX-License-Identifier: Apache-2.0
#include <erpc/host/canonical_json.hpp>

#include <erpc/error.hpp>
#include <erpc/host/strict_json.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <bit>
#include <cstdint>
#include <limits>
#include <string>

using nlohmann::json;

namespace {

std::string es(std::uint64_t ieee_bits) {
  return erpc::format_es_number(std::bit_cast<double>(ieee_bits));
}

}  // namespace

// RFC 8785 Appendix B: IEEE 754 bit patterns and their expected serialisation.
TEST_CASE("canonical_json numbers: RFC 8785 Appendix B table", "[canonical_json]") {
  CHECK(es(0x0000000000000000) == "0");
  CHECK(es(0x8000000000000000) == "0");
  CHECK(es(0x0000000000000001) == "5e-324");
  CHECK(es(0x8000000000000001) == "-5e-324");
  CHECK(es(0x7fefffffffffffff) == "1.7976931348623157e+308");
  CHECK(es(0xffefffffffffffff) == "-1.7976931348623157e+308");
  CHECK(es(0x4340000000000000) == "9007199254740992");
  CHECK(es(0xc340000000000000) == "-9007199254740992");
  CHECK(es(0x4430000000000000) == "295147905179352830000");
  CHECK(es(0x44b52d02c7e14af5) == "9.999999999999997e+22");
  CHECK(es(0x44b52d02c7e14af6) == "1e+23");
  CHECK(es(0x44b52d02c7e14af7) == "1.0000000000000001e+23");
  CHECK(es(0x444b1ae4d6e2ef4e) == "999999999999999700000");
  CHECK(es(0x444b1ae4d6e2ef4f) == "999999999999999900000");
  CHECK(es(0x444b1ae4d6e2ef50) == "1e+21");
  CHECK(es(0x3eb0c6f7a0b5ed8c) == "9.999999999999997e-7");
  CHECK(es(0x3eb0c6f7a0b5ed8d) == "0.000001");
  CHECK(es(0x41b3de4355555553) == "333333333.3333332");
  CHECK(es(0x41b3de4355555554) == "333333333.33333325");
  CHECK(es(0x41b3de4355555555) == "333333333.3333333");
  CHECK(es(0x41b3de4355555556) == "333333333.3333334");
  CHECK(es(0x41b3de4355555557) == "333333333.33333343");
  CHECK(es(0xbecbf647612f3696) == "-0.0000033333333333333333");
  CHECK(es(0x43143ff3c1cb0959) == "1424953923781206.2");
}

TEST_CASE("canonical_json numbers: §3.2.2 examples and notation boundaries", "[canonical_json]") {
  CHECK(erpc::format_es_number(1e30) == "1e+30");
  CHECK(erpc::format_es_number(4.50) == "4.5");
  CHECK(erpc::format_es_number(2e-3) == "0.002");
  CHECK(erpc::format_es_number(1e-7) == "1e-7");
  CHECK(erpc::format_es_number(0.000000000000000000000000001) == "1e-27");
  CHECK(erpc::format_es_number(333333333.33333329) == "333333333.3333333");
  CHECK(erpc::format_es_number(-0.0) == "0");
  CHECK(erpc::format_es_number(1e20) == "100000000000000000000");
  CHECK(erpc::format_es_number(1e21) == "1e+21");
  CHECK(erpc::format_es_number(1e-6) == "0.000001");
  CHECK(erpc::format_es_number(1.5e-7) == "1.5e-7");
  CHECK(erpc::format_es_number(123.0) == "123");
  CHECK(erpc::format_es_number(-1.25) == "-1.25");
}

TEST_CASE("canonical_json: RFC 8785 §3.2.2 structure and string example", "[canonical_json]") {
  const json input = json::parse(R"({
    "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
    "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
    "literals": [null, true, false]
  })");
  CHECK(erpc::canonicalize(input) ==
        "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
        "\"string\":\"\xE2\x82\xAC$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
}

TEST_CASE("canonical_json: RFC 8785 §3.2.3 sorts members by UTF-16 code units",
          "[canonical_json]") {
  const json input = erpc::parse_strict(R"({
    "\u20ac": "Euro Sign",
    "\r": "Carriage Return",
    "\ufb33": "Hebrew Letter Dalet With Dagesh",
    "1": "One",
    "\ud83d\ude00": "Emoji: Grinning Face",
    "\u0080": "Control",
    "\u00f6": "Latin Small Letter O With Diaeresis"
  })");
  CHECK(erpc::canonicalize(input) ==
        "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\xC2\x80\":\"Control\","
        "\"\xC3\xB6\":\"Latin Small Letter O With Diaeresis\",\"\xE2\x82\xAC\":\"Euro Sign\","
        "\"\xF0\x9F\x98\x80\":\"Emoji: Grinning Face\","
        "\"\xEF\xAC\xB3\":\"Hebrew Letter Dalet With Dagesh\"}");
}

TEST_CASE("canonical_json: escapes exactly the JSON.stringify set", "[canonical_json]") {
  CHECK(erpc::canonicalize(json(std::string("\x00\x01\x1f\x7f/<>&'\xE2\x80\xA8", 12))) ==
        "\"\\u0000\\u0001\\u001f\x7f/<>&'\xE2\x80\xA8\"");
  CHECK(erpc::canonicalize(json("\b\f\n\r\t\"\\")) == R"("\b\f\n\r\t\"\\")");
}

TEST_CASE("canonical_json: integers print exactly, nesting has no whitespace",
          "[canonical_json]") {
  CHECK(erpc::canonicalize(erpc::parse_strict(
            R"({ "b": [ 18446744073709551615, -9223372036854775808, 0 ], "a": { } , "c": [] })")) ==
        R"({"a":{},"b":[18446744073709551615,-9223372036854775808,0],"c":[]})");
  CHECK(erpc::canonicalize(json(9007199254740993LL)) == "9007199254740993");
}

TEST_CASE("canonical_json: rejects what has no canonical form", "[canonical_json]") {
  const auto code_of = [](const json& v, const erpc::json_limits& limits = {}) {
    try {
      (void)erpc::canonicalize(v, limits);
    } catch (const erpc::error& e) {
      return e.code();
    }
    return std::string("accepted");
  };
  CHECK(code_of(json(std::numeric_limits<double>::quiet_NaN())) == "json.non_finite_number");
  CHECK(code_of(json(std::numeric_limits<double>::infinity())) == "json.non_finite_number");
  CHECK(code_of(json{{"a", std::string("\xC3\x28")}}) == "json.invalid_utf8");
  CHECK(code_of(json{{std::string("\xED\xA0\x80"), 1}}) == "json.invalid_utf8");
  CHECK(code_of(json::binary({1})) == "json.unsupported_value");
  CHECK(code_of(json::array({json::array()}), erpc::json_limits{1024, 1}) == "json.too_deep");
  CHECK(code_of(json::array({json::array()}), erpc::json_limits{1024, 2}) == "accepted");
}
