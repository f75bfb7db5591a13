#include "schema_pattern.hpp"

#include <algorithm>
#include <cctype>
#include <limits>
#include <map>
#include <memory>
#include <stdexcept>

namespace erpc::contract_detail {

// Parses the pattern into a tree, then emits the NFA program (Thompson's construction, with
// counted repetition unrolled: {0,63} becomes 63 optional copies, which is small here).
class pattern_compiler {
 public:
  pattern_compiler(schema_pattern& out, std::string_view text) : out_(out), text_(text) {}

  void compile() {
    if (text_.size() < 2 || text_.front() != '^' || text_.back() != '$' || escaped_at_end()) {
      refuse("it must be anchored as ^...$");
    }
    pos_ = 1;
    end_ = text_.size() - 1;
    auto root = parse_alternatives();
    if (pos_ != end_) refuse("unbalanced ')'");
    // "^a|b$" means (^a)|(b$) to std::regex, not a whole-string match of a|b.
    if (root->k == node::kind::alternatives) refuse("a top-level '|' (group it)");
    emit(*root);
    out_.program_.push_back({schema_pattern::instruction::kind::match, 0, 0});
  }

 private:
  struct node {
    enum class kind { byte_set, sequence, alternatives, repeat } k = kind::sequence;
    std::uint32_t set = 0;
    std::vector<std::unique_ptr<node>> children;
    std::size_t min = 0;
    std::size_t max = 0;  // unbounded when equal to k_unbounded
  };
  static constexpr std::size_t k_unbounded = std::numeric_limits<std::size_t>::max();
  static constexpr std::size_t k_max_count = 1000;

  [[noreturn]] void refuse(std::string_view why) const {
    throw std::invalid_argument("pattern '" + std::string(text_) + "': " + std::string(why));
  }

  bool escaped_at_end() const {
    std::size_t backslashes = 0;
    for (std::size_t i = text_.size() - 1; i > 0 && text_[i - 1] == '\\'; --i) ++backslashes;
    return backslashes % 2 == 1;
  }

  bool at_end() const { return pos_ >= end_; }
  char peek() const { return text_[pos_]; }

  std::uint32_t add_set(const std::bitset<256>& set) {
    out_.sets_.push_back(set);
    return static_cast<std::uint32_t>(out_.sets_.size() - 1);
  }

  std::unique_ptr<node> set_node(const std::bitset<256>& set) {
    auto n = std::make_unique<node>();
    n->k = node::kind::byte_set;
    n->set = add_set(set);
    return n;
  }

  static std::bitset<256> single(unsigned char c) {
    std::bitset<256> s;
    s.set(c);
    return s;
  }

  // \s \d \w as std::regex_traits<char> classifies them in the "C" locale.
  static bool class_escape(char c, std::bitset<256>& out) {
    std::bitset<256> s;
    const char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (int b = 0; b < 128; ++b) {
      const bool in = (lower == 's' && std::isspace(b) != 0) ||
                      (lower == 'd' && std::isdigit(b) != 0) ||
                      (lower == 'w' && (std::isalnum(b) != 0 || b == '_'));
      if (in) s.set(static_cast<std::size_t>(b));
    }
    if (lower != 's' && lower != 'd' && lower != 'w') return false;
    out = std::isupper(static_cast<unsigned char>(c)) != 0 ? ~s : s;
    return true;
  }

  // The byte a simple escape stands for; refuses escapes with other meanings (\b, \1, \x...).
  unsigned char literal_escape(char c) const {
    switch (c) {
      case 'n': return '\n';
      case 't': return '\t';
      case 'r': return '\r';
      case 'f': return '\f';
      case 'v': return '\v';
      default: break;
    }
    if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
      refuse(std::string("unsupported escape \\") + c);
    }
    return static_cast<unsigned char>(c);
  }

  std::unique_ptr<node> parse_alternatives() {
    auto first = parse_sequence();
    if (at_end() || peek() != '|') return first;
    auto alt = std::make_unique<node>();
    alt->k = node::kind::alternatives;
    alt->children.push_back(std::move(first));
    while (!at_end() && peek() == '|') {
      ++pos_;
      alt->children.push_back(parse_sequence());
    }
    return alt;
  }

  std::unique_ptr<node> parse_sequence() {
    auto seq = std::make_unique<node>();
    seq->k = node::kind::sequence;
    while (!at_end() && peek() != '|' && peek() != ')') {
      seq->children.push_back(parse_quantified(parse_atom()));
    }
    return seq;
  }

