// SPDX-License-Identifier: Apache-2.0
#include <erpc/host/fingerprint.hpp>

#include <erpc/error.hpp>
#include <erpc/host/strict_json.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>
#include <utility>

using nlohmann::json;

namespace {

std::string fp(const char* text) { return erpc::payload_fingerprint(erpc::parse_strict(text)); }

}  // namespace

TEST_CASE("fingerprint: SHA-256 matches the FIPS 180 vectors", "[fingerprint]") {
  CHECK(erpc::sha256_hex("abc") ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(erpc::sha256_hex("") ==
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(erpc::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST_CASE("fingerprint: equal under key order, whitespace and amount scale", "[fingerprint]") {
  const std::string a = fp(R"({"supplier":"S1","total":{"amount":"1234.50","currency":"EUR"},)"
                           R"("lines":[{"net":{"currency":"EUR","amount":"10.00"}}]})");
  const std::string b = fp(R"({ "lines" : [ { "net" : { "amount":"10" , "currency":"EUR" } } ],)"
                           R"( "total":{"currency":"EUR","amount":"1234.5"}, "supplier":"S1"})");
  CHECK(a == b);
  CHECK(a.size() == 64);
  CHECK(a.find_first_not_of("0123456789abcdef") == std::string::npos);
}

TEST_CASE("fingerprint: differs when an amount, currency or field changes", "[fingerprint]") {
  const std::string base = fp(R"({"total":{"amount":"1234.50","currency":"EUR"}})");
  CHECK(base != fp(R"({"total":{"amount":"1234.51","currency":"EUR"}})"));
  CHECK(base != fp(R"({"total":{"amount":"-1234.50","currency":"EUR"}})"));
  CHECK(base != fp(R"({"total":{"amount":"12345.0","currency":"EUR"}})"));
  CHECK(base != fp(R"({"total":{"amount":"1234.50","currency":"USD"}})"));
  CHECK(base != fp(R"({"total":{"amount":"1234.50","currency":"EUR"},"memo":""})"));
}

TEST_CASE("fingerprint: only amount+currency objects are normalised", "[fingerprint]") {
  // A rate is not money: its scale is significant.
  CHECK(fp(R"({"rate":{"amount":"1.50"}})") != fp(R"({"rate":{"amount":"1.5"}})"));
  CHECK(fp(R"({"amount":"1.50","currency":"EUR"})") == fp(R"({"amount":"1.5","currency":"EUR"})"));
  // An amount that is not a decimal string stays as written (validation rejects it elsewhere).
  const json bad = erpc::normalize_money_amounts(
      erpc::parse_strict(R"({"amount":"1,50","currency":"EUR"})"));
  CHECK(bad["amount"] == "1,50");
  const json good = erpc::normalize_money_amounts(
      erpc::parse_strict(R"([{"x":[{"amount":"-0.00","currency":"JPY"}]}])"));
  CHECK(good[0]["x"][0]["amount"] == "0");
}

TEST_CASE("fingerprint: a DOM deeper than the boundary limit is refused", "[fingerprint]") {
  json deep = json::array();
  for (int i = 0; i < 100000; ++i) {
    json outer = json::array();
    outer.push_back(std::move(deep));  // moves: a copy of a deep DOM would recurse
    deep = std::move(outer);
  }
  try {
    (void)erpc::payload_fingerprint(deep);
    FAIL("expected json.too_deep");
  } catch (const erpc::error& e) {
    CHECK(e.code() == "json.too_deep");
  }
}
