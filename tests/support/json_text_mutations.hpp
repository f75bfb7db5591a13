#pragma once
// Deterministic byte-level mutations of JSON texts for differential tests of JSON parsers: the
// tokens are the ones that decide between accepting and refusing (numbers at the 64-bit edges,
// fractions, escapes and surrogates, ill-formed UTF-8, control characters, duplicate names,
// unbalanced brackets), inserted, substituted or cut at random places.

#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace erpc::testing_support {

inline const std::vector<std::string>& json_mutation_tokens() {
  static const std::vector<std::string> tokens = {
      "{", "}", "[", "]", ",", ":", "\"", "\\", " ", "\n", "1.5", "1e3", "2E-1", "-", "-0", "01",
      "0", "true", "fals", "null", "nul", "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80", "\xff",
      "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\\ud800", "\\udc00", "\\u00e9",
      "\\ud83d\\ude00", "\\u0000", "\\u001f", "\\/", "\\x", "\\uZZZZ", "\t", "\x01", "\x7f",
      "\"a\":1,", "\"a\":1,\"a\":2,", "\"k\\u0041\":0,\"kA\":1,", "18446744073709551615",
      "18446744073709551616", "-9223372036854775808", "-9223372036854775809",
      "9223372036854775808", "[[[[[[[[", "]]]]", "{\"\":{}}", "\xef\xbb\xbf"};
  return tokens;
}

// `count` mutants of each base text (one to three edits each), reproducible from `seed`.
inline std::vector<std::string> mutated_json_texts(const std::vector<std::string>& bases,
                                                   std::size_t count, unsigned seed = 4242) {
  std::mt19937 rng(seed);
  const auto& tokens = json_mutation_tokens();
  std::vector<std::string> out;
  for (const auto& base : bases) {
    for (std::size_t i = 0; i < count; ++i) {
      std::string t = base;
      const int edits = 1 + static_cast<int>(rng() % 3);
      for (int e = 0; e < edits && !t.empty(); ++e) {
        const std::size_t at = rng() % t.size();
        const std::string& token = tokens[rng() % tokens.size()];
        switch (rng() % 4) {
          case 0: t.insert(at, token); break;
          case 1: t.replace(at, 1, token); break;
          case 2: t.erase(at, 1 + rng() % 3); break;
          default: {
            // Aim at a value: replace the digits or the string content after a colon.
            const std::size_t colon = t.find(':', at);
            if (colon == std::string::npos || colon + 1 >= t.size()) break;
            std::size_t end = colon + 1;
            if (t[end] == '"') {
              end = t.find('"', end + 1);
              if (end == std::string::npos) break;
              t.insert(end, token);
            } else {
              while (end < t.size() && t[end] != ',' && t[end] != '}' && t[end] != ']') ++end;
              t.replace(colon + 1, end - colon - 1, token);
            }
          }
        }
      }
      out.push_back(std::move(t));
    }
  }
  return out;
}

}  // namespace erpc::testing_support
