// SPDX-License-Identifier: Apache-2.0
// Differential test of the plain-JSON fast path (erpc/detail/plain_json.hpp) inside
// parse_strict and serialize_checked: on every example document and thousands of mutations
// of them, the public functions must answer exactly what the full paths answer — the same DOM
// (same number types) or the same error code, message and pointer — and the fast path must
// actually carry the honest documents.
#include "strict_json_full_path.hpp"
#include "support/json_text_mutations.hpp"

#include <erpc/detail/plain_json.hpp>
#include <erpc/error.hpp>
#include <erpc/host/strict_json.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <limits>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using nlohmann::json;

namespace {

std::vector<std::string> example_texts() {
  std::vector<std::string> out;
  const std::filesystem::path dir = std::filesystem::path(ERPC_SOURCE_DIR) / "schemas/examples/v1";
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    out.push_back(text.str());
  }
  REQUIRE(out.size() >= 10);
  return out;
}

// The DOM with every number's type spelled out, so 1 (unsigned) and 1 (signed) differ.
std::string typed(const json& v) {
  switch (v.type()) {
    case json::value_t::object: {
      std::string s = "{";
      for (const auto& [k, c] : v.items()) s += json(k).dump() + ":" + typed(c) + ",";
      return s + "}";
    }
    case json::value_t::array: {
      std::string s = "[";
      for (const auto& c : v) s += typed(c) + ",";
      return s + "]";
    }
    case json::value_t::number_integer: return "i" + v.dump();
    case json::value_t::number_unsigned: return "u" + v.dump();
    default: return v.dump();
  }
}

// What a parse answered: the typed DOM, or the error's code, message and field pointers.
template <class Parse>
std::string answer_of(Parse parse) {
  try {
    return "ok " + typed(parse());
  } catch (const erpc::error& e) {
    std::string s = "error " + e.code() + " " + e.message();
    for (const auto& f : e.field_errors()) s += " @" + f.pointer + " " + f.code;
    return s;
  }
}

}  // namespace

TEST_CASE("parse_strict answers exactly what the full SAX path answers, on mutated texts") {
  const auto bases = example_texts();
  std::vector<std::string> texts = bases;
  for (auto& t : erpc::testing_support::mutated_json_texts(bases, 400)) texts.push_back(t);
  for (const auto& base : bases) {
    // Compact and with escapes and non-ASCII text the examples may lack.
    json doc = json::parse(base);
    doc["\xc3\xa9t\xc3\xa9 \\ \"q\""] = "tab\there \xe2\x82\xac \xf0\x9f\x98\x80 \x01 \x7f";
    texts.push_back(doc.dump());
    texts.push_back(doc.dump(2));
  }
  std::size_t accepted = 0;
  std::size_t refused = 0;
  const erpc::json_limits limits;
  for (const auto& t : texts) {
    INFO(t);
    const auto fast = answer_of([&] { return erpc::parse_strict(t, limits); });
    const auto full = answer_of([&] { return erpc::json_full_path::parse_strict_sax(t, limits); });
    REQUIRE(fast == full);
    (fast.rfind("ok", 0) == 0 ? accepted : refused) += 1;
  }
  // Both outcomes are well represented, so the comparison means something either way.
  REQUIRE(accepted > 200);
  REQUIRE(refused > 1000);
}

TEST_CASE("the fast path carries every example and declines what the rules refuse") {
  for (const auto& t : example_texts()) {
    json out;
    REQUIRE(erpc::detail::parse_plain_json(t, 64, out));
  }
  json out;
  for (const char* refused :
       {R"({"a":1,"a":2})", R"({"amount":12.5})", R"([1e3])", R"(["\ud800"])", "[\"\x01\"]",
        "[\"\xff\"]", "\xef\xbb\xbf{}", R"([18446744073709551616])",
        R"([-9223372036854775809])", R"([01])", R"({} x)", "", R"(["\x"])"}) {
    INFO(refused);
    REQUIRE_FALSE(erpc::detail::parse_plain_json(refused, 64, out));
  }
}

TEST_CASE("nesting limits are the full path's at the limit, past it and past the fast path's") {
  for (int depth : {63, 64, 65, 127, 128, 129, 300}) {
    const std::string t = std::string(static_cast<std::size_t>(depth), '[') +
                          std::string(static_cast<std::size_t>(depth), ']');
    for (int limit : {64, 200, 1000}) {
      INFO(depth << " deep, limit " << limit);
      const erpc::json_limits limits{std::size_t{1} << 20, limit};
      REQUIRE(answer_of([&] { return erpc::parse_strict(t, limits); }) ==
              answer_of([&] { return erpc::json_full_path::parse_strict_sax(t, limits); }));
      json doc = json::parse(t);
      auto dump_of = [](auto serialize) {
        try {
          return "ok " + serialize();
        } catch (const erpc::error& e) {
          return "error " + e.code() + " " + e.message();
        }
      };
      REQUIRE(dump_of([&] { return erpc::serialize_checked(doc, limits); }) ==
              dump_of([&] { return erpc::json_full_path::serialize_checked_dom(doc, limits); }));
    }
  }
}

TEST_CASE("serialize_checked writes nlohmann's dump byte for byte, or refuses as the DOM walk") {
  std::vector<json> docs;
  for (const auto& t : example_texts()) docs.push_back(json::parse(t));
  // Every control character, escapes, non-ASCII, the 64-bit edges, signed and unsigned.
  std::string controls;
  for (int c = 0; c < 0x20; ++c) controls += static_cast<char>(c);
  docs.push_back({{"controls", controls + "\"\\/\x7f"},
                  {"text", "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80"},
                  {"edges", {std::numeric_limits<std::int64_t>::min(),
                             std::numeric_limits<std::int64_t>::max(),
                             std::numeric_limits<std::uint64_t>::max(), -1, 0}},
                  {"empty", {json::object(), json::array(), ""}}});
  // Refusals: a float, ill-formed UTF-8 in a value and in a member name.
  docs.push_back({{"amount", 12.5}});
  docs.push_back({{"name", "\xff"}});
  docs.push_back({{"\xc3", 1}});
  docs.push_back(json::binary({1, 2}));
  const erpc::json_limits limits;
  std::size_t written = 0;
  for (const auto& d : docs) {
    std::string fast;
    std::string full;
    try {
      fast = "ok " + erpc::serialize_checked(d, limits);
    } catch (const erpc::error& e) {
      fast = "error " + e.code() + " " + e.message();
    }
    try {
      full = "ok " + erpc::json_full_path::serialize_checked_dom(d, limits);
    } catch (const erpc::error& e) {
      full = "error " + e.code() + " " + e.message();
    }
    REQUIRE(fast == full);
    if (fast.rfind("ok", 0) == 0) ++written;
  }
  REQUIRE(written == docs.size() - 4);
  // The size limit holds on the fast path too.
  const erpc::json_limits tiny{16, 64};
  REQUIRE_THROWS_WITH(erpc::serialize_checked(docs.front(), tiny),
                      Catch::Contains("exceeds the limit of 16 bytes"));
}
