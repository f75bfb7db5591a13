// SPDX-License-Identifier: Apache-2.0
#include "coupa_errors.hpp"

#include <erpc/adapters/exact_json.hpp>

namespace erpc::coupa {

namespace {

using adapters::clip_vendor_text;

// Coupa takes no If-Match: a 412 is a refusal like any other 4xx (400, 406, 422 …).
error_class class_for(int status, call_kind kind) {
  return status == 412 ? error_class::validation : adapters::class_for_status(status, kind);
}

void add_messages(const nlohmann::json& value, const std::string& field, std::vector<error_detail>& out) {
  if (value.is_string()) {
    out.push_back({field, value.get<std::string>()});
  } else if (value.is_array()) {
    for (const auto& v : value) add_messages(v, field, out);
  }
}

// <errors><error field="x">text</error>…</errors>: the texts (Coupa's default format is XML).
std::vector<error_detail> xml_errors(std::string_view body) {
  std::vector<error_detail> out;
  std::size_t at = 0;
  while ((at = body.find("<error", at)) != std::string_view::npos) {
    const auto after = at + 6;
    if (after < body.size() && body[after] == 's') {  // <errors>
      at = after;
      continue;
    }
    const auto open_end = body.find('>', at);
    const auto close = body.find("</error>", at);
    if (open_end == std::string_view::npos || close == std::string_view::npos || close < open_end) break;
    error_detail d;
    d.message = std::string(body.substr(open_end + 1, close - open_end - 1));
    const auto tag = body.substr(at, open_end - at);
    if (const auto f = tag.find("field=\""); f != std::string_view::npos) {
      const auto end = tag.find('"', f + 7);
      if (end != std::string_view::npos) d.field = std::string(tag.substr(f + 7, end - f - 7));
    }
    out.push_back(std::move(d));
    at = close + 8;
  }
  return out;
}

}  // namespace

std::optional<std::vector<error_detail>> parse_error_details(std::string_view body) {
  std::size_t first = 0;
  while (first < body.size() && (body[first] == ' ' || body[first] == '\n' || body[first] == '\r' || body[first] == '\t')) ++first;
  if (first == body.size()) return std::nullopt;
  const auto rest = body.substr(first);
  if (rest.front() == '{' || rest.front() == '[') {
    nlohmann::json doc;
    try {
      doc = adapters::parse_exact(rest);
    } catch (const std::exception&) {
      return std::nullopt;
    }
    if (!doc.is_object()) return std::nullopt;
    const auto it = doc.find("errors");
    if (it == doc.end()) return std::nullopt;
    std::vector<error_detail> out;
    if (it->is_object()) {
      for (const auto& [field, messages] : it->items()) add_messages(messages, field == "base" ? "" : field, out);
    } else {
      add_messages(*it, "", out);
    }
    return out;
  }
  if (rest.front() == '<') {
    auto out = xml_errors(rest);
    if (out.empty()) return std::nullopt;  // an HTML page from a gateway, not Coupa's
    return out;
  }
  return std::vector<error_detail>{{"", std::string(rest)}};
}

error map_vendor_error(const http_response& response, call_kind kind, std::int64_t now_unix_ms,
                       const path_translator& to_pointer) {
  const int status = response.status;
  const auto details = parse_error_details(response.body);
  const error_detail first = details && !details->empty() ? details->front() : error_detail{};
  const std::string code = "coupa.http_" + std::to_string(status);
  const auto cls = class_for(status, kind);
  std::string message = "Coupa answered HTTP " + std::to_string(status);
  if (!first.message.empty()) message += ": " + clip_vendor_text((first.field.empty() ? "" : first.field + " ") + first.message);
  error e(cls, code, message);
  e.with_effect(adapters::effect_of(cls, kind));
  e.with_vendor({status, first.field, clip_vendor_text(first.message), std::string(response.header("X-Request-Id").value_or(""))});
  adapters::add_retry_after(e, response, now_unix_ms);
  if (cls == error_class::validation) {
    if (details && !details->empty()) {
      for (const auto& d : *details) {
        std::string pointer = d.field.empty() || !to_pointer ? "" : to_pointer(d.field);
        std::string text = clip_vendor_text(d.message);
        if (!d.field.empty()) text += " (Coupa field " + d.field + ")";
        e.with_field(std::move(pointer), code, std::move(text));
      }
    } else {
      e.with_field("", code, "Coupa refused the request without a readable reason");
    }
  }
  return e;
}

error malformed_response(std::string_view what, call_kind kind, int http_status) {
  return adapters::malformed_response("coupa", "Coupa", what, kind, http_status);
}

}  // namespace erpc::coupa
