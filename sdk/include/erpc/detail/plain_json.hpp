// SPDX-License-Identifier: Apache-2.0
// The fast path for the JSON both sides of the ABI exchange on every call: a parser and a
// writer for "plain" documents — integers only, UTF-8, no duplicate member names, nesting
// within a limit — which is what the host's boundary rules let through (abi.h). Both build or
// read nlohmann::json exactly as nlohmann's own parse()/dump() would, with a fraction of the
// work (no per-character lexer state, no token buffer, one lookup per member).
//
// Neither judges anything: each *declines* (returns false) on whatever is not plain — a
// syntax error, a fraction or exponent, a duplicate name, a lone surrogate, a control
// character, ill-formed UTF-8, nesting past the limit, an integer outside 64 bits — and the
// caller then runs its own full path (nlohmann's parse/dump, the host's strict parser), which
// accepts, rejects and words its errors as before. So a document takes the fast path only when
// the full path would have accepted it and produced the same DOM (sdk/tests/plain_json_test.cpp
// and host/json/tests/strict_json_fast_path_test.cpp check both over the example documents
// and thousands of mutations of them).
#pragma once

#include <nlohmann/json.hpp>

#include <charconv>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>

namespace erpc::detail {

// The recursion of both is bounded by this, whatever limit the caller passes; deeper
// documents decline and go to the caller's full (heap-stacked) path.
inline constexpr int plain_json_max_depth = 128;

namespace plain_json_impl {

// Length of the well-formed UTF-8 sequence at p (RFC 3629, Unicode Table 3-7: no overlongs,
// no surrogates, at most U+10FFFF), 0 if ill-formed. *p >= 0x80.
inline int utf8_sequence(const unsigned char* p, const unsigned char* end) noexcept {
  const unsigned char c = p[0];
  auto cont = [&](int i) { return p + i < end && (p[i] & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    if (c == 0xE0 && p[1] < 0xA0) return 0;   // overlong
    if (c == 0xED && p[1] >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    if (c == 0xF0 && p[1] < 0x90) return 0;   // overlong
    if (c == 0xF4 && p[1] >= 0x90) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

// The first byte at or after `p` that is not printable ASCII other than '"' and '\\' — a
// byte the writer copies as it is — or `end`. (The parser keeps its byte loop: its strings are
// mostly short names, for which this measured slower.) Eight bytes a step: a word is
// skipped when none of its bytes has the high bit set, is below 0x20, or equals '"' or '\\'
// (the classic has-zero-byte / has-byte-less-than tests, exact as yes/no answers).
inline const unsigned char* skip_plain_ascii(const unsigned char* p,
                                             const unsigned char* end) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101ULL;
  constexpr std::uint64_t highs = 0x8080808080808080ULL;
  while (end - p >= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, sizeof w);
    const std::uint64_t quote = w ^ (ones * '"');
    const std::uint64_t backslash = w ^ (ones * '\\');
    const std::uint64_t special = (w | ((w - ones * 0x20) & ~w) | ((quote - ones) & ~quote) |
                                   ((backslash - ones) & ~backslash)) &
                                  highs;
    if (special != 0) break;
    p += 8;
  }
  while (p < end && *p >= 0x20 && *p < 0x80 && *p != '"' && *p != '\\') ++p;
  return p;
}

inline void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

class parser {
 public:
  parser(std::string_view text, int max_depth) noexcept
      : p_(reinterpret_cast<const unsigned char*>(text.data())),
        end_(p_ + text.size()),
        max_depth_(max_depth < plain_json_max_depth ? max_depth : plain_json_max_depth) {}

  bool document(nlohmann::json& out) {
    skip_space();
    if (!value(out, 0)) return false;
    skip_space();
    return p_ == end_;
  }

 private:
  void skip_space() noexcept {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }

  bool literal(std::string_view word) noexcept {
    if (static_cast<std::size_t>(end_ - p_) < word.size()) return false;
    if (std::string_view(reinterpret_cast<const char*>(p_), word.size()) != word) return false;
    p_ += word.size();
    return true;
  }

  bool value(nlohmann::json& out, int depth) {
    if (p_ == end_) return false;
    switch (*p_) {
      case '{': return object(out, depth + 1);
      case '[': return array(out, depth + 1);
      case '"': {
        std::string s;
        if (!string(s)) return false;
        out = std::move(s);
        return true;
      }
      case 't':
        if (!literal("true")) return false;
        out = true;
        return true;
      case 'f':
        if (!literal("false")) return false;
        out = false;
        return true;
      case 'n':
        if (!literal("null")) return false;
        out = nullptr;
        return true;
      default: return number(out);
    }
  }

  bool object(nlohmann::json& out, int depth) {
    if (depth > max_depth_) return false;
    ++p_;
    out = nlohmann::json::object();
    auto& members = *out.get_ptr<nlohmann::json::object_t*>();
    skip_space();
    if (p_ < end_ && *p_ == '}') {
      ++p_;
      return true;
    }
    std::string name;
    for (;;) {
      if (p_ == end_ || *p_ != '"') return false;
      name.clear();
      if (!string(name)) return false;
      skip_space();
      if (p_ == end_ || *p_ != ':') return false;
      ++p_;
      skip_space();
      auto [it, inserted] = members.try_emplace(std::move(name));
      if (!inserted) return false;  // duplicate name: the full path decides
      if (!value(it->second, depth)) return false;
      skip_space();
      if (p_ == end_) return false;
      if (*p_ == ',') {
        ++p_;
        skip_space();
        continue;
      }
      if (*p_ != '}') return false;
      ++p_;
      return true;
    }
  }

  bool array(nlohmann::json& out, int depth) {
    if (depth > max_depth_) return false;
    ++p_;
    out = nlohmann::json::array();
    auto& items = *out.get_ptr<nlohmann::json::array_t*>();
    skip_space();
    if (p_ < end_ && *p_ == ']') {
      ++p_;
      return true;
    }
    for (;;) {
      items.emplace_back();
      if (!value(items.back(), depth)) return false;
      skip_space();
      if (p_ == end_) return false;
      if (*p_ == ',') {
        ++p_;
        skip_space();
        continue;
      }
      if (*p_ != ']') return false;
      ++p_;
      return true;
    }
  }

  bool hex4(std::uint32_t& v) noexcept {
    if (end_ - p_ < 4) return false;
    v = 0;
    for (int i = 0; i < 4; ++i) {
      const unsigned char c = p_[i];
      v <<= 4;
      if (c >= '0' && c <= '9') {
        v |= c - '0';
      } else if (c >= 'a' && c <= 'f') {
        v |= c - 'a' + 10;
      } else if (c >= 'A' && c <= 'F') {
        v |= c - 'A' + 10;
      } else {
        return false;
      }
    }
    p_ += 4;
    return true;
  }

  // At the opening quote; appends the decoded text to `out`.
  bool string(std::string& out) {
    ++p_;
    const unsigned char* run = p_;
    for (;;) {
      if (p_ == end_) return false;
      const unsigned char c = *p_;
      if (c == '"') {
        out.append(reinterpret_cast<const char*>(run), p_ - run);
        ++p_;
        return true;
      }
      if (c < 0x20) return false;
      if (c < 0x80 && c != '\\') {
        ++p_;
        continue;
      }
      if (c >= 0x80) {
        const int n = utf8_sequence(p_, end_);
        if (n == 0) return false;
        p_ += n;
        continue;
      }
      out.append(reinterpret_cast<const char*>(run), p_ - run);
      if (++p_ == end_) return false;
      switch (*p_++) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          std::uint32_t cp = 0;
          if (!hex4(cp)) return false;
          if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // lone low surrogate
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            std::uint32_t low = 0;
            if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
            p_ += 2;
            if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          append_utf8(out, cp);
          break;
        }
        default: return false;
      }
      run = p_;
    }
  }

  // Integers only, typed as nlohmann types them: negative as number_integer, the rest as
  // number_unsigned.
  bool number(nlohmann::json& out) noexcept {
    const unsigned char* start = p_;
    const bool negative = *p_ == '-';
    if (negative) ++p_;
    if (p_ == end_ || *p_ < '0' || *p_ > '9') return false;
    if (*p_ == '0' && p_ + 1 < end_ && p_[1] >= '0' && p_[1] <= '9') return false;
    while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    if (p_ < end_ && (*p_ == '.' || *p_ == 'e' || *p_ == 'E')) return false;
    const char* first = reinterpret_cast<const char*>(start);
    const char* last = reinterpret_cast<const char*>(p_);
    if (negative) {
      std::int64_t v = 0;
      const auto r = std::from_chars(first, last, v);
      if (r.ec != std::errc() || r.ptr != last) return false;
      out = v;
    } else {
      std::uint64_t v = 0;
      const auto r = std::from_chars(first, last, v);
      if (r.ec != std::errc() || r.ptr != last) return false;
      out = v;
    }
    return true;
  }

  const unsigned char* p_;
  const unsigned char* end_;
  int max_depth_;
};

class writer {
 public:
  writer(std::string& out, int max_depth) noexcept
      : out_(out),
        max_depth_(max_depth < plain_json_max_depth ? max_depth : plain_json_max_depth) {}

