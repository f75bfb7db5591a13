// SPDX-License-Identifier: Apache-2.0
#include "bill_filters.hpp"

#include <erpc/adapters/exact_json.hpp>

namespace erpc::sim::bill {

namespace {

std::optional<filter_condition> parse_one(std::string_view piece) {
  const auto first = piece.find(':');
  if (first == std::string_view::npos || first == 0) return std::nullopt;
  const auto second = piece.find(':', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  if (piece.substr(first + 1, second - first - 1) != "eq") return std::nullopt;
  auto value = piece.substr(second + 1);
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
    value = value.substr(1, value.size() - 2);
  } else if (value.find('"') != std::string_view::npos) {
    return std::nullopt;
  }
  return filter_condition{std::string(piece.substr(0, first)), std::string(value)};
}

const nlohmann::json* lookup(const nlohmann::json& record, const std::string& dotted) {
  const nlohmann::json* at = &record;
  std::size_t start = 0;
  while (true) {
    const auto dot = dotted.find('.', start);
    const auto name = dotted.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (!at->is_object()) return nullptr;
    const auto it = at->find(name);
    if (it == at->end()) return nullptr;
    at = &*it;
    if (dot == std::string::npos) return at;
    start = dot + 1;
  }
}

}  // namespace

std::optional<std::vector<filter_condition>> parse_filters(std::string_view text) {
  std::vector<filter_condition> out;
  std::size_t start = 0;
  bool quoted = false;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] == '"') quoted = !quoted;
    if (i == text.size() || (text[i] == ',' && !quoted)) {
      auto one = parse_one(text.substr(start, i - start));
      if (!one) return std::nullopt;
      out.push_back(std::move(*one));
      start = i + 1;
    }
  }
  if (quoted) return std::nullopt;
  return out;
}

bool matches(const nlohmann::json& record, const std::vector<filter_condition>& conditions) {
  for (const auto& c : conditions) {
    const auto* value = lookup(record, c.field);
    if (value == nullptr || value->is_null()) return false;
    if (adapters::scalar_text(*value) != c.value) return false;
  }
  return true;
}

std::string page_token(std::size_t offset) { return "pg" + std::to_string(offset); }

std::optional<std::size_t> page_offset(std::string_view token) {
  if (token.size() < 3 || token.size() > 12 || token.substr(0, 2) != "pg") return std::nullopt;
  std::size_t v = 0;
  for (const char c : token.substr(2)) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + static_cast<std::size_t>(c - '0');
  }
  return v;
}

}  // namespace erpc::sim::bill
