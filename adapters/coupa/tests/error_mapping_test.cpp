// SPDX-License-Identifier: Apache-2.0
// Every recorded Coupa error body in ../fixtures (each says where its shape comes from) mapped
// to the taxonomy: class, stable code, effect, retry_after_ms and field pointers — for the JSON
// errors object, plain text and Coupa's default XML (vendors.md §10.1: the shape is unconfirmed).
#include "coupa_errors.hpp"
#include "resource_mapping.hpp"

#include <erpc/adapters/testing/recorded_response.hpp>

#include <catch2/catch.hpp>

namespace {

using erpc::effect;
using erpc::error_class;
using erpc::coupa::call_kind;

constexpr std::int64_t now_ms = 1'700'000'000'000;

erpc::http_response fixture(const std::string& name) {
  return erpc::adapters::testing::recorded_response(ERPC_COUPA_FIXTURES, name);
}

erpc::error map(const std::string& name, call_kind kind) {
  const auto invoice = erpc::coupa::make_invoice_mapping();
  return erpc::coupa::map_vendor_error(fixture(name), kind, now_ms,
                                       [&](std::string_view f) { return invoice->pointer_for(f); });
}

}  // namespace

TEST_CASE("a duplicate invoice number (JSON errors object) is VALIDATION at /invoice_number", "[coupa][errors]") {
  const auto e = map("422_duplicate_invoice_json_errors", call_kind::write);
  CHECK(e.cls() == error_class::validation);
  CHECK(e.code() == "coupa.http_422");
  CHECK(e.effect() == effect::none);
  REQUIRE(e.field_errors().size() == 1);
  CHECK(e.field_errors()[0].pointer == "/invoice_number");
  CHECK(e.field_errors()[0].code == "coupa.http_422");
  CHECK(e.message().find("already been taken") != std::string::npos);
  REQUIRE(e.vendor());
  CHECK(e.vendor()->http_status == 422);
  CHECK(e.vendor()->code == "invoice-number");
}

TEST_CASE("a plain-text refusal keeps its text, with a field error without a pointer", "[coupa][errors]") {
  const auto e = map("400_duplicate_invoice_plain_text", call_kind::write);
  CHECK(e.cls() == error_class::validation);
  CHECK(e.code() == "coupa.http_400");
  REQUIRE(e.field_errors().size() == 1);
  CHECK(e.field_errors()[0].pointer.empty());
  CHECK(e.message().find("already been taken") != std::string::npos);
}

TEST_CASE("a line field error points into the line", "[coupa][errors]") {
  const auto e = map("422_line_total_not_number", call_kind::write);
  REQUIRE(e.field_errors().size() == 1);
  CHECK(e.field_errors()[0].pointer == "/lines/0/net");
}

TEST_CASE("Coupa's XML errors are read, each <error> a field error", "[coupa][errors]") {
  const auto e = map("400_xml_errors", call_kind::write);
  CHECK(e.cls() == error_class::validation);
  REQUIRE(e.field_errors().size() == 2);
  CHECK(e.field_errors()[0].message.find("Invoice date can't be blank") != std::string::npos);
  CHECK(e.field_errors()[1].pointer == "/currency");
}

TEST_CASE("429 is RATE_LIMITED with retry_after_ms from Retry-After, or none without it", "[coupa][errors]") {
  const auto e = map("429_retry_after", call_kind::write);
  CHECK(e.cls() == error_class::rate_limited);
  CHECK(e.code() == "coupa.http_429");
  CHECK(e.effect() == effect::none);
  CHECK(e.retry_after_ms() == 1000);
  const auto bare = map("429_without_retry_after", call_kind::read);
  CHECK(bare.cls() == error_class::rate_limited);
  CHECK_FALSE(bare.retry_after_ms());
}

TEST_CASE("401, 403, 404 and 406 map to their classes with effect none", "[coupa][errors]") {
  CHECK(map("401_invalid_token", call_kind::read).cls() == error_class::authentication);
  const auto scope = map("403_missing_scope", call_kind::write);
  CHECK(scope.cls() == error_class::permission);
  CHECK(scope.effect() == effect::none);
  CHECK(scope.message().find("core.invoice.write") != std::string::npos);
  CHECK(map("403_rest_create_forbidden", call_kind::write).cls() == error_class::permission);
  CHECK(map("404_not_found", call_kind::read).cls() == error_class::not_found);
  const auto format = map("406_not_acceptable", call_kind::read);
  CHECK(format.cls() == error_class::validation);
  CHECK(format.code() == "coupa.http_406");
}

TEST_CASE("5xx on a write is OUTCOME_UNKNOWN with effect possible, on a read UNAVAILABLE", "[coupa][errors]") {
  const auto write = map("500_internal", call_kind::write);
  CHECK(write.cls() == error_class::outcome_unknown);
  CHECK(write.effect() == effect::possible);
  const auto read = map("500_internal", call_kind::read);
  CHECK(read.cls() == error_class::unavailable);
  CHECK(read.effect() == effect::none);
  const auto gateway = map("502_html_gateway", call_kind::write);
  CHECK(gateway.cls() == error_class::outcome_unknown);
  CHECK(gateway.message().find("<html>") == std::string::npos);  // a gateway page is no message
}

TEST_CASE("bodies that are no Coupa error are not read as one", "[coupa][errors]") {
  CHECK_FALSE(erpc::coupa::parse_error_details(""));
  CHECK_FALSE(erpc::coupa::parse_error_details("{\"message\": \"x\"}"));
  CHECK_FALSE(erpc::coupa::parse_error_details("<html><body>oops</body></html>"));
  const auto list = erpc::coupa::parse_error_details("{\"errors\": [\"one\", \"two\"]}");
  REQUIRE(list);
  CHECK(list->size() == 2);
}
