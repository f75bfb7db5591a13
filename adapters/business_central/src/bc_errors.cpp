// SPDX-License-Identifier: Apache-2.0
#include "bc_errors.hpp"

namespace erpc::bc {

namespace {

using adapters::clip_vendor_text;

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

}  // namespace

std::string pointer_for_message(std::string_view message) {
  // BC's captions (table 38 Purchase Header, 39 Purchase Line, 23 Vendor) and API names, most
  // specific first.
  static const std::pair<std::string_view, std::string_view> table[] = {
      {"Vendor Invoice No.", "/invoice_number"},
      {"Vendor Cr. Memo No.", "/invoice_number"},
      {"vendorInvoiceNumber", "/invoice_number"},
      {"externalDocumentNumber", "/invoice_number"},
      {"Posting Date", "/posting_date"},
      {"postingDate", "/posting_date"},
      {"Document Date", "/invoice_date"},
      {"invoiceDate", "/invoice_date"},
      {"Due Date", "/due_date"},
      {"Currency Code", "/currency"},
      {"currencyCode", "/currency"},
      {"Buy-from Vendor No.", "/supplier"},
      {"The Vendor does not exist", "/supplier"},
      {"VAT Prod. Posting Group", "/lines"},
      {"VAT Posting Setup", "/lines"},
      {"G/L Account", "/lines"},
      {"Direct Unit Cost", "/lines"},
      {"Tax Registration No.", "/tax_id"},
      {"taxRegistrationNumber", "/tax_id"},
      {"displayName", "/name"},
      {"E-Mail", "/email"},
  };
  for (const auto& [caption, pointer] : table) {
    if (message.find(caption) != std::string_view::npos) return std::string(pointer);
  }
  return {};
}

error map_odata_error(const http_response& response, call_kind kind, std::int64_t now_unix_ms) {
  const int status = response.status;
  const auto body = parse_odata_error(response.body);
  const std::string vcode = body ? body->code : std::string();
  const auto retry_after = response.header("Retry-After");

  error_class cls = error_class::internal;
  std::string code = "bc.http_" + std::to_string(status);
  if (vcode == "Request_EntityChanged") {
    // vendors.md §4.3: a stale If-Match; the status (409 or 412) is unconfirmed.
    cls = error_class::conflict;
    code = "bc.entity_changed";
  } else if (vcode == "Internal_EntityWithSameKeyExists") {
    cls = error_class::conflict;
    code = "bc.same_key_exists";
  } else if (vcode == "BadRequest_InvalidToken") {
    cls = error_class::conflict;
    code = "bc.concurrency_token";
  } else if (vcode == "Internal_CompanyNotFound") {
    cls = error_class::configuration;
    code = "bc.company_not_found";
  } else if (status == 429 || vcode == "Application_TooManyRequests") {
    cls = error_class::rate_limited;
    code = "bc.rate_limited";
  } else if (status == 401 || starts_with(vcode, "Authentication_")) {
    cls = error_class::authentication;
  } else if (status == 403 || starts_with(vcode, "Authorization_")) {
    cls = error_class::permission;
  } else if (status == 405) {
    cls = error_class::unsupported;
  } else if (status == 503 && retry_after) {
    cls = error_class::rate_limited;  // turned away with a time to come back: nothing written
  } else {
    cls = adapters::class_for_status(status, kind);  // 404, 409/412, 5xx, other 4xx
  }
  if (cls == error_class::not_found) code = "bc.not_found";

  std::string message = "Business Central answered HTTP " + std::to_string(status);
  if (body) {
    if (!body->code.empty()) message += " " + body->code;
    if (!body->message.empty()) message += ": " + clip_vendor_text(body->message);
  } else if (status != 401) {
    message += " with a body that is not an OData error document";
  }
  error e(cls, code, message);
  e.with_effect(cls == error_class::outcome_unknown ? effect::possible : effect::none);
  e.with_vendor({status, vcode, body ? clip_vendor_text(body->message) : std::string(), ""});
  adapters::add_retry_after(e, response, now_unix_ms);
  if (cls == error_class::validation && body) {
    if (auto pointer = pointer_for_message(body->message); !pointer.empty()) {
      e.with_field(std::move(pointer), vcode.empty() ? code : "bc." + vcode, clip_vendor_text(body->message));
    }
  }
  return e;
}

error malformed_response(std::string_view what, call_kind kind, int http_status) {
  return adapters::malformed_response("bc", "Business Central", what, kind, http_status);
}

}  // namespace erpc::bc