  std::unique_ptr<node> parse_atom() {
    const char c = text_[pos_++];
    switch (c) {
      case '(': {
        if (!at_end() && peek() == '?') refuse("groups with (? are not supported");
        auto inner = parse_alternatives();
        if (at_end() || peek() != ')') refuse("unclosed '('");
        ++pos_;
        return inner;
      }
      case '[':
        return parse_class();
      case '\\': {
        if (at_end()) refuse("dangling backslash");
        const char e = text_[pos_++];
        std::bitset<256> s;
        if (class_escape(e, s)) return set_node(s);
        return set_node(single(literal_escape(e)));
      }
      case '.': refuse("'.' is not supported");
      case '^':
      case '$': refuse("anchors are only supported at the ends");
      case '*':
      case '+':
      case '?':
      case '{': refuse("a quantifier with nothing to repeat");
      case ']':
      case '}': refuse("an unescaped closing bracket");
      default:
        return set_node(single(static_cast<unsigned char>(c)));
    }
  }

  std::unique_ptr<node> parse_class() {
    std::bitset<256> s;
    bool negate = false;
    if (!at_end() && peek() == '^') {
      negate = true;
      ++pos_;
    }
    bool first = true;
    for (;;) {
      if (at_end()) refuse("unclosed '['");
      char c = text_[pos_++];
      if (c == ']' && !first) break;
      first = false;
      unsigned char low = static_cast<unsigned char>(c);
      if (c == '\\') {
        if (at_end()) refuse("dangling backslash");
        const char e = text_[pos_++];
        std::bitset<256> named;
        if (class_escape(e, named)) {
          s |= named;
          continue;
        }
        low = literal_escape(e);
      } else if (c == '[') {
        refuse("nested '[' in a class");
      }
      if (pos_ + 1 < end_ && peek() == '-' && text_[pos_ + 1] != ']') {
        pos_ += 1;
        char h = text_[pos_++];
        if (h == '\\' || h == '[') refuse("escaped or bracketed range ends are not supported");
        const auto high = static_cast<unsigned char>(h);
        if (high < low) refuse("a reversed range");
        for (unsigned v = low; v <= high; ++v) s.set(v);
      } else {
        s.set(low);
      }
    }
    if (negate) s = ~s;
    return set_node(s);
  }

  std::size_t parse_count() {
    std::size_t n = 0;
    bool any = false;
    while (!at_end() && std::isdigit(static_cast<unsigned char>(peek())) != 0) {
      n = n * 10 + static_cast<std::size_t>(peek() - '0');
      if (n > k_max_count) refuse("a repetition count above 1000");
      ++pos_;
      any = true;
    }
    if (!any) refuse("a malformed {n,m}");
    return n;
  }

  std::unique_ptr<node> parse_quantified(std::unique_ptr<node> atom) {
    if (at_end()) return atom;
    std::size_t min = 0;
    std::size_t max = 0;
    switch (peek()) {
      case '?': min = 0; max = 1; ++pos_; break;
      case '*': min = 0; max = k_unbounded; ++pos_; break;
      case '+': min = 1; max = k_unbounded; ++pos_; break;
      case '{':
        ++pos_;
        min = parse_count();
        max = min;
        if (!at_end() && peek() == ',') {
          ++pos_;
          max = (!at_end() && peek() == '}') ? k_unbounded : parse_count();
        }
        if (at_end() || peek() != '}') refuse("a malformed {n,m}");
        ++pos_;
        if (max < min) refuse("{n,m} with m < n");
        break;
      default:
        return atom;
    }
    if (!at_end() && (peek() == '?' || peek() == '*' || peek() == '+' || peek() == '{')) {
      refuse("lazy or stacked quantifiers are not supported");
    }
    auto r = std::make_unique<node>();
    r->k = node::kind::repeat;
    r->min = min;
    r->max = max;
    r->children.push_back(std::move(atom));
    return r;
  }

  using instruction = schema_pattern::instruction;
  std::uint32_t here() const { return static_cast<std::uint32_t>(out_.program_.size()); }
  std::uint32_t push(instruction::kind k, std::uint32_t x = 0, std::uint32_t y = 0) {
    out_.program_.push_back({k, x, y});
    return here() - 1;
  }

