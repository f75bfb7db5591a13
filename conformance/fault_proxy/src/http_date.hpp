// SPDX-License-Identifier: Apache-2.0
// IMF-fixdate (RFC 9110 §5.6.7), the HTTP-date form of Retry-After a client must also accept.
#pragma once

#include <cstdint>
#include <string>

namespace erpc::conformance {

// "Sun, 06 Nov 1994 08:49:37 GMT" for a Unix time in seconds (UTC; no locale involved).
std::string format_http_date(std::int64_t unix_seconds);

}  // namespace erpc::conformance
