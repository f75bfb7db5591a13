// SPDX-License-Identifier: Apache-2.0
// NetSuite error answers → the erpconnect taxonomy (docs/errors.md). NetSuite REST errors are
// `{type, title, status, o:errorDetails[{detail, o:errorCode, o:errorPath?, …}]}`
// (vendors.md §1.4); the class comes from the status and, for the few 400s that are not caller
// mistakes (the RESTlet concurrency refusal, §1.5), from the code.
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

namespace erpc::netsuite {

struct error_detail {
  std::string code;    // o:errorCode, e.g. INVALID_CONTENT
  std::string detail;  // the human text
  std::string path;    // o:errorPath (a path into the request body), may be empty
};

// The o:errorDetails of a body; nullopt when the body is not a NetSuite error document.
std::optional<std::vector<error_detail>> parse_error_details(std::string_view body);

// Whether the request could have written at NetSuite: decides 5xx → OUTCOME_UNKNOWN (write,
// effect possible) or UNAVAILABLE (read, effect none).
using call_kind = adapters::call_kind;

// Turns a vendor path ("expense.items[0].account") into a JSON pointer into the canonical
// payload ("/lines/0/account"); "" when there is no better answer than the whole document.
using path_translator = std::function<std::string(std::string_view vendor_path)>;

// The error for a complete response that is not a success. `now_unix_ms` resolves an
// HTTP-date Retry-After. Codes: `netsuite.<o:errorCode>`; `netsuite.http_<status>` when the
// body names none; `netsuite.unreadable_error_body` when the body is not an error document.
error map_vendor_error(const http_response& response, call_kind kind, std::int64_t now_unix_ms,
                       const path_translator& to_pointer = {});

// A success body that cannot be read (not JSON, not the expected shape, an inexact number).
error malformed_response(std::string_view what, call_kind kind, int http_status);

}  // namespace erpc::netsuite
