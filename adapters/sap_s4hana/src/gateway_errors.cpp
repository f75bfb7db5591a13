// SPDX-License-Identifier: Apache-2.0
#include "gateway_errors.hpp"

#include <erpc/adapters/exact_json.hpp>

#include <algorithm>

namespace erpc::sap {

namespace {

constexpr std::size_t max_text_chars = 300;

std::string clip(std::string text) {
  if (text.size() > max_text_chars) text = text.substr(0, max_text_chars) + "…";
  return text;
}

std::string member_text(const nlohmann::json& obj, const char* name) {
  if (!obj.is_object()) return {};
  const auto it = obj.find(name);
  return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

gateway_message message_of(const nlohmann::json& d) {
  gateway_message m;
  m.code = member_text(d, "code");
  m.message = member_text(d, "message");
  m.target = member_text(d, "target");
  if (m.target.empty()) m.target = member_text(d, "propertyref");
  m.severity = member_text(d, "severity");
  return m;
}

bool contains(const std::vector<std::string>& codes, const std::string& code) {
  return !code.empty() && std::find(codes.begin(), codes.end(), code) != codes.end();
}

error_class class_for(int status, bool duplicate, bool csrf, bool has_retry_after,
                      call_kind kind) {
  if (duplicate) return error_class::conflict;
  if (csrf) return error_class::authentication;
  switch (status) {
    case 401: return error_class::authentication;
    case 403: return error_class::permission;
    case 404: return error_class::not_found;
    case 405: return error_class::unsupported;
    case 406: return error_class::configuration;  // the client did not ask for JSON
    case 409:
    case 412: return error_class::conflict;
    case 429: return error_class::rate_limited;
    default: break;
  }
  // A 503 with Retry-After is the throttle of SAP API Management in front of the system
  // (vendors.md §2.4, secondary): the request was turned away, not processed.
  if (status == 503 && has_retry_after) return error_class::rate_limited;
  if (status >= 500 && status <= 599) {
    return kind == call_kind::write ? error_class::outcome_unknown : error_class::unavailable;
  }
  if (status >= 400 && status <= 499) return error_class::validation;
  return error_class::internal;  // 1xx/3xx/unexpected 2xx: nothing we can vouch for
}

}  // namespace

std::optional<gateway_error_body> parse_gateway_error(std::string_view body) {
  nlohmann::json doc;
  try {
    doc = adapters::parse_exact(body);
  } catch (const std::exception&) {
    return std::nullopt;
  }
  if (!doc.is_object()) return std::nullopt;
  const auto e = doc.find("error");
  if (e == doc.end() || !e->is_object() || !e->contains("code")) return std::nullopt;
  gateway_error_body out;
  out.main.code = member_text(*e, "code");
  if (const auto m = e->find("message"); m != e->end()) {
    out.main.message = m->is_string() ? m->get<std::string>() : member_text(*m, "value");
  }
  out.main.severity = "error";
  if (const auto inner = e->find("innererror"); inner != e->end() && inner->is_object()) {
    out.transaction_id = member_text(*inner, "transactionid");
    if (const auto d = inner->find("errordetails"); d != inner->end() && d->is_array()) {
      for (const auto& item : *d) {
        if (item.is_object()) out.details.push_back(message_of(item));
      }
    }
  }
  return out;
}

std::vector<gateway_message> parse_sap_message(const http_response& response) {
  std::vector<gateway_message> out;
  const auto header = response.header("sap-message");
  if (!header) return out;
  try {
    const auto doc = adapters::parse_exact(*header);
    if (!doc.is_object()) return out;
    out.push_back(message_of(doc));
    if (const auto d = doc.find("details"); d != doc.end() && d->is_array()) {
      for (const auto& item : *d) {
        if (item.is_object()) out.push_back(message_of(item));
      }
    }
  } catch (const std::exception&) {
    out.clear();
  }
  return out;
}

bool is_csrf_refusal(const http_response& response) {
  if (response.status != 403) return false;
  const auto token = response.header("X-CSRF-Token");
  return token && detail::iequals(*token, "Required");
}

error map_gateway_error(const http_response& response, call_kind kind, std::int64_t now_unix_ms,
                        const std::vector<std::string>& duplicate_codes,
                        const property_translator& to_pointer) {
  const int status = response.status;
  const auto body = parse_gateway_error(response.body);
  const bool duplicate =
      body && status >= 400 && contains(duplicate_codes, body->main.code);
  const bool csrf = is_csrf_refusal(response);
  const auto retry_after = response.header("Retry-After");
  const auto cls = class_for(status, duplicate, csrf, retry_after.has_value(), kind);

  std::string code = "sap.http_" + std::to_string(status);
  if (duplicate) code = "sap.duplicate_invoice";
  if (csrf) code = "sap.csrf_token_required";
  std::string message = "SAP answered HTTP " + std::to_string(status);
  if (body) {
    if (!body->main.code.empty()) message += " " + body->main.code;
    if (!body->main.message.empty()) message += ": " + clip(body->main.message);
  } else if (csrf) {
    message += ": CSRF token required";
  } else if (status != 401) {
    message += " with a body that is not a Gateway error document";
  }

  error e(cls, code, message);
  switch (cls) {
    case error_class::outcome_unknown:
    case error_class::internal:
      e.with_effect(kind == call_kind::write ? effect::possible : effect::none);
      break;
    default:
      e.with_effect(effect::none);
  }
  e.with_vendor({status, body ? body->main.code : std::string(),
                 body ? clip(body->main.message) : std::string(),
                 body ? body->transaction_id : std::string()});
  if (retry_after) {
    if (const auto ms = parse_retry_after_ms(*retry_after, now_unix_ms)) e.with_retry_after_ms(*ms);
  }
  if (cls == error_class::validation && body) {
    auto details = body->details;
    if (details.empty()) details.push_back(body->main);
    for (const auto& d : details) {
      if (d.severity == "info" || d.severity == "success") continue;
      std::string pointer = d.target.empty() || !to_pointer ? "" : to_pointer(d.target);
      std::string text = clip(d.message.empty() ? body->main.message : d.message);
      if (!d.target.empty()) text += " (SAP property " + d.target + ")";
      e.with_field(std::move(pointer), d.code.empty() ? code : "sap." + d.code, std::move(text));
    }
  }
  return e;
}

error malformed_response(std::string_view what, call_kind kind, int http_status) {
  return error(error_class::internal, "sap.malformed_response",
               "SAP answered HTTP " + std::to_string(http_status) + " but " + std::string(what))
      .with_effect(kind == call_kind::write ? effect::possible : effect::none)
      .with_vendor({http_status, "", "", ""});
}

}  // namespace erpc::sap
