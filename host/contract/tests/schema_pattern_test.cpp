// schema_pattern against std::regex (what valijson runs): every pattern the embedded schemas
// use, on many generated strings, must give the same answer; unsupported syntax is refused.
#include "schema_documents.hpp"
#include "schema_pattern.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <regex>
#include <set>
#include <stdexcept>
#include <string>

using erpc::contract_detail::schema_pattern;

namespace {

// Every "pattern" value and "patternProperties" key in the embedded v1 schemas.
void collect_patterns(const nlohmann::json& node, std::set<std::string>& out) {
  if (node.is_object()) {
    for (const auto& [key, value] : node.items()) {
      if (key == "pattern" && value.is_string()) out.insert(value.get<std::string>());
      if (key == "patternProperties" && value.is_object()) {
        for (const auto& [regex, sub] : value.items()) out.insert(regex);
      }
      collect_patterns(value, out);
    }
  } else if (node.is_array()) {
    for (const auto& v : node) collect_patterns(v, out);
  }
}

std::set<std::string> schema_patterns() {
  std::set<std::string> out;
  for (const auto& [path, doc] : erpc::contract_detail::embedded_schema_documents()) {
    collect_patterns(doc, out);
  }
  return out;
}

// Strings near what the patterns accept: samples that match, then random edits of them, plus
// random strings over the characters the patterns talk about.
std::vector<std::string> probes(std::mt19937& rng) {
  static const std::string alphabet =
      "0123456789abcdefzAFZT.-_:@ \t\n19XYZa\xc3\xa9\x80";
  std::vector<std::string> out = {
      "", "0", "-0", "00", "1", "-1", "1.5", "-1.50", "1.", ".5", "123456789012345678",
      "1234567890123456789", "1.12345", "1.123456", "EUR", "eur", "EU", "EURO", "DE", "2026-03-02",
      "2026-13-02", "2026-02-30", "2026-00-01", "2026-03-02T10:00:00Z", "2026-03-02T24:00:00Z",
      "2026-03-02T10:00:60.123456789Z", "2026-03-02T10:00:00.Z", "2026-03", "2026-16", "2026-17",
      "a@b", "a@@b", "@b", "a b@c", "netsuite", "Netsuite", "a1_", "x.y", "x.y.z", "x.", "x..y",
      "1.0", "1.999", "1.1000", "COBADEFFXXX", "COBADEFF", "COBADEFFXX", "DE89370400440532013000",
      "0123456789abcdef0123456789abcdef", "00-0123456789abcdef0123456789abcdef-0123456789abcdef-01",
      "123e4567-e89b-42d3-a456-426614174000", "123e4567-e89b-12d3-a456-426614174000",
      "RF18539007547034", "ABCD", "ab-CD:12.x_", std::string(65, 'a'), std::string(64, 'a'),
      std::string("a\0b", 3)};
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  std::uniform_int_distribution<int> len(0, 40);
  const std::size_t seeds = out.size();
  for (int i = 0; i < 3000; ++i) {
    std::string s;
    if (i % 2 == 0) {
      s = out[static_cast<std::size_t>(rng() % seeds)];
      const int edits = 1 + static_cast<int>(rng() % 3);
      for (int e = 0; e < edits; ++e) {
        const std::size_t at = s.empty() ? 0 : rng() % (s.size() + 1);
        switch (rng() % 3) {
          case 0: s.insert(at, 1, alphabet[pick(rng)]); break;
          case 1: if (at < s.size()) s.erase(at, 1); break;
          default: if (at < s.size()) s[at] = alphabet[pick(rng)]; break;
        }
      }
    } else {
      const int n = len(rng);
      for (int k = 0; k < n; ++k) s.push_back(alphabet[pick(rng)]);
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

TEST_CASE("every schema pattern answers as std::regex_search does", "[contract][pattern]") {
  std::mt19937 rng(20260301);
  const auto strings = probes(rng);
  const auto patterns = schema_patterns();
  REQUIRE(patterns.size() >= 20);
  for (const auto& p : patterns) {
    const schema_pattern compiled(p);
    const std::regex reference(p);
    std::size_t accepted = 0;
    for (const auto& s : strings) {
      const bool expected = std::regex_search(s, reference);
      INFO("pattern " << p << " on '" << s << "'");
      REQUIRE(compiled.matches(s) == expected);
      if (expected) ++accepted;
    }
    INFO("pattern " << p);
    CHECK(accepted < strings.size());  // the probes tell accepting from refusing
  }
}

TEST_CASE("schema_pattern handles each construct it claims", "[contract][pattern]") {
  CHECK(schema_pattern("^a(b|cd)*e$").matches("abcdbe"));
  CHECK_FALSE(schema_pattern("^a(b|cd)*e$").matches("abce"));
  CHECK(schema_pattern("^[^@\\s]+@[^@\\s]+$").matches("x@y"));
  CHECK_FALSE(schema_pattern("^[^@\\s]+@[^@\\s]+$").matches("x y@z"));
  CHECK(schema_pattern("^[A-Za-z0-9_.:-]{1,3}$").matches("a-:"));
  CHECK_FALSE(schema_pattern("^[A-Za-z0-9_.:-]{1,3}$").matches("abcd"));
  CHECK(schema_pattern("^x{2,}$").matches("xxxxx"));
  CHECK_FALSE(schema_pattern("^x{2,}$").matches("x"));
  CHECK(schema_pattern("^\\d\\w\\s$").matches("1_ "));
  // A long input runs in linear time and without recursion.
  std::string dotted = "a";
  for (int i = 0; i < 20000; ++i) dotted += ".b";
  CHECK(schema_pattern("^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+$").matches(dotted));
  CHECK_FALSE(schema_pattern("^[^@\\s]+@[^@\\s]+$").matches(std::string(100000, 'a')));
}

TEST_CASE("schema_pattern refuses syntax outside its subset", "[contract][pattern]") {
  for (const char* p : {"abc", "^abc", "abc$", "^a.b$", "^(?=a)$", "^a*?$", "^\\bx$", "^(a)\\1$",
                        "^a|b$x", "^a$b$", "^[a-$", "^(a$", "^a)$", "^{2}$", "^a{3,1}$",
                        "^\\x41$", "^a|b$"}) {
    INFO(p);
    CHECK_THROWS_AS(schema_pattern(p), std::invalid_argument);
  }
}
