// SPDX-License-Identifier: Apache-2.0
#include "bill_errors.hpp"

#include <erpc/adapters/exact_json.hpp>

namespace erpc::bill {

namespace {

using adapters::clip_vendor_text;

bool field_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.' || c == '[' || c == ']';
}

// The first word of the message the translator knows as a BILL field.
std::string pointer_in(std::string_view message, const field_translator& to_pointer) {
  if (!to_pointer) return {};
  std::size_t i = 0;
  while (i < message.size()) {
    while (i < message.size() && !field_char(message[i])) ++i;
    const auto start = i;
    while (i < message.size() && field_char(message[i])) ++i;
    auto word = message.substr(start, i - start);
    while (!word.empty() && word.back() == '.') word.remove_suffix(1);
    if (word.empty()) continue;
    if (auto pointer = to_pointer(word); !pointer.empty()) return pointer;
  }
  return {};
}

std::optional<error_class> class_for_code(const std::string& code) {
  if (code == "BDC_1322" || code == "BDC_1144") return error_class::rate_limited;
  if (code == session_invalid_code || code == "BDC_1101" || code == "BDC_1102") {
    return error_class::authentication;
  }
  return std::nullopt;
}

// BILL sends no If-Match: a 412 is a refusal like any other 4xx, not a lost race.
error_class class_for_bill_status(int status, call_kind kind) {
  return status == 412 ? error_class::validation : adapters::class_for_status(status, kind);
}

}  // namespace

std::optional<std::vector<bdc_entry>> parse_bdc_errors(std::string_view body) {
  std::size_t first = 0;
  while (first < body.size() && (body[first] == ' ' || body[first] == '\n' || body[first] == '\r' || body[first] == '\t')) ++first;
  if (first == body.size() || body[first] != '[') return std::nullopt;
  nlohmann::json doc;
  try {
    doc = adapters::parse_exact(body);
  } catch (const std::exception&) {
    return std::nullopt;
  }
  if (!doc.is_array()) return std::nullopt;
  std::vector<bdc_entry> out;
  for (const auto& d : doc) {
    if (!d.is_object()) return std::nullopt;
    bdc_entry e;
    auto member = [&d](const char* name) {
      const auto it = d.find(name);
      return it != d.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    e.code = member("code");
    e.message = member("message");
    e.severity = member("severity");
    e.category = member("category");
    out.push_back(std::move(e));
  }
  return out;
}

bool is_session_invalid(const http_response& response) {
  if (response.status < 400) return false;
  const auto entries = parse_bdc_errors(response.body);
  if (!entries) return false;
  for (const auto& e : *entries) {
    if (e.code == session_invalid_code) return true;
  }
  return false;
}

error map_vendor_error(const http_response& response, call_kind kind, std::int64_t now_unix_ms,
                       const field_translator& to_pointer) {
  const int status = response.status;
  const auto entries = parse_bdc_errors(response.body);
  // The first ERROR entry speaks for the answer; warnings and information only ride along.
  bdc_entry first;
  if (entries) {
    for (const auto& e : *entries) {
      if (e.severity.empty() || e.severity == "ERROR") {
        first = e;
        break;
      }
    }
    if (first.code.empty() && !entries->empty()) first = entries->front();
  }
  const std::string code = first.code.empty() ? "bill.http_" + std::to_string(status) : "bill." + first.code;
  const auto cls = class_for_code(first.code).value_or(class_for_bill_status(status, kind));
  std::string message = "BILL answered HTTP " + std::to_string(status);
  if (!first.code.empty()) message += " " + first.code;
  if (!first.message.empty()) message += ": " + clip_vendor_text(first.message);
  error e(cls, code, message);
  e.with_effect(adapters::effect_of(cls, kind));  // a refusal (4xx, a limit, the session) wrote nothing
  e.with_vendor({status, first.code, clip_vendor_text(first.message), ""});
  adapters::add_retry_after(e, response, now_unix_ms);
  if (cls == error_class::validation) {
    if (entries && !entries->empty()) {
      for (const auto& d : *entries) {
        if (!d.severity.empty() && d.severity != "ERROR") continue;
        e.with_field(pointer_in(d.message, to_pointer), d.code.empty() ? code : "bill." + d.code,
                     clip_vendor_text(d.message));
      }
    }
    if (e.field_errors().empty()) {
      e.with_field("", code, "BILL refused the request without a readable reason");
    }
  }
  return e;
}

error malformed_response(std::string_view what, call_kind kind, int http_status) {
  return adapters::malformed_response("bill", "BILL", what, kind, http_status);
}

}  // namespace erpc::bill
