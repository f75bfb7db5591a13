// SPDX-License-Identifier: Apache-2.0
#include "entity_key.hpp"

#include <algorithm>
#include <cctype>

namespace erpc::sim::fo {

std::optional<entity_path> parse_entity_path(std::string_view s) {
  entity_path out;
  const auto open = s.find('(');
  if (open == std::string_view::npos) {
    if (s.empty() || s.find(')') != std::string_view::npos) return std::nullopt;
    out.entity_set = std::string(s);
    return out;
  }
  if (open == 0 || s.back() != ')') return std::nullopt;
  out.entity_set = std::string(s.substr(0, open));
  std::map<std::string, std::string> key;
  std::size_t pos = open + 1;
  const std::size_t end = s.size() - 1;
  while (pos < end) {
    const auto eq = s.find('=', pos);
    if (eq == std::string_view::npos || eq >= end) return std::nullopt;
    const auto name = std::string(s.substr(pos, eq - pos));
    if (name.empty()) return std::nullopt;
    for (const char c : name) {
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return std::nullopt;
    }
    pos = eq + 1;
    if (pos >= end) return std::nullopt;
    std::string value;
    if (s[pos] != '\'') {
      // A number key (LineNumber=1) is written without quotes.
      const auto stop = std::min(s.find(',', pos), end);
      value = std::string(s.substr(pos, stop - pos));
      for (const char c : value) {
        if (!std::isdigit(static_cast<unsigned char>(c)) && c != '.' && c != '-') return std::nullopt;
      }
      if (value.empty() || key.count(name)) return std::nullopt;
      key.emplace(name, std::move(value));
      pos = stop;
      if (pos == end) break;
      ++pos;
      if (pos == end) return std::nullopt;
      continue;
    }
    bool closed = false;
    for (++pos; pos < end; ++pos) {
      if (s[pos] == '\'') {
        if (pos + 1 < end && s[pos + 1] == '\'') {
          value += '\'';
          ++pos;
          continue;
        }
        closed = true;
        ++pos;
        break;
      }
      value += s[pos];
    }
    if (!closed || key.count(name)) return std::nullopt;
    key.emplace(name, std::move(value));
    if (pos == end) break;
    if (s[pos] != ',') return std::nullopt;
    ++pos;
    if (pos == end) return std::nullopt;  // trailing comma
  }
  if (key.empty()) return std::nullopt;
  out.key = std::move(key);
  return out;
}

}  // namespace erpc::sim::fo
