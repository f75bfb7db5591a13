// SPDX-License-Identifier: Apache-2.0
// Oracle Fusion ADF REST error answers → the erpconnect taxonomy (docs/errors.md). Fusion answers
// a terse plain-text body, or — when asked with `Accept: application/vnd.oracle.adf.error+json`,
// which this adapter always sends — {title, status, o:errorDetails[{detail, o:errorCode?,
// o:errorPath?}]} (vendors.md §3.4, secondary). Both are read. The class comes from the status
// (§3.4: 401, 403, 404, 412, 429, 400).
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

namespace erpc::oracle_fusion {

struct error_detail {
  std::string code;    // o:errorCode, may be empty
  std::string detail;  // the human text
  std::string path;    // o:errorPath, or the attribute a plain-text message names
};

// The details of an error body: the ADF JSON form, or one detail from a plain-text body (its
// attribute found in "… the attribute X …" / "Attribute X …"). nullopt for an empty body or a
// JSON document that is not an ADF error.
std::optional<std::vector<error_detail>> parse_error_details(std::string_view body);

using call_kind = adapters::call_kind;

// A vendor path ("InvoiceNumber", "invoiceLines[0].LineAmount") → a pointer into the payload.
using path_translator = std::function<std::string(std::string_view vendor_path)>;

// Codes: `oracle_fusion.<o:errorCode>`, else `oracle_fusion.http_<status>`.
error map_vendor_error(const http_response& response, call_kind kind, std::int64_t now_unix_ms,
                       const path_translator& to_pointer = {});

// A success whose body cannot be read.
error malformed_response(std::string_view what, call_kind kind, int http_status);

}  // namespace erpc::oracle_fusion
