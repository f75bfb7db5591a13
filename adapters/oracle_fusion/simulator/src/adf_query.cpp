// SPDX-License-Identifier: Apache-2.0
#include "adf_query.hpp"

#include <erpc/adapters/exact_json.hpp>

#include <cctype>

namespace erpc::sim::oracle_fusion {

namespace {

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(' ');
  if (b == std::string::npos) return {};
  const auto e = s.find_last_not_of(' ');
  return s.substr(b, e - b + 1);
}

// Splits at ';' or at " and " (case-insensitive) outside single quotes.
std::optional<std::vector<std::string>> split_conditions(const std::string& q) {
  std::vector<std::string> parts;
  std::string current;
  bool quoted = false;
  for (std::size_t i = 0; i < q.size(); ++i) {
    const char c = q[i];
    if (c == '\'') {
      // '' inside a quoted value is one quote.
      if (quoted && i + 1 < q.size() && q[i + 1] == '\'') {
        current += "''";
        ++i;
        continue;
      }
      quoted = !quoted;
      current += c;
      continue;
    }
    if (!quoted && c == ';') {
      parts.push_back(current);
      current.clear();
      continue;
    }
    if (!quoted && (c == ' ') && i + 5 <= q.size()) {
      std::string word = q.substr(i, 5);
      for (auto& ch : word) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      if (word == " and ") {
        parts.push_back(current);
        current.clear();
        i += 4;
        continue;
      }
    }
    current += c;
  }
  if (quoted) return std::nullopt;
  parts.push_back(current);
  return parts;
}

}  // namespace

std::optional<std::vector<condition>> parse_q(const std::string& q) {
  std::vector<condition> out;
  if (trim(q).empty()) return out;
  const auto parts = split_conditions(q);
  if (!parts) return std::nullopt;
  for (const auto& raw : *parts) {
    const auto part = trim(raw);
    if (part.empty()) continue;
    const auto eq = part.find('=');
    if (eq == std::string::npos || eq == 0) return std::nullopt;
    condition c;
    c.attribute = trim(part.substr(0, eq));
    for (const char ch : c.attribute) {
      if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '_') return std::nullopt;
    }
    auto value = trim(part.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '\'' && value.back() == '\'') {
      value = value.substr(1, value.size() - 2);
      std::string unescaped;
      for (std::size_t i = 0; i < value.size(); ++i) {
        unescaped += value[i];
        if (value[i] == '\'' && i + 1 < value.size() && value[i + 1] == '\'') ++i;
      }
      value = unescaped;
    } else if (value.find_first_of("'<>!") != std::string::npos) {
      return std::nullopt;
    }
    c.value = value;
    out.push_back(std::move(c));
  }
  return out;
}

bool matches(const nlohmann::json& item, const std::vector<condition>& conditions) {
  for (const auto& c : conditions) {
    const auto it = item.find(c.attribute);
    if (it == item.end() || it->is_null()) return false;
    if (adapters::scalar_text(*it) != c.value) return false;
  }
  return true;
}

}  // namespace erpc::sim::oracle_fusion
