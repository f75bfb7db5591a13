// SPDX-License-Identifier: Apache-2.0
#include "fusion_errors.hpp"

#include <erpc/adapters/exact_json.hpp>

namespace erpc::oracle_fusion {

namespace {

using adapters::clip_vendor_text;

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
  const auto cls = adapters::class_for_status(status, kind);
  std::string message = "Oracle Fusion answered HTTP " + std::to_string(status);
  if (!first.code.empty()) message += " " + first.code;
  if (!first.detail.empty()) message += ": " + clip_vendor_text(first.detail);
  error e(cls, code, message);
  e.with_effect(adapters::effect_of(cls, kind));
  e.with_vendor({status, first.code, clip_vendor_text(first.detail), ""});
  adapters::add_retry_after(e, response, now_unix_ms);
  if (cls == error_class::validation) {
    if (details && !details->empty()) {
      for (const auto& d : *details) {
        std::string pointer = d.path.empty() || !to_pointer ? "" : to_pointer(d.path);
        std::string text = clip_vendor_text(d.detail);
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
  return adapters::malformed_response("oracle_fusion", "Oracle Fusion", what, kind, http_status);
}

}  // namespace erpc::oracle_fusion
