// SPDX-License-Identifier: Apache-2.0
// Every recorded F&O answer in ../fixtures mapped to the taxonomy: class, stable code, effect,
// retry_after_ms, field pointers (vendors.md §5.3, §5.4). The empty-code 500 with "The record
// already exists." must be CONFLICT (the create protocol reads back), not a retryable 500.
#include "fo_errors.hpp"

#include <erpc/adapters/testing/recorded_response.hpp>

#include <catch2/catch.hpp>

#include <filesystem>

using erpc::effect;
using erpc::error_class;
using erpc::fo::call_kind;

namespace {

erpc::http_response fixture(const std::string& name) {
  return erpc::adapters::testing::recorded_response(ERPC_FO_FIXTURES, name);
}

erpc::error map(const std::string& name, call_kind kind = call_kind::write) {
  return erpc::fo::map_odata_error(fixture(name), kind, 1'700'000'000'000);
}

}  // namespace

TEST_CASE("fo errors: the empty-code 500 'The record already exists.' is CONFLICT fo.record_exists", "[fo][errors]") {
  for (const auto* name : {"500_record_already_exists", "500_vendor_already_exists", "500_invoice_number_used"}) {
    INFO(name);
    const auto e = map(name);
    CHECK(e.cls() == error_class::conflict);
    CHECK(e.code() == "fo.record_exists");
    CHECK(e.effect() == effect::none);
    REQUIRE(e.vendor());
    CHECK(e.vendor()->http_status == 500);
    CHECK(e.vendor()->code.empty());
    CHECK(e.vendor()->message.find("already") != std::string::npos);
    CHECK(e.message().find("Infolog") != std::string::npos);
  }
}

TEST_CASE("fo errors: a write failure without a duplicate is VALIDATION with a pointer", "[fo][errors]") {
  const auto e = map("500_write_failed_invoice_account");
  CHECK(e.cls() == error_class::validation);
  CHECK(e.code() == "fo.write_failed");
  CHECK(e.effect() == effect::none);
  REQUIRE(e.field_errors().size() == 1);
  CHECK(e.field_errors()[0].pointer == "/supplier");
  CHECK(e.field_errors()[0].code == "fo.write_failed");
  // A caption this adapter does not write: VALIDATION still, without a made-up pointer.
  const auto other = map("500_write_failed_related_table");
  CHECK(other.cls() == error_class::validation);
  CHECK(other.field_errors().empty());
}

TEST_CASE("fo errors: any other 500 is retryable — OUTCOME_UNKNOWN on a write, UNAVAILABLE on a read", "[fo][errors]") {
  for (const auto* name : {"500_internal_no_innererror", "500_html"}) {
    INFO(name);
    const auto w = map(name, call_kind::write);
    CHECK(w.cls() == error_class::outcome_unknown);
    CHECK(w.effect() == effect::possible);
    CHECK(w.code() == "fo.http_500");
    const auto r = map(name, call_kind::read);
    CHECK(r.cls() == error_class::unavailable);
    CHECK(r.effect() == effect::none);
  }
}

TEST_CASE("fo errors: 429 and 503 with Retry-After are RATE_LIMITED with retry_after_ms", "[fo][errors]") {
  const auto e = map("429_retry_after");
  CHECK(e.cls() == error_class::rate_limited);
  CHECK(e.code() == "fo.rate_limited");
  CHECK(e.effect() == effect::none);
  REQUIRE(e.retry_after_ms());
  CHECK(*e.retry_after_ms() == 30'000);
  const auto busy = map("503_retry_after", call_kind::read);
  CHECK(busy.cls() == error_class::rate_limited);
  REQUIRE(busy.retry_after_ms());
  CHECK(*busy.retry_after_ms() == 5'000);
}

TEST_CASE("fo errors: 401, 403, 404, 400 by status", "[fo][errors]") {
  CHECK(map("401_invalid_token").cls() == error_class::authentication);
  CHECK(map("403_forbidden").cls() == error_class::permission);
  const auto nf = map("404_not_found", call_kind::read);
  CHECK(nf.cls() == error_class::not_found);
  CHECK(nf.code() == "fo.not_found");
  const auto bad = map("400_bad_filter", call_kind::read);
  CHECK(bad.cls() == error_class::validation);
  CHECK(bad.code() == "fo.http_400");
  CHECK(bad.message().find("'in' operator") != std::string::npos);
}

TEST_CASE("fo errors: every fixture maps to a stable dotted code", "[fo][errors]") {
  std::size_t n = 0;
  for (const auto& entry : std::filesystem::directory_iterator(ERPC_FO_FIXTURES)) {
    const auto name = entry.path().stem().string();
    INFO(name);
    const auto e = map(name);
    CHECK(e.code().rfind("fo.", 0) == 0);
    CHECK(!e.message().empty());
    ++n;
  }
  CHECK(n >= 13);
}

TEST_CASE("fo errors: the duplicate test reads the Infolog, not the outer message", "[fo][errors]") {
  CHECK(erpc::fo::is_duplicate_infolog("Info: Cannot create a record in Vendors (VendTable). usmf, V1.\nThe record already exists.."));
  CHECK(erpc::fo::is_duplicate_infolog("Invoice number INV-1 is already used."));
  CHECK_FALSE(erpc::fo::is_duplicate_infolog("Warning: Field 'Name' must be filled in."));
}
