// SPDX-License-Identifier: Apache-2.0
// Every recorded Business Central answer in ../fixtures mapped to the taxonomy: class, stable
// code, effect, retry_after_ms, field pointers (vendors.md §4.3–§4.5).
#include "bc_errors.hpp"

#include <erpc/adapters/testing/recorded_response.hpp>

#include <catch2/catch.hpp>

using erpc::effect;
using erpc::error_class;
using erpc::bc::call_kind;

namespace {

erpc::http_response fixture(const std::string& name) {
  return erpc::adapters::testing::recorded_response(ERPC_BC_FIXTURES, name);
}

erpc::error map(const std::string& name, call_kind kind = call_kind::write) {
  return erpc::bc::map_odata_error(fixture(name), kind, 1'700'000'000'000);
}

}  // namespace

TEST_CASE("bc errors: a stale ETag is CONFLICT bc.entity_changed at 409 and at 412", "[bc][errors]") {
  for (const auto* name : {"409_request_entity_changed", "412_request_entity_changed"}) {
    INFO(name);
    const auto e = map(name);
    CHECK(e.cls() == error_class::conflict);
    CHECK(e.code() == "bc.entity_changed");
    CHECK(e.effect() == effect::none);
    REQUIRE(e.vendor());
    CHECK(e.vendor()->code == "Request_EntityChanged");
  }
  const auto token = map("400_invalid_token");
  CHECK(token.cls() == error_class::conflict);
  CHECK(token.code() == "bc.concurrency_token");
}

TEST_CASE("bc errors: Internal_EntityWithSameKeyExists is CONFLICT, not VALIDATION", "[bc][errors]") {
  const auto e = map("400_entity_with_same_key_exists");
  CHECK(e.cls() == error_class::conflict);
  CHECK(e.code() == "bc.same_key_exists");
  CHECK(e.message().find("No.='V10000'") != std::string::npos);
}

TEST_CASE("bc errors: business refusals are VALIDATION with a pointer found from BC's captions",
          "[bc][errors]") {
  const auto period = map("400_posting_date_not_allowed");
  CHECK(period.cls() == error_class::validation);
  CHECK(period.code() == "bc.http_400");
  CHECK(period.effect() == effect::none);
  REQUIRE(period.field_errors().size() == 1);
  CHECK(period.field_errors()[0].pointer == "/posting_date");
  CHECK(period.field_errors()[0].code == "bc.Application_FieldValidationException");

  const auto vendor = map("400_record_not_found_vendor");
  REQUIRE(vendor.field_errors().size() == 1);
  CHECK(vendor.field_errors()[0].pointer == "/supplier");

  const auto duplicate = map("400_duplicate_at_post");
  CHECK(duplicate.cls() == error_class::validation);
  CHECK(duplicate.vendor()->code == "Application_DialogException");
}

TEST_CASE("bc errors: 429 is RATE_LIMITED with or without Retry-After", "[bc][errors]") {
  const auto bare = map("429_too_many_requests");
  CHECK(bare.cls() == error_class::rate_limited);
  CHECK(bare.code() == "bc.rate_limited");
  CHECK_FALSE(bare.retry_after_ms());
  const auto timed = map("429_too_many_requests_retry_after");
  REQUIRE(timed.retry_after_ms());
  CHECK(*timed.retry_after_ms() == 30'000);
}

TEST_CASE("bc errors: 5xx on a write is OUTCOME_UNKNOWN effect possible, on a read UNAVAILABLE",
          "[bc][errors]") {
  for (const auto* name : {"500_internal_server_error", "504_gateway_timeout"}) {
    INFO(name);
    const auto w = map(name, call_kind::write);
    CHECK(w.cls() == error_class::outcome_unknown);
    CHECK(w.effect() == effect::possible);
    const auto r = map(name, call_kind::read);
    CHECK(r.cls() == error_class::unavailable);
    CHECK(r.effect() == effect::none);
  }
}

TEST_CASE("bc errors: authentication, permission, company and not found", "[bc][errors]") {
  CHECK(map("401_invalid_credentials").cls() == error_class::authentication);
  CHECK(map("403_no_permission").cls() == error_class::permission);
  const auto company = map("404_company_not_found", call_kind::read);
  CHECK(company.cls() == error_class::configuration);
  CHECK(company.code() == "bc.company_not_found");
  const auto missing = map("404_not_found", call_kind::read);
  CHECK(missing.cls() == error_class::not_found);
  CHECK(missing.code() == "bc.not_found");
}

TEST_CASE("bc errors: a body that is not OData is named, never echoed as a code", "[bc][errors]") {
  const auto e = map("504_gateway_timeout");
  CHECK(e.message().find("not an OData error document") != std::string::npos);
  REQUIRE(e.vendor());
  CHECK(e.vendor()->code.empty());
}
