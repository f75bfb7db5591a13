// SPDX-License-Identifier: Apache-2.0
// Converting erpc::error to and from the ABI's erpc_error_v1 (detail travels as a JSON object).
// Used on both sides of the boundary, so the two can never disagree on the detail format.
#pragma once

#include <erpc/abi.h>
#include <erpc/error.hpp>

#include <nlohmann/json.hpp>

#include <cstring>
#include <string>

namespace erpc {

namespace detail {
// Adds "field_errors" and "vendor" members to `j` when the error has them.
inline void add_error_detail(const error& e, nlohmann::json& j) {
  if (!e.field_errors().empty()) {
    auto& fields = j["field_errors"] = nlohmann::json::array();
    for (const auto& f : e.field_errors()) {
      fields.push_back({{"pointer", f.pointer}, {"code", f.code}, {"message", f.message}});
    }
  }
  if (e.vendor()) {
    const auto& v = *e.vendor();
    j["vendor"] = {{"http_status", v.http_status},
                   {"code", v.code},
                   {"message", v.message},
                   {"request_id", v.request_id}};
  }
}
}  // namespace detail

// {"field_errors":[{"pointer","code","message"}],"vendor":{...}}; "" when there is no detail.
inline std::string error_detail_json(const error& e) {
  nlohmann::json detail = nlohmann::json::object();
  detail::add_error_detail(e, detail);
  return detail.empty() ? std::string() : detail.dump();
}

// Calls `sink` with an erpc_error_v1 view of `e`; the view is valid during the call only.
template <class Sink>
void with_abi_error(const error& e, Sink&& sink) {
  const std::string detail = error_detail_json(e);
  const std::string message = e.message();
  erpc_error_v1 abi{};
  abi.struct_size = sizeof(erpc_error_v1);
  abi.error_class = static_cast<std::uint32_t>(e.cls());
  abi.effect = static_cast<std::uint32_t>(e.effect());
  abi.retry_after_ms = e.retry_after_ms() ? *e.retry_after_ms() : ERPC_NO_RETRY_AFTER;
  abi.code = e.code().c_str();
  abi.message = message.c_str();
  abi.detail_json = detail.empty() ? nullptr : detail.data();
  abi.detail_json_len = detail.size();
  sink(abi);
}

// Reads an erpc_error_v1 written by the other side (any struct_size, abi.h rule 2). Malformed
// detail JSON is kept out of the error rather than trusted; the class is read defensively.
inline error error_from_abi(const erpc_error_v1* source) {
  erpc_error_v1 abi{};
  if (source != nullptr) {
    std::memcpy(&abi, source,
                source->struct_size < sizeof abi ? source->struct_size : sizeof abi);
  }
  std::string code = abi.code && *abi.code ? abi.code : "adapter.missing_code";
  std::string message = abi.message ? abi.message : "";
  error e(error_class_from_abi(abi.error_class), std::move(code), std::move(message));
  e.with_effect(effect_from_abi(abi.effect));
  if (abi.retry_after_ms >= 0) e.with_retry_after_ms(abi.retry_after_ms);
  if (abi.detail_json != nullptr && abi.detail_json_len > 0) {
    const auto detail = nlohmann::json::parse(abi.detail_json, abi.detail_json + abi.detail_json_len,
                                              nullptr, /*allow_exceptions=*/false);
    if (detail.is_object()) {
      if (auto it = detail.find("field_errors"); it != detail.end() && it->is_array()) {
        for (const auto& f : *it) {
          if (!f.is_object()) continue;
          e.with_field(f.value("pointer", ""), f.value("code", ""), f.value("message", ""));
        }
      }
      if (auto it = detail.find("vendor"); it != detail.end() && it->is_object()) {
        vendor_detail v;
        if (auto s = it->find("http_status"); s != it->end() && s->is_number_integer()) {
          v.http_status = s->get<int>();
        }
        v.code = it->value("code", "");
        v.message = it->value("message", "");
        v.request_id = it->value("request_id", "");
        e.with_vendor(std::move(v));
      }
    }
  }
  return e;
}

// The canonical JSON form of an error (schemas/v1/error.schema.json).
inline nlohmann::json error_to_json(const error& e) {
  nlohmann::json j = {{"class", std::string(to_string(e.cls()))},
                      {"code", e.code()},
                      {"message", e.message()},
                      {"effect", std::string(to_string(e.effect()))}};
  if (e.retry_after_ms()) j["retry_after_ms"] = *e.retry_after_ms();
  detail::add_error_detail(e, j);
  return j;
}

}  // namespace erpc