  bool value(const nlohmann::json& v, int depth) {
    switch (v.type()) {
      case nlohmann::json::value_t::object: {
        if (depth + 1 > max_depth_) return false;
        const auto& members = *v.get_ptr<const nlohmann::json::object_t*>();
        out_ += '{';
        bool first = true;
        for (const auto& [name, child] : members) {
          if (!first) out_ += ',';
          first = false;
          if (!string(name)) return false;
          out_ += ':';
          if (!value(child, depth + 1)) return false;
        }
        out_ += '}';
        return true;
      }
      case nlohmann::json::value_t::array: {
        if (depth + 1 > max_depth_) return false;
        out_ += '[';
        bool first = true;
        for (const auto& child : *v.get_ptr<const nlohmann::json::array_t*>()) {
          if (!first) out_ += ',';
          first = false;
          if (!value(child, depth + 1)) return false;
        }
        out_ += ']';
        return true;
      }
      case nlohmann::json::value_t::string:
        return string(*v.get_ptr<const std::string*>());
      case nlohmann::json::value_t::boolean:
        out_ += v.get<bool>() ? "true" : "false";
        return true;
      case nlohmann::json::value_t::null:
        out_ += "null";
        return true;
      case nlohmann::json::value_t::number_integer:
        return integer(v.get<std::int64_t>());
      case nlohmann::json::value_t::number_unsigned:
        return integer(v.get<std::uint64_t>());
      default:  // number_float, binary, discarded: not plain
        return false;
    }
  }

