// SPDX-License-Identifier: Apache-2.0
#include "entity_store.hpp"

#include <algorithm>

namespace erpc::sim::sap {

namespace {

std::string odata_literal(std::string_view value) {
  std::string out = "'";
  for (const char c : value) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'";
}

std::string key_string(const nlohmann::json& record, const std::string& name) {
  const auto it = record.find(name);
  return it != record.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Reads one literal at `pos` ('…' with '' for a quote); advances past it.
std::optional<std::string> read_literal(std::string_view text, std::size_t& pos) {
  if (pos >= text.size() || text[pos] != '\'') return std::nullopt;
  std::string value;
  for (++pos; pos < text.size(); ++pos) {
    if (text[pos] == '\'') {
      if (pos + 1 < text.size() && text[pos + 1] == '\'') {
        value += '\'';
        ++pos;
        continue;
      }
      ++pos;
      return value;
    }
    value += text[pos];
  }
  return std::nullopt;
}

}  // namespace

std::string key_predicate(const edm_entity_type& type, const nlohmann::json& record) {
  if (type.keys.size() == 1) return "(" + odata_literal(key_string(record, type.keys[0])) + ")";
  std::string out = "(";
  for (std::size_t i = 0; i < type.keys.size(); ++i) {
    if (i > 0) out += ',';
    out += type.keys[i] + "=" + odata_literal(key_string(record, type.keys[i]));
  }
  return out + ")";
}

std::string key_text(const edm_entity_type& type, const nlohmann::json& record) {
  std::string out;
  for (const auto& k : type.keys) out += (out.empty() ? "" : "/") + key_string(record, k);
  return out;
}

std::optional<std::string> canonical_predicate(const edm_entity_type& type,
                                               std::string_view text) {
  if (text.size() < 2 || text.front() != '(' || text.back() != ')') return std::nullopt;
  text = text.substr(1, text.size() - 2);
  nlohmann::json record = nlohmann::json::object();
  std::size_t pos = 0;
  if (type.keys.size() == 1 && !text.empty() && text.front() == '\'') {
    auto value = read_literal(text, pos);
    if (!value || pos != text.size()) return std::nullopt;
    record[type.keys[0]] = *value;
    return key_predicate(type, record);
  }
  while (pos < text.size()) {
    const auto eq = text.find('=', pos);
    if (eq == std::string_view::npos) return std::nullopt;
    const std::string name(text.substr(pos, eq - pos));
    pos = eq + 1;
    auto value = read_literal(text, pos);
    if (!value || record.contains(name)) return std::nullopt;
    if (std::find(type.keys.begin(), type.keys.end(), name) == type.keys.end()) {
      return std::nullopt;
    }
    record[name] = *value;
    if (pos < text.size()) {
      if (text[pos] != ',') return std::nullopt;
      ++pos;
    }
  }
  if (record.size() != type.keys.size()) return std::nullopt;
  return key_predicate(type, record);
}

const entity_store::table& entity_store::rows(std::string_view set) const {
  static const table empty;
  const auto it = tables_.find(set);
  return it == tables_.end() ? empty : it->second;
}

nlohmann::json* entity_store::find(std::string_view set, const std::string& predicate) {
  const auto t = tables_.find(set);
  if (t == tables_.end()) return nullptr;
  const auto row = t->second.find(predicate);
  return row == t->second.end() ? nullptr : &row->second;
}

void entity_store::put(std::string_view set, std::string predicate, nlohmann::json record) {
  auto t = tables_.find(set);
  if (t == tables_.end()) t = tables_.emplace(std::string(set), table{}).first;
  t->second[std::move(predicate)] = std::move(record);
}

std::uint64_t entity_store::next_number(std::string_view range, std::uint64_t first) {
  auto it = ranges_.find(range);
  if (it == ranges_.end()) it = ranges_.emplace(std::string(range), first).first;
  return it->second++;
}

void entity_store::clear() {
  tables_.clear();
  ranges_.clear();
}

}  // namespace erpc::sim::sap
