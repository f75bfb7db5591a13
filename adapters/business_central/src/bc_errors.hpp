// SPDX-License-Identifier: Apache-2.0
// Business Central answers → the erpconnect taxonomy (docs/errors.md, "Business Central").
// BC refuses with an OData v4 body `{"error": {"code", "message"}}` (vendors.md §4.4); the class
// comes from the code where it says more than the status (Request_EntityChanged,
// Internal_EntityWithSameKeyExists → CONFLICT; Internal_CompanyNotFound → CONFIGURATION;
// Authorization_* → PERMISSION), else from the status. BC names no property in its errors, so
// a field error's pointer is found from the field captions the message names.
#pragma once

#include <erpc/adapters/odata_error.hpp>
#include <erpc/adapters/vendor_errors.hpp>
#include <erpc/error.hpp>
#include <erpc/http_client.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace erpc::bc {

// The OData v4 error document, read as for every OData v4 adapter (adapters/common); nullopt
// when the body is not one.
using adapters::odata_error_body;
using adapters::parse_odata_error;

// Whether a write may have reached BC: 5xx → OUTCOME_UNKNOWN (write) or UNAVAILABLE (read).
using call_kind = adapters::call_kind;

// The pointer into the canonical payload that a BC message is about ("" when none is named).
std::string pointer_for_message(std::string_view message);

// The error for a complete answer that is not a success. Codes: `bc.entity_changed`,
// `bc.same_key_exists`, `bc.concurrency_token`, `bc.company_not_found`, `bc.rate_limited`,
// `bc.not_found`, else `bc.http_<status>`; BC's code goes to vendor.code.
error map_odata_error(const http_response& response, call_kind kind, std::int64_t now_unix_ms);

// A success body that cannot be read.
error malformed_response(std::string_view what, call_kind kind, int http_status);

}  // namespace erpc::bc
