// SPDX-License-Identifier: Apache-2.0
#include <erpc/host/canonical_json.hpp>

#include <erpc/host/json_pointer_token.hpp>
#include "json_rejection.hpp"
#include "utf8.hpp"

#include <erpc/error.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

namespace erpc {

namespace {

using json = nlohmann::json;

using json_boundary::reject;

// RFC 8785 §3.2.2.2: the JSON.stringify escapes and nothing else; all other characters are
// written as UTF-8.
void append_string(std::string& out, std::string_view s, const std::string& at) {
  if (detail::find_invalid_utf8(s) != detail::utf8_valid) {
    throw reject("json.invalid_utf8", at, "string at '" + at + "' is not UTF-8");
  }
  static constexpr char hex[] = "0123456789abcdef";
  out.push_back('"');
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out.push_back(hex[c >> 4]);
          out.push_back(hex[c & 0xF]);
        } else {
          out.push_back(ch);
        }
    }
  }
  out.push_back('"');
}

void append_value(std::string& out, const json& v, const json_limits& limits, int depth,
                  std::string& at) {
  switch (v.type()) {
    case json::value_t::null: out += "null"; return;
    case json::value_t::boolean: out += v.get<bool>() ? "true" : "false"; return;
    case json::value_t::number_integer: out += std::to_string(v.get<std::int64_t>()); return;
    case json::value_t::number_unsigned: out += std::to_string(v.get<std::uint64_t>()); return;
    case json::value_t::number_float: {
      const double d = v.get<double>();
      if (!std::isfinite(d)) {
        throw reject("json.non_finite_number", at, "NaN or infinity at '" + at + "'");
      }
      out += format_es_number(d);
      return;
    }
    case json::value_t::string: append_string(out, v.get_ref<const std::string&>(), at); return;
    case json::value_t::array:
    case json::value_t::object: break;
    case json::value_t::binary:
    case json::value_t::discarded:
      throw reject("json.unsupported_value", at, "value at '" + at + "' has no JSON form");
  }
  if (depth + 1 > limits.max_depth) {
    throw reject("json.too_deep", at,
                 "nesting deeper than " + std::to_string(limits.max_depth) + " at '" + at + "'");
  }
  const std::size_t mark = at.size();
  if (v.is_array()) {
    out.push_back('[');
    std::size_t i = 0;
    for (const auto& child : v) {
      if (i != 0) out.push_back(',');
      at += "/" + std::to_string(i++);
      append_value(out, child, limits, depth + 1, at);
      at.resize(mark);
    }
    out.push_back(']');
    return;
  }
  // nlohmann's std::map orders by UTF-8 bytes, which differs from UTF-16 order above U+FFFF.
  struct member {
    std::u16string sort_key;
    const std::string* name;
    const json* value;
  };
  std::vector<member> members;
  members.reserve(v.size());
  for (auto it = v.begin(); it != v.end(); ++it) {
    const std::string& name = it.key();
    if (detail::find_invalid_utf8(name) != detail::utf8_valid) {
      std::string p = at;
      append_pointer_token(p, name);
      throw reject("json.invalid_utf8", p, "member name at '" + p + "' is not UTF-8");
    }
    members.push_back({detail::to_utf16(name), &name, &it.value()});
  }
  std::sort(members.begin(), members.end(),
            [](const member& a, const member& b) { return a.sort_key < b.sort_key; });
  out.push_back('{');
  bool first = true;
  for (const auto& m : members) {
    if (!first) out.push_back(',');
    first = false;
    append_pointer_token(at, *m.name);
    append_string(out, *m.name, at);
    out.push_back(':');
    append_value(out, *m.value, limits, depth + 1, at);
    at.resize(mark);
  }
  out.push_back('}');
}

}  // namespace

// ECMA-262 Number::toString(x) (radix 10) from the shortest round-trip digits of std::to_chars:
// with k significant digits and decimal exponent n (value = 0.d1..dk × 10^n) it chooses integer,
// fixed or exponential notation exactly as §7.1.12.1 / RFC 8785 §3.2.2.3 prescribe.
std::string format_es_number(double value) {
  if (value == 0) return "0";  // also -0
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
  if (res.ec != std::errc{}) throw error(error_class::internal, "json.number_format", "to_chars");
  const std::string_view sci(buf, static_cast<std::size_t>(res.ptr - buf));  // "-d.ddde+XX"
  std::string out;
  std::size_t i = 0;
  if (sci[0] == '-') {
    out.push_back('-');
    i = 1;
  }
  const std::size_t e_pos = sci.find('e');
  std::string digits;
  for (std::size_t k = i; k < e_pos; ++k) {
    if (sci[k] != '.') digits.push_back(sci[k]);
  }
  const int exp10 = std::atoi(std::string(sci.substr(e_pos + 1)).c_str());
  const int k = static_cast<int>(digits.size());
  const int n = exp10 + 1;
  if (k <= n && n <= 21) {
    out += digits;
    out.append(static_cast<std::size_t>(n - k), '0');
  } else if (0 < n && n <= 21) {
    out.append(digits, 0, static_cast<std::size_t>(n));
    out.push_back('.');
    out.append(digits, static_cast<std::size_t>(n));
  } else if (-6 < n && n <= 0) {
    out += "0.";
    out.append(static_cast<std::size_t>(-n), '0');
    out += digits;
  } else {
    out.push_back(digits[0]);
    if (k > 1) {
      out.push_back('.');
      out.append(digits, 1);
    }
    out.push_back('e');
    out.push_back(n - 1 >= 0 ? '+' : '-');
    out += std::to_string(std::abs(n - 1));
  }
  return out;
}

std::string canonicalize(const json& value, const json_limits& limits) {
  std::string out;
  std::string at;
  append_value(out, value, limits, 0, at);
  return out;
}

}  // namespace erpc
