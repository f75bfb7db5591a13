// SPDX-License-Identifier: Apache-2.0
// The pieces of "a vendor's HTTP answer → the erpconnect taxonomy" (docs/errors.md) that every
// ERP/AP adapter wrote the same way: whether a call could have written, the class an HTTP
// status says by itself, the effect a class implies, vendor text clipped for messages, the
// Retry-After hint and the error for a success body that cannot be read. What a vendor's own
// error codes and bodies mean stays in each adapter's *_errors.cpp. Header only.
#pragma once

#include <erpc/error.hpp>
#include <erpc/http_client.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace erpc::adapters {

// Whether a call may have written at the vendor: a 5xx or a lost reply to a write is
// OUTCOME_UNKNOWN (effect possible), to a read UNAVAILABLE.
enum class call_kind { read, write };

// At most 300 bytes of vendor text in a message or field error, "…" after a cut: a vendor's
// stack trace or HTML page must not flood logs.
inline std::string clip_vendor_text(std::string text) {
  constexpr std::size_t max_chars = 300;
  if (text.size() > max_chars) text = text.substr(0, max_chars) + "…";
  return text;
}

// The class an HTTP status says when the body says nothing more: 401 AUTHENTICATION,
// 403 PERMISSION, 404 NOT_FOUND, 409 and 412 CONFLICT, 429 RATE_LIMITED, other 5xx
// OUTCOME_UNKNOWN (write) / UNAVAILABLE (read), other 4xx VALIDATION; anything else
// (1xx/3xx/an unexpected 2xx) INTERNAL: nothing the adapter can vouch for.
inline error_class class_for_status(int status, call_kind kind) {
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
  return error_class::internal;
}

// The effect of an error of class `cls`: a write that failed without a refusal (OUTCOME_UNKNOWN,
// INTERNAL) may have written; a refusal (4xx, a limit, a credential) wrote nothing.
inline effect effect_of(error_class cls, call_kind kind) {
  if (cls == error_class::outcome_unknown || cls == error_class::internal) {
    return kind == call_kind::write ? effect::possible : effect::none;
  }
  return effect::none;
}

// The answer's Retry-After (seconds or an HTTP date) as retry_after_ms, when it has one.
inline void add_retry_after(error& e, const http_response& response, std::int64_t now_unix_ms) {
  if (const auto retry = response.header("Retry-After")) {
    if (const auto ms = parse_retry_after_ms(*retry, now_unix_ms)) e.with_retry_after_ms(*ms);
  }
}

// INTERNAL `<prefix>.malformed_response` "<vendor> answered HTTP <status> but <what>": a
// success whose body cannot be read; after a write the record may exist.
inline error malformed_response(std::string_view prefix, std::string_view vendor,
                                std::string_view what, call_kind kind, int http_status) {
  return error(error_class::internal, std::string(prefix) + ".malformed_response",
               std::string(vendor) + " answered HTTP " + std::to_string(http_status) + " but " +
                   std::string(what))
      .with_effect(kind == call_kind::write ? effect::possible : effect::none)
      .with_vendor({http_status, "", "", ""});
}

}  // namespace erpc::adapters
