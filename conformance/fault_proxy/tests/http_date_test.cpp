// SPDX-License-Identifier: Apache-2.0
#include "http_date.hpp"

#include <catch2/catch.hpp>

using erpc::conformance::format_http_date;

TEST_CASE("HTTP-dates are IMF-fixdate in GMT", "[fault_proxy][http_date]") {
  // RFC 9110 §5.6.7's own example.
  CHECK(format_http_date(784111777) == "Sun, 06 Nov 1994 08:49:37 GMT");
  CHECK(format_http_date(0) == "Thu, 01 Jan 1970 00:00:00 GMT");
  CHECK(format_http_date(951782400) == "Tue, 29 Feb 2000 00:00:00 GMT");  // leap day
  CHECK(format_http_date(1798761599) == "Thu, 31 Dec 2026 23:59:59 GMT");
}
