// SPDX-License-Identifier: Apache-2.0
#include <erpc/host/http_headers.hpp>

#include <catch2/catch.hpp>

using erpc::http_headers;

TEST_CASE("header names compare case-insensitively, values exactly", "[server][headers]") {
  http_headers h;
  h.add("Content-Type", "application/json");
  h.add("X-Trace", "Abc");
  CHECK(h.get("content-type") == "application/json");
  CHECK(h.get("CONTENT-TYPE") == "application/json");
  CHECK(h.get("x-trace") == "Abc");
  CHECK_FALSE(h.get("content-length"));
  CHECK(h.value_or("missing", "dflt") == "dflt");
  CHECK_FALSE(erpc::iequals_ascii("abc", "abcd"));
}

TEST_CASE("set replaces every field of a name, add keeps earlier ones", "[server][headers]") {
  http_headers h{{"Set-Cookie", "a=1"}, {"set-cookie", "b=2"}};
  CHECK(h.size() == 2);
  CHECK(h.get("Set-Cookie") == "a=1");
  h.set("SET-COOKIE", "c=3");
  CHECK(h.size() == 1);
  CHECK(h.get("set-cookie") == "c=3");
  h.erase("Set-Cookie");
  CHECK(h.empty());
}
