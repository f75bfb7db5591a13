// SPDX-License-Identifier: Apache-2.0
// What a handler on the server base sees of one request. The server fills everything but
// `route` and `path_params`, which the router sets when a pattern matches.
#pragma once

#include <erpc/host/http_headers.hpp>
#include <erpc/host/traceparent.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace erpc {

using http_params = std::vector<std::pair<std::string, std::string>>;

struct server_request {
  std::string method;          // as sent, e.g. "POST"
  std::string target;          // as sent, path and query: "/v1/x?limit=5"
  std::string path;            // target before '?', still percent-encoded
  http_params query_params;    // decoded ('+' is a space), in order
  http_params path_params;     // decoded, set by the router
  std::string route;           // the matched pattern, "" when none: a bounded metrics label
  http_headers headers;
  std::string body;            // bytes as received, at most max_body_bytes
  std::string remote_address;  // "127.0.0.1:53122"
  traceparent trace = traceparent::generate();

  std::string_view header(std::string_view name) const noexcept {
    return headers.get(name).value_or(std::string_view{});
  }
  // "" when absent (a router parameter is never empty when its route matched).
  std::string_view path_param(std::string_view name) const noexcept;
  std::optional<std::string_view> query(std::string_view name) const noexcept;
  const std::string& correlation_id() const noexcept { return trace.trace_id(); }
};

// RFC 3986 percent-decoding; `plus_is_space` for query strings. nullopt on a bad escape.
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space);

// Splits "a=1&b=x%20y" into decoded pairs; nullopt when an escape is malformed.
std::optional<http_params> parse_query(std::string_view query);

}  // namespace erpc
