// SPDX-License-Identifier: Apache-2.0
// Reading and writing canonical types as contract JSON. Amounts and decimals travel as strings
// and are parsed exactly (never through a double); a missing required member or a member of the
// wrong type throws erpc::error(VALIDATION, "contract.decode") naming the member. Validate a
// document with the host's contract_validator first to get every finding at once.
#pragma once

#include <erpc/decimal.hpp>
#include <erpc/error.hpp>
#include <erpc/money.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace erpc::contract::json_io {

[[noreturn]] inline void decode_error(std::string_view key, std::string_view what) {
  throw error(error_class::validation, "contract.decode",
              "member '" + std::string(key) + "': " + std::string(what))
      .with_field("/" + std::string(key), "contract.decode", std::string(what));
}

inline void decode(const nlohmann::json& j, std::string_view key, std::string& out) {
  if (!j.is_string()) decode_error(key, "expected a string");
  out = j.get<std::string>();
}
inline void decode(const nlohmann::json& j, std::string_view key, bool& out) {
  if (!j.is_boolean()) decode_error(key, "expected true or false");
  out = j.get<bool>();
}
inline void decode(const nlohmann::json& j, std::string_view key, std::int64_t& out) {
  if (!j.is_number_integer()) decode_error(key, "expected an integer");
  out = j.get<std::int64_t>();
}
inline void decode(const nlohmann::json& j, std::string_view key, decimal& out) {
  if (!j.is_string()) decode_error(key, "expected a decimal string");
  const auto d = decimal::parse(j.get_ref<const std::string&>());
  if (!d) decode_error(key, "not a decimal string");
  out = *d;
}
inline void decode(const nlohmann::json& j, std::string_view key, money& out) {
  if (!j.is_object() || !j.contains("amount") || !j.contains("currency") ||
      !j["amount"].is_string() || !j["currency"].is_string()) {
    decode_error(key, "expected {\"amount\": \"…\", \"currency\": \"…\"}");
  }
  out = money::parse(j["amount"].get_ref<const std::string&>(),
                     j["currency"].get_ref<const std::string&>());
}
inline void decode(const nlohmann::json& j, std::string_view key,
                   std::map<std::string, std::string>& out) {
  if (!j.is_object()) decode_error(key, "expected an object of strings");
  out.clear();
  for (const auto& [k, v] : j.items()) {
    if (!v.is_string()) decode_error(key, "expected an object of strings");
    out.emplace(k, v.get<std::string>());
  }
}
// Canonical structs: their from_json, found by argument-dependent lookup.
template <typename T>
void decode(const nlohmann::json& j, std::string_view key, T& out) {
  if (!j.is_object()) decode_error(key, "expected an object");
  from_json(j, out);
}
template <typename T>
void decode(const nlohmann::json& j, std::string_view key, std::vector<T>& out) {
  if (!j.is_array()) decode_error(key, "expected an array");
  out.clear();
  out.reserve(j.size());
  for (const auto& item : j) decode(item, key, out.emplace_back());
}

inline nlohmann::json encode(const std::string& v) { return v; }
inline nlohmann::json encode(bool v) { return v; }
inline nlohmann::json encode(std::int64_t v) { return v; }
inline nlohmann::json encode(const decimal& v) { return v.to_string(); }
inline nlohmann::json encode(const money& v) {
  return {{"amount", v.amount.to_string()}, {"currency", v.currency}};
}
inline nlohmann::json encode(const std::map<std::string, std::string>& v) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [k, s] : v) j[k] = s;
  return j;
}
template <typename T>
nlohmann::json encode(const T& v) {
  nlohmann::json j;
  to_json(j, v);
  return j;
}
template <typename T>
nlohmann::json encode(const std::vector<T>& v) {
  nlohmann::json j = nlohmann::json::array();
  for (const auto& item : v) j.push_back(encode(item));
  return j;
}

// A required member.
template <typename T>
void read(const nlohmann::json& j, std::string_view key, T& out) {
  const auto it = j.find(key);
  if (it == j.end()) decode_error(key, "required member missing");
  decode(*it, key, out);
}
// An optional member: absent (or null) leaves it empty.
template <typename T>
void read(const nlohmann::json& j, std::string_view key, std::optional<T>& out) {
  const auto it = j.find(key);
  if (it == j.end() || it->is_null()) {
    out.reset();
    return;
  }
  decode(*it, key, out.emplace());
}

template <typename T>
void write(nlohmann::json& j, std::string_view key, const T& v) {
  j[std::string(key)] = encode(v);
}
template <typename T>
void write(nlohmann::json& j, std::string_view key, const std::optional<T>& v) {
  if (v) j[std::string(key)] = encode(*v);
}

}  // namespace erpc::contract::json_io
