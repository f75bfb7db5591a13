// A JSON Schema "pattern" compiled once into a small NFA and matched without std::regex.
// Only the ECMAScript subset the contract v1 schemas use is accepted, so that the answer is the
// one std::regex_search gives (valijson's engine, kept as the reference in the tests):
//   anchored "^...$" (no other anchors), literals, escaped punctuation, \s \d \w,
//   bracket classes with ranges and negation, groups "(...)" with "|", and the greedy
//   quantifiers ? * + {n} {n,} {n,m}.
// Anything else (lookaround, back-references, lazy quantifiers, "." ...) is refused when the
// schema is compiled, so a schema change that needs more fails loudly in the tests.
// The NFA is turned into a DFA when the pattern is compiled (subset construction over classes
// of bytes that every character class treats alike), so matching is one table step per byte:
// linear in the text, no recursion, no backtracking, no allocation.
#pragma once

#include <array>
#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace erpc::contract_detail {

class schema_pattern {
 public:
  // Throws std::invalid_argument naming the unsupported construct.
  explicit schema_pattern(std::string_view pattern);

  // Whether `text` matches the whole pattern (bytes, as std::regex sees a std::string).
  bool matches(std::string_view text) const;

  const std::string& source() const noexcept { return source_; }

 private:
  struct instruction {
    enum class kind : std::uint8_t { byte_set, split, jump, match };
    kind op = kind::match;
    std::uint32_t x = 0;  // byte_set: index into sets_; split/jump: target
    std::uint32_t y = 0;  // split: second target
  };
  friend class pattern_compiler;

  void build_dfa();

  std::string source_;
  std::vector<instruction> program_;  // the NFA (only needed to build the DFA)
  std::vector<std::bitset<256>> sets_;

  static constexpr std::uint32_t dead = 0;      // the DFA state no text gets out of
  std::array<std::uint8_t, 256> byte_class_{};  // byte -> its class
  std::uint32_t classes_ = 0;
  std::uint32_t start_ = dead;
  std::vector<std::uint32_t> next_;  // next_[state * classes_ + class]
  std::vector<bool> accepting_;
};

}  // namespace erpc::contract_detail
