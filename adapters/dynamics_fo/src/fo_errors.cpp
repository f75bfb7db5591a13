// SPDX-License-Identifier: Apache-2.0
#include "fo_errors.hpp"

namespace erpc::fo {

namespace {

using adapters::clip_vendor_text;

constexpr std::string_view write_exception = "AxODataWriteException";

// The Infolog after "Infolog: " (the row type before it says nothing the caller can act on).
std::string infolog_of(const std::string& inner) {
  const auto at = inner.find("Infolog: ");
  return at == std::string::npos ? inner : inner.substr(at + 9);
}

}  // namespace

bool is_duplicate_infolog(std::string_view infolog) {
  // vendors.md §5.3: "...The record already exists.."; the "check invoice number used"
  // refusal names the number as already used (its exact text is unconfirmed).
  return infolog.find("already exists") != std::string_view::npos ||
         infolog.find("already used") != std::string_view::npos;
}

std::string pointer_for_infolog(std::string_view infolog) {
  // Field captions of the entities this adapter writes, most specific first.
  static const std::pair<std::string_view, std::string_view> table[] = {
      {"'Invoice account'", "/supplier"},
      {"Invoice number", "/invoice_number"},
      {"'Invoice'", "/invoice_number"},
      {"'Invoice date'", "/invoice_date"},
      {"'Item sales tax group'", "/lines"},
      {"'Amount'", "/lines"},
      {"'Account'", "/lines"},
      {"debit amount or a credit amount", "/lines"},
      {"'Vendor account'", "/number"},
      {"'Name'", "/name"},
      {"'Group'", "/number"},
      {"'On hold'", "/status"},
      {"Company '", "/legal_entity"},
  };
  for (const auto& [caption, pointer] : table) {
    if (infolog.find(caption) != std::string_view::npos) return std::string(pointer);
  }
  return {};
}

error map_odata_error(const http_response& response, call_kind kind, std::int64_t now_unix_ms) {
  const int status = response.status;
  const auto body = parse_odata_error(response.body);
  const bool write_failed =
      body && status == 500 && body->inner_type.find(write_exception) != std::string::npos;
  const auto infolog = write_failed ? infolog_of(body->inner_message) : std::string();
  const auto retry_after = response.header("Retry-After");

  error_class cls = error_class::internal;
  std::string code = "fo.http_" + std::to_string(status);
  if (write_failed && is_duplicate_infolog(infolog)) {
    cls = error_class::conflict;
    code = "fo.record_exists";
  } else if (write_failed) {
    cls = error_class::validation;
    code = "fo.write_failed";
  } else if (status == 405) {
    cls = error_class::unsupported;
  } else if (status == 503 && retry_after) {
    cls = error_class::rate_limited;  // turned away with a time to come back: nothing written
  } else {
    cls = adapters::class_for_status(status, kind);
  }
  if (cls == error_class::rate_limited) code = "fo.rate_limited";
  if (cls == error_class::not_found) code = "fo.not_found";

  std::string message = "F&O answered HTTP " + std::to_string(status);
  if (body) {
    if (!body->message.empty()) message += ": " + clip_vendor_text(body->message);
    if (!infolog.empty()) message += " Infolog: " + clip_vendor_text(infolog);
  } else if (status != 401) {
    message += " with a body that is not an OData error document";
  }
  error e(cls, code, message);
  e.with_effect(cls == error_class::outcome_unknown ? effect::possible : effect::none);
  e.with_vendor({status, body ? body->code : std::string(),
                 clip_vendor_text(write_failed ? infolog : (body ? body->message : std::string())), ""});
  adapters::add_retry_after(e, response, now_unix_ms);
  if (cls == error_class::validation && !infolog.empty()) {
    if (auto pointer = pointer_for_infolog(infolog); !pointer.empty()) {
      e.with_field(std::move(pointer), code, clip_vendor_text(infolog));
    }
  }
  return e;
}

error malformed_response(std::string_view what, call_kind kind, int http_status) {
  return adapters::malformed_response("fo", "F&O", what, kind, http_status);
}

}  // namespace erpc::fo