  void emit(const node& n) {
    switch (n.k) {
      case node::kind::byte_set:
        push(instruction::kind::byte_set, n.set);
        return;
      case node::kind::sequence:
        for (const auto& c : n.children) emit(*c);
        return;
      case node::kind::alternatives: {
        std::vector<std::uint32_t> jumps_to_end;
        for (std::size_t i = 0; i < n.children.size(); ++i) {
          if (i + 1 == n.children.size()) {
            emit(*n.children[i]);
            break;
          }
          const auto split = push(instruction::kind::split);
          out_.program_[split].x = here();
          emit(*n.children[i]);
          jumps_to_end.push_back(push(instruction::kind::jump));
          out_.program_[split].y = here();
        }
        for (auto j : jumps_to_end) out_.program_[j].x = here();
        return;
      }
      case node::kind::repeat: {
        for (std::size_t i = 0; i < n.min; ++i) emit(*n.children[0]);
        if (n.max == k_unbounded) {
          const auto loop = push(instruction::kind::split);
          out_.program_[loop].x = here();
          emit(*n.children[0]);
          push(instruction::kind::jump, loop);
          out_.program_[loop].y = here();
          return;
        }
        std::vector<std::uint32_t> skips;
        for (std::size_t i = n.min; i < n.max; ++i) {
          const auto split = push(instruction::kind::split);
          out_.program_[split].x = here();
          skips.push_back(split);
          emit(*n.children[0]);
        }
        for (auto s : skips) out_.program_[s].y = here();
        return;
      }
    }
  }

  schema_pattern& out_;
  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
};

schema_pattern::schema_pattern(std::string_view pattern) : source_(pattern) {
  pattern_compiler(*this, source_).compile();
  build_dfa();
}

void schema_pattern::build_dfa() {
  // Bytes in exactly the same character classes behave alike: one column per such group.
  std::map<std::vector<bool>, std::uint8_t> class_of_signature;
  std::vector<unsigned> representative;
  for (unsigned b = 0; b < 256; ++b) {
    std::vector<bool> signature(sets_.size());
    for (std::size_t i = 0; i < sets_.size(); ++i) signature[i] = sets_[i].test(b);
    if (representative.size() > 255 && !class_of_signature.contains(signature)) {
      throw std::invalid_argument("pattern '" + source_ + "': more than 256 byte classes");
    }
    auto [it, added] =
        class_of_signature.emplace(signature, static_cast<std::uint8_t>(representative.size()));
    if (added) representative.push_back(b);
    byte_class_[b] = it->second;
  }
  classes_ = static_cast<std::uint32_t>(representative.size());

  // NFA state sets: the consuming and matching instructions reachable without input.
  using state_set = std::vector<std::uint32_t>;
  auto closure = [this](const state_set& from) {
    std::vector<bool> seen(program_.size(), false);
    std::vector<std::uint32_t> pending(from.rbegin(), from.rend());
    state_set out;
    while (!pending.empty()) {
      const auto pc = pending.back();
      pending.pop_back();
      if (seen[pc]) continue;
      seen[pc] = true;
      const auto& in = program_[pc];
      if (in.op == instruction::kind::jump) {
        pending.push_back(in.x);
      } else if (in.op == instruction::kind::split) {
        pending.push_back(in.y);
        pending.push_back(in.x);
      } else {
        out.push_back(pc);
      }
    }
    std::sort(out.begin(), out.end());
    return out;
  };

  constexpr std::size_t k_max_states = 4096;
  std::map<state_set, std::uint32_t> id_of;
  std::vector<state_set> sets;
  auto intern = [&](state_set s) -> std::uint32_t {
    if (s.empty()) return dead;
    if (const auto it = id_of.find(s); it != id_of.end()) return it->second;
    if (sets.size() >= k_max_states) {
      throw std::invalid_argument("pattern '" + source_ + "': more than 4096 DFA states");
    }
    const auto id = static_cast<std::uint32_t>(sets.size());
    id_of.emplace(s, id);
    sets.push_back(std::move(s));
    return id;
  };
  sets.emplace_back();  // state 0: dead
  start_ = intern(closure({0}));
  for (std::uint32_t state = 1; state < sets.size(); ++state) {
    next_.resize(sets.size() * classes_, dead);
    for (std::uint32_t c = 0; c < classes_; ++c) {
      state_set moved;
      for (const auto pc : sets[state]) {
        const auto& in = program_[pc];
        if (in.op == instruction::kind::byte_set && sets_[in.x].test(representative[c])) {
          moved.push_back(pc + 1);
        }
      }
      const auto target = intern(closure(moved));
      next_.resize(sets.size() * classes_, dead);
      next_[state * classes_ + c] = target;
    }
  }
  next_.resize(sets.size() * classes_, dead);
  accepting_.assign(sets.size(), false);
  for (std::uint32_t state = 1; state < sets.size(); ++state) {
    for (const auto pc : sets[state]) {
      if (program_[pc].op == instruction::kind::match) accepting_[state] = true;
    }
  }
  program_.clear();
  program_.shrink_to_fit();
}

bool schema_pattern::matches(std::string_view text) const {
  std::uint32_t state = start_;
  for (const char ch : text) {
    if (state == dead) return false;
    state = next_[state * classes_ + byte_class_[static_cast<unsigned char>(ch)]];
  }
  return accepting_[state];
}

}  // namespace erpc::contract_detail
