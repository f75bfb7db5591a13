// SPDX-License-Identifier: Apache-2.0
// Every recorded BILL error body in ../fixtures (each says where its shape comes from) mapped to
// the taxonomy: class, stable code, effect, retry_after_ms and field pointers (vendors.md §10.2:
// the v3 array [{timestamp, code, severity, category, message}]).
#include "bill_errors.hpp"
#include "record_mapping.hpp"

#include <erpc/adapters/testing/recorded_response.hpp>

#include <catch2/catch.hpp>

namespace {

using erpc::effect;
using erpc::error_class;
using erpc::bill::call_kind;

erpc::http_response fixture(const std::string& name) {
  return erpc::adapters::testing::recorded_response(ERPC_BILL_FIXTURES, name);
}

erpc::error map(const std::string& name, call_kind kind, const erpc::bill::field_translator& to_pointer = {}) {
  return erpc::bill::map_vendor_error(fixture(name), kind, 1'700'000'000'000, to_pointer);
}

}  // namespace

TEST_CASE("BDC_1109 is recognised as the session answer and maps to AUTHENTICATION", "[bill][errors]") {
  const auto res = fixture("401_session_invalid");
  CHECK(erpc::bill::is_session_invalid(res));
  CHECK_FALSE(erpc::bill::is_session_invalid(fixture("401_bad_credentials")));
  CHECK_FALSE(erpc::bill::is_session_invalid(fixture("502_html_gateway")));
  const auto e = map("401_session_invalid", call_kind::write);
  CHECK(e.cls() == error_class::authentication);
  CHECK(e.code() == "bill.BDC_1109");
  CHECK(e.effect() == effect::none);
  CHECK(e.message().find("Session is invalid") != std::string::npos);
}

TEST_CASE("BDC_1322 and BDC_1144 are RATE_LIMITED whatever the HTTP status", "[bill][errors]") {
  for (const char* name : {"429_concurrent_limit", "400_concurrent_limit"}) {
    INFO(name);
    const auto e = map(name, call_kind::write);
    CHECK(e.cls() == error_class::rate_limited);
    CHECK(e.code() == "bill.BDC_1322");
    CHECK(e.effect() == effect::none);
    CHECK(e.field_errors().empty());
  }
  const auto hourly = map("429_hourly_limit_retry_after", call_kind::read);
  CHECK(hourly.cls() == error_class::rate_limited);
  CHECK(hourly.code() == "bill.BDC_1144");
  CHECK(hourly.retry_after_ms() == 120000);
}

TEST_CASE("credential and developer-key refusals are AUTHENTICATION - an unknown path NOT_FOUND",
          "[bill][errors]") {
  CHECK(map("401_bad_credentials", call_kind::read).code() == "bill.BDC_1101");
  CHECK(map("401_bad_credentials", call_kind::read).cls() == error_class::authentication);
  CHECK(map("401_bad_dev_key", call_kind::read).code() == "bill.BDC_1102");
  CHECK(map("401_bad_dev_key", call_kind::read).cls() == error_class::authentication);
  const auto e = map("404_api_not_supported", call_kind::read);
  CHECK(e.cls() == error_class::not_found);
  CHECK(e.code() == "bill.BDC_1121");
}

TEST_CASE("a refused bill field is VALIDATION with the payload's pointer", "[bill][errors]") {
  const auto bill = erpc::bill::make_bill_mapping();
  const auto to_pointer = [&](std::string_view f) { return bill->pointer_for(f); };
  const auto e = map("400_invoice_number_required", call_kind::write, to_pointer);
  CHECK(e.cls() == error_class::validation);
  CHECK(e.code() == "bill.BDC_1000");
  CHECK(e.effect() == effect::none);
  REQUIRE(e.field_errors().size() == 1);
  CHECK(e.field_errors()[0].pointer == "/invoice_number");
  CHECK(e.field_errors()[0].code == "bill.BDC_1000");
  REQUIRE(e.vendor());
  CHECK(e.vendor()->http_status == 400);

  // The ERROR entry speaks for the answer; the WARNING beside it is no field error.
  const auto lines = map("400_line_amount_and_warning", call_kind::write, to_pointer);
  CHECK(lines.code() == "bill.BDC_1000");
  REQUIRE(lines.field_errors().size() == 1);
  CHECK(lines.field_errors()[0].pointer == "/lines/1/gross");
}

TEST_CASE("a refused payment amount points at the payment's amount", "[bill][errors]") {
  const auto payment = erpc::bill::make_payment_mapping();
  const auto e = map("400_payment_exceeds_due", call_kind::write,
                     [&](std::string_view f) { return payment->pointer_for(f); });
  CHECK(e.cls() == error_class::validation);
  REQUIRE(e.field_errors().size() == 1);
  CHECK(e.field_errors()[0].pointer == "/amount");
}

TEST_CASE("5xx on a write is OUTCOME_UNKNOWN with effect possible - on a read UNAVAILABLE",
          "[bill][errors]") {
  const auto write = map("500_server", call_kind::write);
  CHECK(write.cls() == error_class::outcome_unknown);
  CHECK(write.effect() == effect::possible);
  CHECK(write.code() == "bill.BDC_1000");
  const auto read = map("502_html_gateway", call_kind::read);
  CHECK(read.cls() == error_class::unavailable);
  CHECK(read.effect() == effect::none);
  CHECK(read.code() == "bill.http_502");
  CHECK(map("502_html_gateway", call_kind::write).cls() == error_class::outcome_unknown);
}

TEST_CASE("a body that is not the v3 array is not read as one", "[bill][errors]") {
  CHECK_FALSE(erpc::bill::parse_bdc_errors("").has_value());
  CHECK_FALSE(erpc::bill::parse_bdc_errors("{\"code\":\"BDC_1109\"}").has_value());
  CHECK_FALSE(erpc::bill::parse_bdc_errors("[1, 2]").has_value());
  const auto parsed = erpc::bill::parse_bdc_errors(fixture("400_line_amount_and_warning").body);
  REQUIRE(parsed);
  REQUIRE(parsed->size() == 2);
  CHECK((*parsed)[0].severity == "WARNING");
  CHECK((*parsed)[1].category == "REQUEST");
}
