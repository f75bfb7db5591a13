// SPDX-License-Identifier: Apache-2.0
#include "netsuite_errors.hpp"

#include <erpc/adapters/exact_json.hpp>

namespace erpc::netsuite {

namespace {

constexpr std::size_t max_detail_chars = 300;

std::string clip(std::string text) {
  if (text.size() > max_detail_chars) text = text.substr(0, max_detail_chars) + "…";
  return text;
}

error_class class_for(int status, const std::string& code, call_kind kind) {
  // The RESTlet/SOAP form of the concurrency refusal is a 400 (vendors.md §1.5).
  if (code == "SSS_REQUEST_LIMIT_EXCEEDED" || code == "WS_REQUEST_BLOCKED" ||
      code == "WS_CONCUR_SESSION_DISALLWD") {
    return error_class::rate_limited;
  }
  // "Already submitted" (vendors.md §1.2): the earlier job may still run. The create path
  // follows its Location; anywhere else it is a request still in flight.
  if (code == "IDEMPOTENCY_ERROR") return error_class::in_progress;
  switch (status) {
    case 401: return error_class::authentication;
    case 403: return error_class::permission;
    case 404: return error_class::not_found;
    case 409:
    case 412: return error_class::conflict;
    case 429: return error_class::rate_limited;
    default: break;
  }
  if (status >= 500 && status <= 599) {
    return kind == call_kind::write ? error_class::outcome_unknown : error_class::unavailable;
  }
  if (status >= 400 && status <= 499) return error_class::validation;
  return error_class::internal;  // 1xx/3xx/unexpected 2xx: nothing we can vouch for
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
  if (!first.detail.empty()) message += ": " + clip(first.detail);
  if (!details) message += " with a body that is not a NetSuite error document";

  error e(cls, code, message);
  switch (cls) {
    case error_class::outcome_unknown:
    case error_class::internal:
      e.with_effect(kind == call_kind::write ? effect::possible : effect::none);
      break;
    case error_class::in_progress:
      e.with_effect(effect::possible);
      break;
    default:
      e.with_effect(effect::none);
  }
  e.with_vendor({status, first.code, clip(first.detail),
                 response.header("X-NetSuite-Request-Id").value_or("")});
  if (const auto retry = response.header("Retry-After")) {
    if (const auto ms = parse_retry_after_ms(*retry, now_unix_ms)) e.with_retry_after_ms(*ms);
  }
  if (cls == error_class::validation && details) {
    for (const auto& d : *details) {
      std::string pointer = d.path.empty() || !to_pointer ? "" : to_pointer(d.path);
      std::string text = clip(d.detail);
      if (!d.path.empty()) text += " (NetSuite field " + d.path + ")";
      e.with_field(std::move(pointer), d.code.empty() ? code : "netsuite." + d.code,
                   std::move(text));
    }
  }
  return e;
}

error malformed_response(std::string_view what, call_kind kind, int http_status) {
  return error(error_class::internal, "netsuite.malformed_response",
               "NetSuite answered HTTP " + std::to_string(http_status) + " but " +
                   std::string(what))
      .with_effect(kind == call_kind::write ? effect::possible : effect::none)
      .with_vendor({http_status, "", "", ""});
}

}  // namespace erpc::netsuite
