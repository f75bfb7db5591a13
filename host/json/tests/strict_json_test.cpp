// SPDX-License-Identifier: Apache-2.0
#include <erpc/host/strict_json.hpp>

#include <erpc/error.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

using nlohmann::json;

namespace {

// The rejection of `text`: code, message and the pointer of the attached field error.
struct rejection {
  std::string code;
  std::string message;
  std::string pointer;
};

rejection reject_of(const std::string& text, const erpc::json_limits& limits = {}) {
  try {
    (void)erpc::parse_strict(text, limits);
  } catch (const erpc::error& e) {
    CHECK(e.cls() == erpc::error_class::validation);
    REQUIRE(e.field_errors().size() == 1);
    CHECK(e.field_errors()[0].code == e.code());
    return {e.code(), e.message(), e.field_errors()[0].pointer};
  }
  FAIL("accepted: " << text.substr(0, 80));
  return {};
}

std::string nested_arrays(int depth) {
  return std::string(static_cast<std::size_t>(depth), '[') +
         std::string(static_cast<std::size_t>(depth), ']');
}

}  // namespace

TEST_CASE("strict_json accepts RFC 8259 documents with integers", "[strict_json]") {
  const json v = erpc::parse_strict(
      R"({"a":[1,-2,true,false,null,"x\u00e9\n"],"b":{"c":"d"},"big":18446744073709551615,)"
      R"("min":-9223372036854775808, "e": "\ud83d\ude00"})");
  CHECK(v["a"][0] == 1);
  CHECK(v["a"][1] == -2);
  CHECK(v["a"][5] == "x\xC3\xA9\n");
  CHECK(v["b"]["c"] == "d");
  CHECK(v["big"].get<std::uint64_t>() == UINT64_MAX);
  CHECK(v["min"].get<std::int64_t>() == INT64_MIN);
  CHECK(v["e"] == "\xF0\x9F\x98\x80");
  CHECK(erpc::parse_strict("42") == 42);
  CHECK(erpc::parse_strict(" \"s\" ") == "s");
  CHECK(erpc::parse_strict("-0") == 0);
}

TEST_CASE("strict_json: json.malformed names the byte", "[strict_json]") {
  for (const char* text : {"", "   ", "{", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "nul", "'a'",
                           "{} {}", "[1] x", "01", "+1", "[1 2]", "/* c */ 1", "{\"a\":1}}",
                           "\"tab\there\"", "\xEF\xBB\xBF{}", "NaN", "Infinity", "-"}) {
    INFO(text);
    const auto r = reject_of(text);
    CHECK(r.code == "json.malformed");
    CHECK(r.message.find("byte") != std::string::npos);
  }
  const auto r = reject_of(R"({"a":[1,2,}]})");
  CHECK(r.message.find("byte 11") != std::string::npos);
  CHECK(r.pointer == "/a/2");
}

TEST_CASE("strict_json: json.duplicate_key names the key and its pointer", "[strict_json]") {
  auto r = reject_of(R"({"a":1,"a":2})");
  CHECK(r.code == "json.duplicate_key");
  CHECK(r.pointer == "/a");
  CHECK(r.message.find("'a'") != std::string::npos);
  r = reject_of(R"({"x":[{"ok":1},{"b/c":1,"k":{"m~n":1,"m~n":2}}]})");
  CHECK(r.code == "json.duplicate_key");
  CHECK(r.pointer == "/x/1/k/m~0n");
  r = reject_of(R"({"lines":[{"amount":"1.00","amount":"2.00"}]})");
  CHECK(r.pointer == "/lines/0/amount");
  // Escapes are decoded before comparison: "\u0061" is "a".
  CHECK(reject_of(R"({"a":1,"\u0061":2})").code == "json.duplicate_key");
  // The same key in sibling objects is fine.
  CHECK_NOTHROW(erpc::parse_strict(R"([{"a":1},{"a":1}])"));
}

TEST_CASE("strict_json: numbers must be integers in the 64-bit range", "[strict_json]") {
  auto r = reject_of(R"({"total":{"amount":12.5}})");
  CHECK(r.code == "json.non_integer_number");
  CHECK(r.pointer == "/total/amount");
  CHECK(r.message.find("/total/amount") != std::string::npos);
  for (const char* text : {"1e3", "1E3", "1.0", "-0.0", "[0,1e-7]", "1e400"}) {
    INFO(text);
    CHECK(reject_of(text).code == "json.non_integer_number");
  }
  r = reject_of(R"({"n":[1,18446744073709551616]})");
  CHECK(r.code == "json.integer_out_of_range");
  CHECK(r.pointer == "/n/1");
  CHECK(reject_of("-9223372036854775809").code == "json.integer_out_of_range");
  CHECK(reject_of("99999999999999999999999999999").code == "json.integer_out_of_range");
  CHECK(reject_of("1" + std::string(400, '0')).code == "json.integer_out_of_range");
}

