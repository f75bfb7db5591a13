// SPDX-License-Identifier: Apache-2.0
#include <erpc/host/server_request.hpp>

#include <catch2/catch.hpp>

using namespace erpc;

TEST_CASE("percent_decode decodes escapes and refuses broken ones", "[server][request]") {
  CHECK(percent_decode("a%20b%2Fc", false) == "a b/c");
  CHECK(percent_decode("a+b", false) == "a+b");
  CHECK(percent_decode("a+b", true) == "a b");
  CHECK(percent_decode("%e2%82%AC", false) == "\xe2\x82\xac");
  CHECK_FALSE(percent_decode("%", false));
  CHECK_FALSE(percent_decode("%4", false));
  CHECK_FALSE(percent_decode("ab%", false));
  CHECK_FALSE(percent_decode("%zz", false));
}

TEST_CASE("parse_query keeps order, decodes, allows empty values", "[server][request]") {
  const auto q = parse_query("limit=5&name=J%C3%B6rg+M&flag&&x=");
  REQUIRE(q);
  REQUIRE(q->size() == 4);
  CHECK((*q)[0] == std::pair<std::string, std::string>{"limit", "5"});
  CHECK((*q)[1].second == "J\xc3\xb6rg M");
  CHECK((*q)[2] == std::pair<std::string, std::string>{"flag", ""});
  CHECK((*q)[3] == std::pair<std::string, std::string>{"x", ""});
  CHECK_FALSE(parse_query("a=%G1"));
}

TEST_CASE("request accessors find params and headers", "[server][request]") {
  server_request r;
  r.path_params = {{"connection", "hello-eu"}};
  r.query_params = {{"limit", "5"}};
  r.headers.add("Idempotency-Key", "k-1");
  CHECK(r.path_param("connection") == "hello-eu");
  CHECK(r.path_param("op").empty());
  CHECK(r.query("limit") == "5");
  CHECK_FALSE(r.query("offset"));
  CHECK(r.header("idempotency-key") == "k-1");
  CHECK(r.correlation_id().size() == 32);
}
