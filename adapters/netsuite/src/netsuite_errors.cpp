// SPDX-License-Identifier: Apache-2.0
#include "netsuite_errors.hpp"

#include <erpc/adapters/exact_json.hpp>

namespace erpc::netsuite {

namespace {

using adapters::clip_vendor_text;

error_class class_for(int status, const std::string& code, call_kind kind) {
  // The RESTlet/SOAP form of the concurrency refusal is a 400 (vendors.md §1.5).
  if (code == "SSS_REQUEST_LIMIT_EXCEEDED" || code == "WS_REQUEST_BLOCKED" ||
      code == "WS_CONCUR_SESSION_DISALLWD") {
    return error_class::rate_limited;
  }
  // "Already submitted" (vendors.md §1.2): the earlier job may still run. The create path
  // follows its Location; anywhere else it is a request still in flight.
  if (code == "IDEMPOTENCY_ERROR") return error_class::in_progress;
  return adapters::class_for_status(status, kind);
}

}  // namespace

std::optional<std::vector<error_detail>> parse_error_details(std::string_view body) {
  nlohmann::json doc;
  try {
    doc = adapters::parse_exact(body);
  } catch (const std::exception&) {
    return std::nullopt;
  }
  if (!doc.is_object()) return std::nullopt;
  const auto it = doc.find("o:errorDetails");
  if (it == doc.end() || !it->is_array()) return std::nullopt;
  std::vector<error_detail> out;
  for (const auto& d : *it) {
    if (!d.is_object()) return std::nullopt;
    error_detail e;
    if (const auto c = d.find("o:errorCode"); c != d.end() && c->is_string()) e.code = *c;
    if (const auto t = d.find("detail"); t != d.end() && t->is_string()) e.detail = *t;
    if (const auto p = d.find("o:errorPath"); p != d.end() && p->is_string()) e.path = *p;
    out.push_back(std::move(e));
  }
  return out;
}

error map_vendor_error(const http_response& response, call_kind kind, std::int64_t now_unix_ms,
                       const path_translator& to_pointer) {
  const int status = response.status;
  const auto details = parse_error_details(response.body);
  const error_detail first =
      details && !details->empty() ? details->front() : error_detail{};
  std::string code;
  if (!details) {
    code = "netsuite.unreadable_error_body";
  } else if (first.code.empty()) {
    code = "netsuite.http_" + std::to_string(status);
  } else {
    code = "netsuite." + first.code;
  }
  const auto cls = class_for(status, first.code, kind);
  std::string message = "NetSuite answered HTTP " + std::to_string(status);
  if (!first.code.empty()) message += " " + first.code;
  if (!first.detail.empty()) message += ": " + clip_vendor_text(first.detail);
  if (!details) message += " with a body that is not a NetSuite error document";

  error e(cls, code, message);
  // "Already submitted": the earlier job may have written, whatever the call was.
  e.with_effect(cls == error_class::in_progress ? effect::possible
                                                : adapters::effect_of(cls, kind));
  e.with_vendor({status, first.code, clip_vendor_text(first.detail),
                 response.header("X-NetSuite-Request-Id").value_or("")});
  adapters::add_retry_after(e, response, now_unix_ms);
  if (cls == error_class::validation && details) {
    for (const auto& d : *details) {
      std::string pointer = d.path.empty() || !to_pointer ? "" : to_pointer(d.path);
      std::string text = clip_vendor_text(d.detail);
      if (!d.path.empty()) text += " (NetSuite field " + d.path + ")";
      e.with_field(std::move(pointer), d.code.empty() ? code : "netsuite." + d.code,
                   std::move(text));
    }
  }
  return e;
}

error malformed_response(std::string_view what, call_kind kind, int http_status) {
  return adapters::malformed_response("netsuite", "NetSuite", what, kind, http_status);
}

}  // namespace erpc::netsuite