TEST_CASE("strict_json: json.too_deep at depth 65, 64 accepted", "[strict_json]") {
  CHECK_NOTHROW(erpc::parse_strict(nested_arrays(64)));
  auto r = reject_of(nested_arrays(65));
  CHECK(r.code == "json.too_deep");
  CHECK(r.pointer == "/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0"
                     "/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0");
  CHECK(reject_of(R"({"a":{"b":[]}})", erpc::json_limits{1024, 2}).pointer == "/a/b");
  // A hostile nesting far beyond the limit stops at the limit, without recursion.
  CHECK(reject_of(nested_arrays(1000000)).code == "json.too_deep");
}

TEST_CASE("strict_json: json.too_large above max_bytes, exactly max_bytes accepted",
          "[strict_json]") {
  const std::size_t limit = std::size_t{4} * 1024 * 1024;
  std::string at_limit = "\"" + std::string(limit - 2, 'x') + "\"";
  REQUIRE(at_limit.size() == limit);
  CHECK(erpc::parse_strict(at_limit).get_ref<const std::string&>().size() == limit - 2);
  std::string over = "\"" + std::string(limit - 1, 'x') + "\"";
  const auto r = reject_of(over);
  CHECK(r.code == "json.too_large");
  CHECK(r.message.find(std::to_string(limit + 1)) != std::string::npos);
  CHECK(reject_of("[1, 2]", erpc::json_limits{5, 64}).code == "json.too_large");
  CHECK_NOTHROW(erpc::parse_strict("[1,2]", erpc::json_limits{5, 64}));
}

TEST_CASE("strict_json: json.invalid_utf8 for ill-formed bytes and lone surrogates",
          "[strict_json]") {
  const std::string cases[] = {
      "\"\xC0\xAF\"",          // overlong '/'
      "\"\xE0\x80\xAF\"",      // overlong, 3 bytes
      "\"\xED\xA0\x80\"",      // UTF-8 encoded surrogate half U+D800
      "\"\xE2\x82\"",          // truncated sequence
      "\"\xF4\x90\x80\x80\"",  // above U+10FFFF
      "\"\xFF\"",
      "\"ok\" \x80",
      "{\"\xC3\":1}",
  };
  for (const auto& text : cases) {
    INFO(text);
    const auto r = reject_of(text);
    CHECK(r.code == "json.invalid_utf8");
    CHECK(r.message.find("byte") != std::string::npos);
  }
  auto r = reject_of("\"\\ud800\"");
  CHECK(r.code == "json.invalid_utf8");
  r = reject_of("{\"k\":[\"\\udc00 x\"]}");
  CHECK(r.code == "json.invalid_utf8");
  CHECK(r.pointer == "/k/0");
  CHECK(reject_of("\"\\ud800\\u0041\"").code == "json.invalid_utf8");
  CHECK(erpc::parse_strict("\"\\ud83d\\ude00\"") == "\xF0\x9F\x98\x80");
}

TEST_CASE("strict_json: reserialize_strict hands over compact re-serialised text",
          "[strict_json]") {
  CHECK(erpc::reserialize_strict(" { \"b\" : [ 1 , 2 ] , \"a\" : \"\\u00e9\\/\" } ") ==
        "{\"a\":\"\xC3\xA9/\",\"b\":[1,2]}");
  CHECK_THROWS_AS(erpc::reserialize_strict("{\"a\":1,\"a\":1}"), erpc::error);
}

TEST_CASE("strict_json: serialize_checked applies the limits to adapter output",
          "[strict_json]") {
  CHECK(erpc::serialize_checked(json{{"a", 1}, {"b", {true, nullptr}}}) ==
        R"({"a":1,"b":[true,null]})");
  const auto code_of = [](const json& v, const erpc::json_limits& limits = {}) {
    try {
      (void)erpc::serialize_checked(v, limits);
    } catch (const erpc::error& e) {
      return e.code() + " " + (e.field_errors().empty() ? "" : e.field_errors()[0].pointer);
    }
    return std::string("accepted");
  };
  CHECK(code_of(json{{"x", {{"amount", 1.5}}}}) == "json.non_integer_number /x/amount");
  CHECK(code_of(json{{"s", std::string("\xC3")}}) == "json.invalid_utf8 /s");
  CHECK(code_of(json{{std::string("\xFF"), 1}}) == "json.invalid_utf8 /\xFF");
  CHECK(code_of(json::binary({1, 2})) == "json.unsupported_value ");
  CHECK(code_of(json::array({json::array({json::array()})}), erpc::json_limits{1024, 2}) ==
        "json.too_deep /0/0");
  CHECK(code_of(json::array({1, 2, 3}), erpc::json_limits{6, 64}) == "json.too_large ");
  CHECK(code_of(json::array({1, 2, 3}), erpc::json_limits{7, 64}) == "accepted");
  json deep = json::array();
  for (int i = 0; i < 63; ++i) deep = json::array({deep});
  CHECK(code_of(deep) == "accepted");
  deep = json::array({deep});
  CHECK(code_of(deep).rfind("json.too_deep", 0) == 0);
}
