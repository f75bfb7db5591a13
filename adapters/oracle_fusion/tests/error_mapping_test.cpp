// SPDX-License-Identifier: Apache-2.0
// Every recorded Oracle Fusion error body in ../fixtures (each says where its shape comes from)
// mapped to the taxonomy: class, stable code, effect, retry_after_ms and field pointers — for
// the ADF error JSON and the plain-text form (vendors.md §3.4).
#include "fusion_errors.hpp"
#include "resource_mapping.hpp"

#include <erpc/adapters/testing/recorded_response.hpp>

#include <catch2/catch.hpp>

namespace {

using erpc::effect;
using erpc::error_class;
using erpc::oracle_fusion::call_kind;

erpc::http_response fixture(const std::string& name) {
  return erpc::adapters::testing::recorded_response(ERPC_ORACLE_FUSION_FIXTURES, name);
}

erpc::error map(const std::string& name, call_kind kind,
                const erpc::oracle_fusion::path_translator& to_pointer = {}) {
  return erpc::oracle_fusion::map_vendor_error(fixture(name), kind, 1'700'000'000'000, to_pointer);
}

}  // namespace

TEST_CASE("a duplicate invoice (ADF JSON) is VALIDATION with the invoice number's pointer",
          "[oracle_fusion][errors]") {
  const auto invoice = erpc::oracle_fusion::make_invoice_mapping();
  const auto e = map("400_duplicate_invoice_adf_json", call_kind::write,
                     [&](std::string_view p) { return invoice->pointer_for(p); });
  CHECK(e.cls() == error_class::validation);
  CHECK(e.code() == "oracle_fusion.http_400");
  CHECK(e.effect() == effect::none);
  REQUIRE(e.field_errors().size() == 1);
  CHECK(e.field_errors()[0].pointer == "/invoice_number");
  CHECK(e.message().find("Duplicate Invoice Number") != std::string::npos);
  REQUIRE(e.vendor());
  CHECK(e.vendor()->http_status == 400);
}

TEST_CASE("a 409 duplicate with an o:errorCode is CONFLICT with that code", "[oracle_fusion][errors]") {
  const auto e = map("409_duplicate_invoice_coded", call_kind::write);
  CHECK(e.cls() == error_class::conflict);
  CHECK(e.code() == "oracle_fusion.AP-DUP");
  CHECK(e.effect() == effect::none);
}

TEST_CASE("plain-text 400s are read: the attribute named becomes the pointer", "[oracle_fusion][errors]") {
  const auto invoice = erpc::oracle_fusion::make_invoice_mapping();
  const auto to_pointer = [&](std::string_view p) { return invoice->pointer_for(p); };
  const auto terse = map("400_invalid_operation_plain_text", call_kind::write, to_pointer);
  CHECK(terse.cls() == error_class::validation);
  CHECK(terse.code() == "oracle_fusion.http_400");
  REQUIRE(terse.field_errors().size() == 1);
  CHECK(terse.field_errors()[0].pointer.empty());
  CHECK(terse.message().find("Invalid operation create") != std::string::npos);

  const auto named = map("400_attribute_plain_text", call_kind::write, to_pointer);
  REQUIRE(named.field_errors().size() == 1);
  CHECK(named.field_errors()[0].pointer == "/supplier");
}

TEST_CASE("an o:errorPath into a child line points at the canonical line", "[oracle_fusion][errors]") {
  const auto invoice = erpc::oracle_fusion::make_invoice_mapping();
  const auto e = map("400_attribute_not_valid_adf_json", call_kind::write,
                     [&](std::string_view p) { return invoice->pointer_for(p); });
  REQUIRE(e.field_errors().size() == 1);
  CHECK(e.field_errors()[0].pointer == "/lines/0/net");
}

TEST_CASE("401, 403, 404, 412 map to their classes with effect none", "[oracle_fusion][errors]") {
  CHECK(map("401_unauthenticated", call_kind::write).cls() == error_class::authentication);
  CHECK(map("401_unauthenticated", call_kind::write).effect() == effect::none);
  CHECK(map("403_missing_privilege", call_kind::write).cls() == error_class::permission);
  const auto missing = map("404_not_found", call_kind::read);
  CHECK(missing.cls() == error_class::not_found);
  CHECK(missing.code() == "oracle_fusion.http_404");
  CHECK(map("412_etag_mismatch", call_kind::write).cls() == error_class::conflict);
}

TEST_CASE("429 is RATE_LIMITED with Retry-After in milliseconds", "[oracle_fusion][errors]") {
  const auto e = map("429_retry_after", call_kind::write);
  CHECK(e.cls() == error_class::rate_limited);
  CHECK(e.retry_after_ms() == 7000);
  CHECK(e.effect() == effect::none);
}

TEST_CASE("5xx: OUTCOME_UNKNOWN for a write, UNAVAILABLE for a read, HTML is not read",
          "[oracle_fusion][errors]") {
  const auto write = map("500_internal", call_kind::write);
  CHECK(write.cls() == error_class::outcome_unknown);
  CHECK(write.effect() == effect::possible);
  const auto read = map("500_internal", call_kind::read);
  CHECK(read.cls() == error_class::unavailable);
  CHECK(read.effect() == effect::none);
  const auto html = map("502_html_gateway", call_kind::write);
  CHECK(html.cls() == error_class::outcome_unknown);
  CHECK(html.code() == "oracle_fusion.http_502");
  CHECK(html.message().find("<html>") == std::string::npos);
}
