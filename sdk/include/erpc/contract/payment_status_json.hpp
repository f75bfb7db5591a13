// SPDX-License-Identifier: Apache-2.0
// The JSON members of payment_status.hpp (amounts as strings); json_members.hpp turns them into
// to_json/from_json.
#pragma once

#include <erpc/contract/common_types_json.hpp>
#include <erpc/contract/payment_status.hpp>
#include <erpc/contract/json_io.hpp>
#include <erpc/contract/json_members.hpp>

#include <nlohmann/json.hpp>

#include <tuple>

namespace erpc::contract {

inline void to_json(nlohmann::json& j, const payment_state& s) { j = std::string(to_string(s)); }
inline void from_json(const nlohmann::json& j, payment_state& s) {
  const auto parsed =
      j.is_string() ? payment_state_from_string(j.get_ref<const std::string&>()) : std::nullopt;
  if (!parsed) json_io::decode_error("status", "not a payment state");
  s = *parsed;
}
// Found by argument-dependent lookup from json_io::read: a state is a string, not an object.
inline void decode(const nlohmann::json& j, std::string_view, payment_state& s) { from_json(j, s); }

constexpr auto json_members(const status_reason*) {
  return std::tuple{json_io::member("code", &status_reason::code),
                    json_io::member("proprietary", &status_reason::proprietary),
                    json_io::member_omitted_when_empty("additional_information",
                                                       &status_reason::additional_information)};
}

constexpr auto json_members(const payment_status*) {
  return std::tuple{
      json_io::member("id", &payment_status::id),
      json_io::member("external_refs", &payment_status::external_refs),
      json_io::member("source", &payment_status::source),
      json_io::member("payment", &payment_status::payment),
      json_io::member("references", &payment_status::references),
      json_io::member("level", &payment_status::level),
      json_io::member("status", &payment_status::status),
      json_io::member("previous_status", &payment_status::previous_status),
      json_io::member("bank_status", &payment_status::bank_status),
      json_io::member_omitted_when_empty("reasons", &payment_status::reasons),
      json_io::member("status_at", &payment_status::status_at),
      json_io::member("account_servicer_reference", &payment_status::account_servicer_reference),
      json_io::member("amount", &payment_status::amount),
      json_io::member("created_at", &payment_status::created_at),
      json_io::member("updated_at", &payment_status::updated_at),
      json_io::member("etag", &payment_status::etag)};
}

}  // namespace erpc::contract
