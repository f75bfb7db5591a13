// SPDX-License-Identifier: Apache-2.0
#include "coupa_query.hpp"

#include <erpc/adapters/exact_json.hpp>
#include <erpc/decimal.hpp>

#include <algorithm>
#include <map>

namespace erpc::sim::coupa {

namespace {

const std::map<std::string, query_operator, std::less<>>& operators() {
  static const std::map<std::string, query_operator, std::less<>> ops = {
      {"not_eq", query_operator::not_eq_}, {"in", query_operator::in},
      {"not_in", query_operator::not_in},  {"gt", query_operator::gt},
      {"lt", query_operator::lt},          {"gt_or_eq", query_operator::gt_or_eq},
      {"lt_or_eq", query_operator::lt_or_eq}, {"contains", query_operator::contains},
      {"starts_with", query_operator::starts_with}};
  return ops;
}

// Parameters that are not filters.
bool reserved(std::string_view name) {
  return name == "limit" || name == "offset" || name == "order_by" || name == "dir" ||
         name == "fields" || name == "return_object";
}

std::optional<std::int64_t> non_negative(const std::string& text) {
  if (text.empty() || text.size() > 12) return std::nullopt;
  std::int64_t v = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

std::optional<std::string> text_at(const nlohmann::json& record, const std::vector<std::string>& path) {
  const nlohmann::json* at = &record;
  for (const auto& name : path) {
    if (!at->is_object()) return std::nullopt;
    const auto it = at->find(name);
    if (it == at->end()) return std::nullopt;
    at = &*it;
  }
  if (at->is_null() || at->is_object() || at->is_array()) return std::nullopt;
  if (at->is_boolean()) return at->get<bool>() ? "true" : "false";  // as a URL writes it
  return adapters::scalar_text(*at);
}

// <0, 0, >0: numerically when both are decimals, else as text (ISO dates order as text).
int compare(const std::string& a, const std::string& b) {
  const auto da = decimal::parse(a);
  const auto db = decimal::parse(b);
  if (da && db) return *da < *db ? -1 : (*db < *da ? 1 : 0);
  return a.compare(b) < 0 ? -1 : (a == b ? 0 : 1);
}

bool listed(const std::string& list, const std::string& value) {
  std::size_t start = 0;
  while (start <= list.size()) {
    const auto comma = list.find(',', start);
    if (list.substr(start, comma == std::string::npos ? std::string::npos : comma - start) == value) return true;
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return false;
}

bool holds(const condition& c, const std::optional<std::string>& actual) {
  switch (c.op) {
    case query_operator::eq: return actual && *actual == c.value;
    case query_operator::not_eq_: return !actual || *actual != c.value;
    case query_operator::in: return actual && listed(c.value, *actual);
    case query_operator::not_in: return !actual || !listed(c.value, *actual);
    case query_operator::gt: return actual && compare(*actual, c.value) > 0;
    case query_operator::lt: return actual && compare(*actual, c.value) < 0;
    case query_operator::gt_or_eq: return actual && compare(*actual, c.value) >= 0;
    case query_operator::lt_or_eq: return actual && compare(*actual, c.value) <= 0;
    case query_operator::contains: return actual && actual->find(c.value) != std::string::npos;
    case query_operator::starts_with: return actual && actual->rfind(c.value, 0) == 0;
  }
  return false;
}

}  // namespace

std::optional<collection_query> parse_collection_query(const http_params& params,
                                                       std::string& problem) {
  collection_query q;
  for (const auto& [name, value] : params) {
    if (name == "limit" || name == "offset") {
      const auto n = non_negative(value);
      if (!n || (name == "limit" && *n == 0)) {
        problem = "the " + name + " parameter must be a " + (name == "limit" ? "positive" : "non-negative") + " integer";
        return std::nullopt;
      }
      // Coupa answers at most 50 records a page (vendors.md §10.1, secondary).
      if (name == "limit") q.limit = std::min(*n, max_limit);
      else q.offset = *n;
      continue;
    }
    if (reserved(name)) continue;
    condition c;
    const auto open = name.find('[');
    c.path.push_back(name.substr(0, open));
    std::size_t at = open;
    while (at != std::string::npos) {
      const auto close = name.find(']', at);
      if (close == std::string::npos || close == at + 1) {
        problem = "the query parameter " + name + " is malformed";
        return std::nullopt;
      }
      c.path.push_back(name.substr(at + 1, close - at - 1));
      at = close + 1 < name.size() ? (name[close + 1] == '[' ? close + 1 : std::string::npos) : std::string::npos;
      if (close + 1 < name.size() && name[close + 1] != '[') {
        problem = "the query parameter " + name + " is malformed";
        return std::nullopt;
      }
    }
    if (c.path.front().empty()) {
      problem = "the query parameter " + name + " is malformed";
      return std::nullopt;
    }
    if (c.path.size() > 1) {
      const auto op = operators().find(c.path.back());
      if (op != operators().end()) {
        c.op = op->second;
        c.path.pop_back();
      }
    }
    c.value = value;
    q.conditions.push_back(std::move(c));
  }
  return q;
}

bool matches(const nlohmann::json& record, const std::vector<condition>& conditions) {
  return std::all_of(conditions.begin(), conditions.end(),
                     [&](const condition& c) { return holds(c, text_at(record, c.path)); });
}

}  // namespace erpc::sim::coupa
