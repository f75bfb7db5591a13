// SPDX-License-Identifier: Apache-2.0
// The SDK side of the plain-JSON fast path: what an adapter parses from the host and dumps
// back must be exactly what nlohmann::json::parse / dump() give, on the example documents and
// on thousands of mutations of them (the fast path declines, nlohmann decides).
#include "support/json_text_mutations.hpp"

#include <erpc/detail/plain_json.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

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
  return out;
}

// The DOM with each number's type, so that equal values of different types differ.
std::string typed(const json& v) {
  if (v.is_object()) {
    std::string s = "{";
    for (const auto& [k, c] : v.items()) s += json(k).dump() + ":" + typed(c) + ",";
    return s + "}";
  }
  if (v.is_array()) {
    std::string s = "[";
    for (const auto& c : v) s += typed(c) + ",";
    return s + "]";
  }
  if (v.is_number_integer() && !v.is_number_unsigned()) return "i" + v.dump();
  if (v.is_number_unsigned()) return "u" + v.dump();
  if (v.is_number_float()) return "f" + v.dump();
  return v.dump();
}

}  // namespace

TEST_CASE("parse_json_text gives what nlohmann::json::parse gives, on mutated texts too") {
  const auto bases = example_texts();
  REQUIRE(bases.size() >= 10);
  auto texts = erpc::testing_support::mutated_json_texts(bases, 300, 77);
  texts.insert(texts.end(), bases.begin(), bases.end());
  std::size_t fast = 0;
  for (const auto& t : texts) {
    INFO(t);
    const json mine = erpc::detail::parse_json_text(t.data(), t.size());
    const json theirs = json::parse(t, nullptr, /*allow_exceptions=*/false);
    REQUIRE(mine.is_discarded() == theirs.is_discarded());
    if (!theirs.is_discarded()) REQUIRE(typed(mine) == typed(theirs));
    json ignored;
    if (erpc::detail::parse_plain_json(t, erpc::detail::plain_json_max_depth, ignored)) ++fast;
  }
  REQUIRE(fast > 200);  // the fast path is really taken
}

TEST_CASE("dump_json_text gives dump() byte for byte, floats and all") {
  std::vector<json> docs;
  for (const auto& t : example_texts()) docs.push_back(json::parse(t));
  std::string controls;
  for (int c = 0; c < 0x20; ++c) controls += static_cast<char>(c);
  docs.push_back({{"s", controls + "\"\\/\x7f\xc3\xa9"}, {"f", 0.1}, {"n", -3}, {"u", 3u}});
  docs.push_back(json::array({1.5, "x", nullptr, true, false}));
  docs.push_back(std::string(200, '['));  // a string, not nesting
  json deep = json::array();
  for (int i = 0; i < 300; ++i) deep = json::array({deep});  // past the fast path's depth
  docs.push_back(deep);
  for (const auto& d : docs) REQUIRE(erpc::detail::dump_json_text(d) == d.dump());
  // Ill-formed UTF-8 still makes dump() throw, as before.
  REQUIRE_THROWS_AS(erpc::detail::dump_json_text(json("\xff")), json::type_error);
}

TEST_CASE("the writer's eight-byte scan finds every byte to escape or check, wherever it is") {
  // Each kind of byte the scan must stop at (or must not), at every position of strings
  // shorter and longer than one word, next to plain ASCII.
  const std::vector<std::string> specials = {"\"", "\\", "\n", "\x1f", std::string(1, '\0'),
                                             "\x7f", " ", "~", "\xc3\xa9", "\xe2\x82\xac",
                                             "\xf0\x9f\x98\x80", "\xff", "\xc3"};
  for (std::size_t length = 0; length <= 24; ++length) {
    for (std::size_t at = 0; at <= length; ++at) {
      for (const auto& special : specials) {
        const std::string s = std::string(at, 'a') + special + std::string(length - at, 'b');
        INFO("length " << length << " at " << at << " special byte " << int(special[0]));
        const json value = s;
        std::string mine;
        const bool plain = erpc::detail::write_plain_json_string(s, mine);
        std::string theirs;
        bool valid = true;
        try {
          theirs = value.dump();
        } catch (const json::type_error&) {
          valid = false;  // ill-formed UTF-8
        }
        REQUIRE(plain == valid);
        if (valid) {
          REQUIRE(mine == theirs);
          REQUIRE(erpc::detail::dump_json_text(json::array({value, value})) ==
                  json::array({value, value}).dump());
        } else {
          REQUIRE(mine.empty());  // declined, the output left as it was
        }
      }
    }
  }
}
