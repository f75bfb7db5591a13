// SPDX-License-Identifier: Apache-2.0
#include "exact_json.hpp"

#include <catch2/catch.hpp>

using namespace erpc::sim::netsuite;

TEST_CASE("amounts keep their exact text through parse and dump", "[netsuite][json]") {
  const auto doc = parse_exact(R"({"amount":1234.50,"rate":0.1,"qty":25,"neg":-0.005,"s":"1.5"})");
  CHECK(is_decimal(doc["amount"]));
  CHECK(dump_exact(doc["amount"]) == "1234.50");
  CHECK(dump_exact(doc["rate"]) == "0.1");
  CHECK(doc["qty"].is_number_integer());
  CHECK(doc["s"].is_string());  // a string that looks like a number stays a string
  CHECK(dump_exact(doc) == R"({"amount":1234.50,"neg":-0.005,"qty":25,"rate":0.1,"s":"1.5"})");
  CHECK(to_decimal(doc["amount"]) == erpc::decimal::parse("1234.5"));
  CHECK(to_decimal(doc["qty"]) == erpc::decimal::parse("25"));
  CHECK_FALSE(to_decimal(doc["s"]).has_value());
}

TEST_CASE("0.1 + 0.2 stays exact where a double would not", "[netsuite][json]") {
  const auto doc = parse_exact(R"({"a":0.1,"b":0.2})");
  const auto sum = *to_decimal(doc["a"]) + *to_decimal(doc["b"]);
  CHECK(sum == *erpc::decimal::parse("0.3"));
}

TEST_CASE("bodies that are not plain JSON with plain decimals are refused", "[netsuite][json]") {
  CHECK_THROWS_AS(parse_exact(R"({"amount":1e5})"), invalid_json);
  CHECK_THROWS_AS(parse_exact(R"({"a":1,"a":2})"), invalid_json);
  CHECK_THROWS_AS(parse_exact("{"), invalid_json);
  CHECK_THROWS_AS(parse_exact(""), invalid_json);
}

TEST_CASE("scalar text reads references by id and booleans as T/F", "[netsuite][json]") {
  const auto doc = parse_exact(R"({"entity":{"id":"17"},"flag":true,"n":7})");
  CHECK(scalar_text(doc["entity"]) == "17");
  CHECK(scalar_text(doc["flag"]) == "T");
  CHECK(scalar_text(doc["n"]) == "7");
}
