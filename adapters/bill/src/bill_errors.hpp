// SPDX-License-Identifier: Apache-2.0
// BILL v3 error answers → the erpconnect taxonomy (docs/errors.md). BILL answers HTTP 4xx/5xx
// with a JSON array [{"timestamp", "code": "BDC_…", "severity", "category", "message"}]
// (vendors.md §10.2). The class comes from the code where vendors.md names it — BDC_1322
// (3 concurrent per organisation) and BDC_1144 (hourly) are RATE_LIMITED whatever the status,
// BDC_1109 (session), BDC_1101 (credentials) and BDC_1102 (developer key) AUTHENTICATION —
// and from the HTTP status otherwise. BILL names no field in its errors: a field error's
// pointer comes from the first BILL field name the message mentions.
#pragma once

#include <erpc/adapters/vendor_errors.hpp>
#include <erpc/error.hpp>
#include <erpc/http_client.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace erpc::bill {

struct bdc_entry {
  std::string code;      // "BDC_1109"
  std::string message;
  std::string severity;  // ERROR | WARNING | INFORMATION
  std::string category;  // REQUEST | APPLICATION | SERVER | DOWNSTREAM
};

inline constexpr std::string_view session_invalid_code = "BDC_1109";

// The entries of a v3 error body; nullopt for a body that is not the v3 array (an HTML page
// from a gateway, an empty body).
std::optional<std::vector<bdc_entry>> parse_bdc_errors(std::string_view body);

// Whether a response is BILL's "Session is invalid. Please log in." (any status).
bool is_session_invalid(const http_response& response);

using call_kind = adapters::call_kind;

// A BILL field name ("invoiceNumber", "billLineItems[0].amount") → a pointer into the canonical
// payload, "" when the field is not one the payload has.
using field_translator = std::function<std::string(std::string_view vendor_field)>;

// Codes: `bill.<BDC code>`, else `bill.http_<status>`.
error map_vendor_error(const http_response& response, call_kind kind, std::int64_t now_unix_ms,
                       const field_translator& to_pointer = {});

// A success whose body cannot be read.
error malformed_response(std::string_view what, call_kind kind, int http_status);

}  // namespace erpc::bill
