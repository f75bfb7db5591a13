// SPDX-License-Identifier: Apache-2.0
// to_json/from_json for payment_status.hpp (nlohmann::json; amounts as strings).
#pragma once

#include <erpc/contract/common_types_json.hpp>
#include <erpc/contract/payment_status.hpp>
#include <erpc/contract/json_io.hpp>

#include <nlohmann/json.hpp>

namespace erpc::contract {

inline void to_json(nlohmann::json& j, const payment_state& s) { j = std::string(to_string(s)); }
inline void from_json(const nlohmann::json& j, payment_state& s) {
  const auto parsed = j.is_string() ? payment_state_from_string(j.get_ref<const std::string&>())
                                    : std::nullopt;
  if (!parsed) json_io::decode_error("status", "not a payment state");
  s = *parsed;
}
// Found by argument-dependent lookup from json_io::read: a state is a string, not an object.
inline void decode(const nlohmann::json& j, std::string_view, payment_state& s) { from_json(j, s); }

inline void to_json(nlohmann::json& j, const status_reason& v) {
  j = nlohmann::json::object();
  json_io::write(j, "code", v.code);
  json_io::write(j, "proprietary", v.proprietary);
  if (!v.additional_information.empty()) {
    json_io::write(j, "additional_information", v.additional_information);
  }
}

inline void from_json(const nlohmann::json& j, status_reason& v) {
  json_io::read(j, "code", v.code);
  json_io::read(j, "proprietary", v.proprietary);
  if (j.contains("additional_information")) {
    json_io::read(j, "additional_information", v.additional_information);
  }
}

inline void to_json(nlohmann::json& j, const payment_status& v) {
  j = nlohmann::json::object();
  json_io::write(j, "id", v.id);
  json_io::write(j, "external_refs", v.external_refs);
  json_io::write(j, "source", v.source);
  json_io::write(j, "payment", v.payment);
  json_io::write(j, "references", v.references);
  json_io::write(j, "level", v.level);
  json_io::write(j, "status", v.status);
  json_io::write(j, "previous_status", v.previous_status);
  json_io::write(j, "bank_status", v.bank_status);
  if (!v.reasons.empty()) json_io::write(j, "reasons", v.reasons);
  json_io::write(j, "status_at", v.status_at);
  json_io::write(j, "account_servicer_reference", v.account_servicer_reference);
  json_io::write(j, "amount", v.amount);
  json_io::write(j, "created_at", v.created_at);
  json_io::write(j, "updated_at", v.updated_at);
  json_io::write(j, "etag", v.etag);
}

inline void from_json(const nlohmann::json& j, payment_status& v) {
  json_io::read(j, "id", v.id);
  json_io::read(j, "external_refs", v.external_refs);
  json_io::read(j, "source", v.source);
  json_io::read(j, "payment", v.payment);
  json_io::read(j, "references", v.references);
  json_io::read(j, "level", v.level);
  json_io::read(j, "status", v.status);
  json_io::read(j, "previous_status", v.previous_status);
  json_io::read(j, "bank_status", v.bank_status);
  if (j.contains("reasons")) json_io::read(j, "reasons", v.reasons);
  json_io::read(j, "status_at", v.status_at);
  json_io::read(j, "account_servicer_reference", v.account_servicer_reference);
  json_io::read(j, "amount", v.amount);
  json_io::read(j, "created_at", v.created_at);
  json_io::read(j, "updated_at", v.updated_at);
  json_io::read(j, "etag", v.etag);
}

}  // namespace erpc::contract
