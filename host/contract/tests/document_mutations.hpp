// Random edits of JSON documents for the differential and findings tests: replace a node with a
// wrong or near-miss value, delete it, add a member, empty or duplicate an array.
#pragma once

#include <nlohmann/json.hpp>

#include <cctype>
#include <random>
#include <string>
#include <vector>

namespace erpc::contract_test {

// Every node of a document, as JSON pointers (the root is "").
inline void pointers_of(const nlohmann::json& node, const nlohmann::json::json_pointer& at,
                        std::vector<nlohmann::json::json_pointer>& out) {
  out.push_back(at);
  if (node.is_object()) {
    for (const auto& [key, value] : node.items()) pointers_of(value, at / key, out);
  } else if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) pointers_of(node[i], at / i, out);
  }
}

// Values a mutation may put anywhere: wrong types, near-miss strings, empty containers.
inline const std::vector<nlohmann::json>& default_mutation_values() {
  using nlohmann::json;
  static const std::vector<json> pool = {
      nullptr, true, false, 0, -1, 7, 1.5, "", "x", "EUR", "eur", "2026-02-30", "2026-03-02",
      "12.345", "-0", "100.001", "119.00", "A", std::string(300, 'z'), json::array(),
      json::object(), json::array({"x"}), json::object({{"amount", "1.00"}}),
      json::object({{"amount", "1.00"}, {"currency", "EUR"}}), "create", "ok", "error",
      "Invoice", "Banana", "unknown"};
  return pool;
}

inline nlohmann::json some_value(std::mt19937& rng, const nlohmann::json& near,
                                 const std::vector<nlohmann::json>& pool) {
  if (near.is_string() && rng() % 2 == 0) {
    std::string s = near.get<std::string>();
    switch (rng() % 5) {
      case 0: return s.empty() ? s : s.substr(0, s.size() - 1);
      case 1: return s + "9";
      case 2: return s + "\xc3\xa9";
      case 3: {
        for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return s;
      }
      default: return std::string(s.size() * 3 + 1, s.empty() ? 'a' : s[0]);
    }
  }
  return pool[rng() % pool.size()];
}

// One random edit of `doc`: replace, delete, add a member, or empty/duplicate an array.
inline void mutate(nlohmann::json& doc, std::mt19937& rng,
                   const std::vector<nlohmann::json>& pool = default_mutation_values()) {
  using nlohmann::json;
  std::vector<json::json_pointer> nodes;
  pointers_of(doc, json::json_pointer(), nodes);
  const auto& at = nodes[rng() % nodes.size()];
  json& target = doc[at];
  switch (rng() % 6) {
    case 0:
    case 1:
      if (at.empty()) return;
      target = some_value(rng, target, pool);
      return;
    case 2: {
      if (at.empty()) return;
      json& parent = doc[at.parent_pointer()];
      if (parent.is_object()) parent.erase(at.back());
      else parent.erase(static_cast<std::size_t>(std::stoul(at.back())));
      return;
    }
    case 3:
      if (target.is_object()) {
        static const std::vector<std::string> names = {"unexpected", "zz", "a", "id",
                                                       "Bad-Name", "amount", "result",
                                                       "error", "replayed", "payload"};
        target[names[rng() % names.size()]] = some_value(rng, nullptr, pool);
      }
      return;
    case 4:
      if (target.is_array()) {
        if (!target.empty() && rng() % 2 == 0) target.push_back(target[0]);
        else target = json::array();
      }
      return;
    default:
      if (target.is_object() && !target.empty()) {
        auto it = target.begin();
        std::advance(it, static_cast<long>(rng() % target.size()));
        it.value() = some_value(rng, it.value(), pool);
      }
      return;
  }
}

inline nlohmann::json request_for(std::string_view object, const nlohmann::json& payload) {
  return {{"contract", "1.0"},       {"op", "create"},       {"object", object},
          {"idempotency_key", "k-1"}, {"attempt", 1},         {"deadline_ms", 30000},
          {"correlation_id", "c-1"}, {"payload", payload}};
}

}  // namespace erpc::contract_test