  // One string as a JSON string (a member name or a value); false if it is not valid UTF-8.
  bool value_string(const std::string& s) { return string(s); }

 private:
  template <class Int>
  bool integer(Int i) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, i);
    out_.append(buf, r.ptr);
    return true;
  }

  // nlohmann's dump with ensure_ascii off: \" \\ \b \f \n \r \t, other controls as \u00xx,
  // everything else (valid UTF-8) as is.
  bool string(const std::string& s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const auto* end = p + s.size();
    if (skip_plain_ascii(p, end) == end) {
      // Nothing to escape or check (the usual name or value): quotes and text in one step.
      const auto at = out_.size();
      out_.resize(at + s.size() + 2);
      char* d = out_.data() + at;
      d[0] = '"';
      std::memcpy(d + 1, s.data(), s.size());
      d[s.size() + 1] = '"';
      return true;
    }
    out_ += '"';
    const auto* run = p;
    while (p < end) {
      p = skip_plain_ascii(p, end);
      if (p == end) break;
      const unsigned char c = *p;
      if (c >= 0x80) {
        const int n = utf8_sequence(p, end);
        if (n == 0) return false;
        p += n;
        continue;
      }
      if (c >= 0x20 && c != '"' && c != '\\') {
        ++p;
        continue;
      }
      out_.append(reinterpret_cast<const char*>(run), p - run);
      switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\b': out_ += "\\b"; break;
        case '\f': out_ += "\\f"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default: {
          static constexpr char hex[] = "0123456789abcdef";
          const char escaped[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
          out_.append(escaped, sizeof escaped);
        }
      }
      run = ++p;
    }
    out_.append(reinterpret_cast<const char*>(run), end - run);
    out_ += '"';
    return true;
  }

  std::string& out_;
  int max_depth_;
};

}  // namespace plain_json_impl

// Parses `text` into `out` if it is plain JSON nested at most `max_depth` deep; false (and
// `out` unspecified) otherwise.
inline bool parse_plain_json(std::string_view text, int max_depth, nlohmann::json& out) {
  return plain_json_impl::parser(text, max_depth).document(out);
}

// Appends nlohmann's compact dump of `value` to `out` if it is plain and nested at most
// `max_depth` deep; false (and `out` unspecified) otherwise.
inline bool write_plain_json(const nlohmann::json& value, int max_depth, std::string& out) {
  return plain_json_impl::writer(out, max_depth).value(value, 0);
}

// Appends nlohmann's compact dump of the string `s` (ensure_ascii off) to `out` if `s` is
// valid UTF-8; false (and `out` unchanged) otherwise.
inline bool write_plain_json_string(const std::string& s, std::string& out) {
  const auto size = out.size();
  if (plain_json_impl::writer(out, plain_json_max_depth).value_string(s)) return true;
  out.resize(size);
  return false;
}

// nlohmann::json::parse(text, nullptr, false) for a document from the host (already strict,
// so the fast path nearly always applies): a discarded value when malformed.
inline nlohmann::json parse_json_text(const char* text, std::size_t len) {
  nlohmann::json out;
  if (parse_plain_json(std::string_view(text, len), plain_json_max_depth, out)) return out;
  return nlohmann::json::parse(text, text + len, nullptr, /*allow_exceptions=*/false);
}

// document.dump(), through the fast path when the document is plain.
inline std::string dump_json_text(const nlohmann::json& document) {
  std::string out;
  out.reserve(512);
  if (write_plain_json(document, plain_json_max_depth, out)) return out;
  return document.dump();
}

}  // namespace erpc::detail
