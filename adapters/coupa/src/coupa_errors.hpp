// SPDX-License-Identifier: Apache-2.0
// Coupa error answers → the erpconnect taxonomy (docs/errors.md). vendors.md §10.1: an exception
// carries a code and a short description with a standard HTTP status; the body shape is
// unconfirmed, so every form seen in practice is read: Rails-style JSON
// {"errors": {"<field>": ["<message>", …]}}, {"errors": ["<message>", …]}, Coupa's default XML
// <errors><error>…</error></errors>, or plain text. The class comes from the status; 429 is
// RATE_LIMITED with Retry-After (seconds or an HTTP-date) as retry_after_ms.
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

namespace erpc::coupa {

struct error_detail {
  std::string field;    // the hyphenated Coupa field ("invoice-number"), "" or "base" for none
  std::string message;
};

// The details of an error body; nullopt for an empty body or a page that is no Coupa error
// (an HTML gateway page, JSON without "errors").
std::optional<std::vector<error_detail>> parse_error_details(std::string_view body);

using call_kind = adapters::call_kind;

// A Coupa field ("invoice-lines[0].total") → a pointer into the canonical payload.
using path_translator = std::function<std::string(std::string_view field)>;

// Code `coupa.http_<status>` (also on each field error, whose message names the Coupa field).
error map_vendor_error(const http_response& response, call_kind kind, std::int64_t now_unix_ms,
                       const path_translator& to_pointer = {});

// A success whose body cannot be read.
error malformed_response(std::string_view what, call_kind kind, int http_status);

}  // namespace erpc::coupa
