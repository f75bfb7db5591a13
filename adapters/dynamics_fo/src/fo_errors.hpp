// SPDX-License-Identifier: Apache-2.0
// F&O answers → the erpconnect taxonomy (docs/errors.md, "Dynamics 365 Finance & Operations").
// F&O refuses with an OData body `{"error": {"code": "", "message": "An error has occurred.",
// "innererror": {"message", "type", "stacktrace"}}}` (vendors.md §5.3): error.code is empty, so
// the class comes from the status and, for a 500, from innererror:
//   500 + AxODataWriteException + "already exists"/"already used" → CONFLICT fo.record_exists
//        (a duplicate natural key: the create protocol resolves it by reading back)
//   500 + AxODataWriteException otherwise → VALIDATION fo.write_failed (the Infolog refused the
//        row; nothing was written), field pointer from the captions it names
//   any other 5xx → OUTCOME_UNKNOWN (write, effect possible) / UNAVAILABLE (read): retryable
//   429 → RATE_LIMITED fo.rate_limited with retry_after_ms (§5.4); 503 + Retry-After likewise
//   401 AUTHENTICATION, 403 PERMISSION, 404 NOT_FOUND fo.not_found, other 4xx VALIDATION.
#pragma once

#include <erpc/adapters/odata_error.hpp>
#include <erpc/adapters/vendor_errors.hpp>
#include <erpc/error.hpp>
#include <erpc/http_client.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace erpc::fo {

// The OData v4 error document, read as for every OData v4 adapter (adapters/common): its
// inner_message is the Infolog text of a failed write, inner_type ...AxODataWriteException;
// nullopt when the body is not one.
using adapters::odata_error_body;
using adapters::parse_odata_error;

using call_kind = adapters::call_kind;  // a 5xx after a write: OUTCOME_UNKNOWN

// The pointer into the canonical payload that an Infolog text is about ("" when none is named).
std::string pointer_for_infolog(std::string_view infolog);

// Whether an Infolog says the row's key (or the vendor's invoice number) is already taken.
bool is_duplicate_infolog(std::string_view infolog);

// The error for a complete answer that is not a success. Codes: `fo.record_exists`,
// `fo.write_failed`, `fo.rate_limited`, `fo.not_found`, else `fo.http_<status>`.
error map_odata_error(const http_response& response, call_kind kind, std::int64_t now_unix_ms);

// A success body that cannot be read.
error malformed_response(std::string_view what, call_kind kind, int http_status);

}  // namespace erpc::fo
