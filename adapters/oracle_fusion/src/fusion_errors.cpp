// SPDX-License-Identifier: Apache-2.0
#include "fusion_errors.hpp"

#include <erpc/adapters/exact_json.hpp>

namespace erpc::oracle_fusion {

namespace {

constexpr std::size_t max_detail_chars = 300;

std::string clip(std::string text) {
  if (text.size() > max_detail_chars) text = text.substr(0, max_detail_chars) + "…";
  return text;
}

bool word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// "The value X of the attribute Supplier is not valid." / "Attribute InvoiceId is read-only."
std::string attribute_named(std::string_view text) {
  for (std::string_view marker : {"the attribute ", "Attribute ", "attribute "}) {
    const auto at = text.find(marker);
    if (at == std::string_view::npos) continue;
    auto i = at + marker.size();
    std::string name;
    while (i < text.size() && word_char(text[i])) name += text[i++];
    if (!name.empty()) return name;
  }
  return {};
}

error_class class_for(int status, call_kind kind) {
  switch (status) {
    case 401: return error_class::authentication;
    case 403: return error_class::permission;
    case 404: return error_class::not_found;
    case 409:
    case 412: return error_class::conflict;
    case 429: return error_class::rate_limited;
    case 503: return kind == call_kind::write ? error_class::outcome_unknown : error_class::unavailable;
    default: break;
  }
  if (status >= 500 && status <= 599) {
    return kind == call_kind::write ? error_class::outcome_unknown : error_class::unavailable;
  }
  if (status >= 400 && status <= 499) return error_class::validation;
  return error_class::internal;
}

}  // namespace

std::optional<std::vector<error_detail>> parse_error_details(std::string_view body) {
  std::size_t first = 0;
  while (first < body.size() && (body[first] == ' ' || body[first] == '\n' || body[first] == '\r' || body[first] == '\t')) ++first;
  if (first == body.size()) return std::nullopt;
  if (body[first] == '{' || body[first] == '[') {
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
      if (e.path.empty()) e.path = attribute_named(e.detail);
      out.push_back(std::move(e));
    }
    return out;
  }
  if (body[first] == '<') return std::nullopt;  // an HTML page from a gateway, not Fusion's text
  error_detail e;
  e.detail = std::string(body.substr(first));
  e.path = attribute_named(e.detail);
  return std::vector<error_detail>{std::move(e)};
}

error map_vendor_error(const http_response& response, call_kind kind, std::int64_t now_unix_ms,
                       const path_translator& to_pointer) {
  const int status = response.status;
  const auto details = parse_error_details(response.body);
  const error_detail first = details && !details->empty() ? details->front() : error_detail{};
  const std::string code = first.code.empty() ? "oracle_fusion.http_" + std::to_string(status)
                                              : "oracle_fusion." + first.code;
  const auto cls = class_for(status, kind);
  std::string message = "Oracle Fusion answered HTTP " + std::to_string(status);
  if (!first.code.empty()) message += " " + first.code;
  if (!first.detail.empty()) message += ": " + clip(first.detail);
  error e(cls, code, message);
  switch (cls) {
    case error_class::outcome_unknown:
    case error_class::internal:
      e.with_effect(kind == call_kind::write ? effect::possible : effect::none);
      break;
    default:
      e.with_effect(effect::none);
  }
  e.with_vendor({status, first.code, clip(first.detail), ""});
  if (const auto retry = response.header("Retry-After")) {
    if (const auto ms = parse_retry_after_ms(*retry, now_unix_ms)) e.with_retry_after_ms(*ms);
  }
  if (cls == error_class::validation) {
    if (details && !details->empty()) {
      for (const auto& d : *details) {
        std::string pointer = d.path.empty() || !to_pointer ? "" : to_pointer(d.path);
        std::string text = clip(d.detail);
        if (!d.path.empty()) text += " (Fusion attribute " + d.path + ")";
        e.with_field(std::move(pointer), d.code.empty() ? code : "oracle_fusion." + d.code,
                     std::move(text));
      }
    } else {
      e.with_field("", code, "Oracle Fusion refused the request without a readable reason");
    }
  }
  return e;
}

error malformed_response(std::string_view what, call_kind kind, int http_status) {
  return error(error_class::internal, "oracle_fusion.malformed_response",
               "Oracle Fusion answered HTTP " + std::to_string(http_status) + " but " +
                   std::string(what))
      .with_effect(kind == call_kind::write ? effect::possible : effect::none)
      .with_vendor({http_status, "", "", ""});
}

}  // namespace erpc::oracle_fusion
