// SPDX-License-Identifier: Apache-2.0
// One description of a canonical struct's JSON members serves both directions.
//
// A struct opts in by declaring, in namespace erpc::contract,
//
//   constexpr auto json_members(const supplier*) {
//     return std::tuple{json_io::member("id", &supplier::id), ...};
//   }
//
// and gets to_json/from_json (found by argument-dependent lookup, as nlohmann::json expects).
// Members are written in the listed order; `member_omitted_when_empty` marks an array that the
// contract leaves out when it has no items (and reads back as empty when it is absent).
#pragma once

#include <erpc/contract/json_io.hpp>

#include <nlohmann/json.hpp>

#include <string_view>
#include <tuple>

namespace erpc::contract {
namespace json_io {

template <typename Struct, typename Member>
struct member_binding {
  std::string_view name;
  Member Struct::*pointer;
  bool omitted_when_empty;
};

template <typename Struct, typename Member>
constexpr member_binding<Struct, Member> member(std::string_view name, Member Struct::*pointer) {
  return {name, pointer, false};
}

template <typename Struct, typename Member>
constexpr member_binding<Struct, Member> member_omitted_when_empty(std::string_view name,
                                                                   Member Struct::*pointer) {
  return {name, pointer, true};
}

template <typename Struct, typename Member>
void write_member(nlohmann::json& j, const Struct& v, const member_binding<Struct, Member>& m) {
  const Member& value = v.*m.pointer;
  if constexpr (requires { value.empty(); }) {
    if (m.omitted_when_empty && value.empty()) return;
  }
  write(j, m.name, value);
}

template <typename Struct, typename Member>
void read_member(const nlohmann::json& j, Struct& v, const member_binding<Struct, Member>& m) {
  Member& value = v.*m.pointer;
  if (m.omitted_when_empty && !j.contains(m.name)) {
    value = Member{};
    return;
  }
  read(j, m.name, value);
}

}  // namespace json_io

template <typename T>
concept json_described = requires(const T* p) {
  json_members(p);
};

template <json_described T>
void to_json(nlohmann::json& j, const T& v) {
  j = nlohmann::json::object();
  std::apply([&](const auto&... m) { (json_io::write_member(j, v, m), ...); },
             json_members(static_cast<const T*>(nullptr)));
}

template <json_described T>
void from_json(const nlohmann::json& j, T& v) {
  std::apply([&](const auto&... m) { (json_io::read_member(j, v, m), ...); },
             json_members(static_cast<const T*>(nullptr)));
}

}  // namespace erpc::contract
