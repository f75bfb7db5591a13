// SPDX-License-Identifier: Apache-2.0
// Every recorded NetSuite error body in ../fixtures (each cites its vendors.md section) mapped
// to the taxonomy: class, stable code, effect, retry_after_ms and field pointers.
#include "netsuite_errors.hpp"
#include "record_mapping.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace {

using erpc::error_class;
using erpc::effect;
using erpc::netsuite::call_kind;

erpc::http_response fixture(const std::string& name) {
  std::ifstream in(std::string(ERPC_NETSUITE_FIXTURES) + "/" + name + ".json");
  REQUIRE(in.good());
  std::stringstream text;
  text << in.rdbuf();
  const auto doc = nlohmann::json::parse(text.str());
  REQUIRE(doc.contains("source"));  // every fixture says where its shape comes from
  erpc::http_response r;
  r.transport = erpc::http_transport::ok;
  r.status = doc.at("status").get<int>();
  for (const auto& [k, v] : doc.at("headers").items()) r.headers.emplace_back(k, v.get<std::string>());
  r.body = doc.at("body").get<std::string>();
  return r;
}

erpc::error map(const std::string& name, call_kind kind,
                const erpc::netsuite::path_translator& to_pointer = {}) {
  return erpc::netsuite::map_vendor_error(fixture(name), kind, 1'700'000'000'000, to_pointer);
}

}  // namespace

TEST_CASE("401 INVALID_LOGIN is AUTHENTICATION, effect none, also for a write", "[netsuite][errors]") {
  const auto e = map("401_invalid_login", call_kind::write);
  CHECK(e.cls() == error_class::authentication);
  CHECK(e.code() == "netsuite.INVALID_LOGIN");
  CHECK(e.effect() == effect::none);
  REQUIRE(e.vendor());
  CHECK(e.vendor()->http_status == 401);
  CHECK(e.vendor()->code == "INVALID_LOGIN");
  CHECK_FALSE(erpc::is_retryable(e.cls()));
}

TEST_CASE("403 is PERMISSION and 404 is NOT_FOUND", "[netsuite][errors]") {
  const auto forbidden = map("403_insufficient_permission", call_kind::read);
  CHECK(forbidden.cls() == error_class::permission);
  CHECK(forbidden.code() == "netsuite.INSUFFICIENT_PERMISSION");
  const auto missing = map("404_nonexistent_id", call_kind::read);
  CHECK(missing.cls() == error_class::not_found);
  CHECK(missing.code() == "netsuite.NONEXISTENT_ID");
  CHECK(missing.effect() == effect::none);
}

TEST_CASE("400 field errors are VALIDATION with pointers into the canonical payload",
          "[netsuite][errors]") {
  const auto invoice = erpc::netsuite::make_invoice_mapping();
  const auto e = map("400_invalid_content_expense_account", call_kind::write,
                     [&](std::string_view p) { return invoice->pointer_for(p); });
  CHECK(e.cls() == error_class::validation);
  CHECK(e.code() == "netsuite.INVALID_CONTENT");
  CHECK(e.effect() == effect::none);
  REQUIRE(e.field_errors().size() == 1);
  CHECK(e.field_errors()[0].pointer == "/lines/1/account");
  CHECK(e.field_errors()[0].code == "netsuite.INVALID_CONTENT");
  CHECK_THAT(e.field_errors()[0].message, Catch::Contains("expense.items[1].account"));

  // Oracle's own example names an item sublist this adapter never writes: the field error
  // stays, pointing at the whole document, with NetSuite's path in its message.
  const auto oracle = map("400_invalid_content", call_kind::write,
                          [&](std::string_view p) { return invoice->pointer_for(p); });
  REQUIRE(oracle.field_errors().size() == 1);
  CHECK(oracle.field_errors()[0].pointer.empty());
  CHECK_THAT(oracle.field_errors()[0].message, Catch::Contains("item.items[0].item"));
}

TEST_CASE("429 and the RESTlet 400 concurrency refusal are RATE_LIMITED with Retry-After",
          "[netsuite][errors]") {
  const auto e = map("429_concurrency_limit", call_kind::write);
  CHECK(e.cls() == error_class::rate_limited);
  CHECK(e.code() == "netsuite.CONCURRENCY_LIMIT_EXCEEDED");
  CHECK(e.effect() == effect::none);
  REQUIRE(e.retry_after_ms());
  CHECK(*e.retry_after_ms() == 3000);
  CHECK(erpc::is_retryable(e.cls()));

  const auto restlet = map("400_sss_request_limit_exceeded", call_kind::write);
  CHECK(restlet.cls() == error_class::rate_limited);
  CHECK(restlet.code() == "netsuite.SSS_REQUEST_LIMIT_EXCEEDED");
  CHECK(restlet.effect() == effect::none);
  CHECK(restlet.field_errors().empty());
}

TEST_CASE("5xx is OUTCOME_UNKNOWN (effect possible) for a write, UNAVAILABLE for a read",
          "[netsuite][errors]") {
  const auto write = map("500_unexpected_error", call_kind::write);
  CHECK(write.cls() == error_class::outcome_unknown);
  CHECK(write.effect() == effect::possible);
  CHECK(write.code() == "netsuite.UNEXPECTED_ERROR");
  const auto read = map("500_unexpected_error", call_kind::read);
  CHECK(read.cls() == error_class::unavailable);
  CHECK(read.effect() == effect::none);
}

TEST_CASE("a body that is not a NetSuite error document has one stable code",
          "[netsuite][errors]") {
  const auto html = map("502_html_gateway", call_kind::write);
  CHECK(html.code() == "netsuite.unreadable_error_body");
  CHECK(html.cls() == error_class::outcome_unknown);
  CHECK(html.effect() == effect::possible);
  const auto truncated = map("400_truncated_body", call_kind::write);
  CHECK(truncated.code() == "netsuite.unreadable_error_body");
  CHECK(truncated.cls() == error_class::validation);
  CHECK(truncated.effect() == effect::none);
}

TEST_CASE("IDEMPOTENCY_ERROR outside the create path is IN_PROGRESS, effect possible",
          "[netsuite][errors]") {
  const auto e = map("400_idempotency_error", call_kind::write);
  CHECK(e.cls() == error_class::in_progress);
  CHECK(e.code() == "netsuite.IDEMPOTENCY_ERROR");
  CHECK(e.effect() == effect::possible);
  const auto details = erpc::netsuite::parse_error_details(fixture("400_idempotency_error").body);
  REQUIRE(details);
  CHECK(details->at(0).code == "IDEMPOTENCY_ERROR");
}

TEST_CASE("the duplicate-externalId 400 alone maps to VALIDATION (the create path reads back)",
          "[netsuite][errors]") {
  const auto e = map("400_user_error_duplicate_external_id", call_kind::write);
  CHECK(e.cls() == error_class::validation);
  CHECK(e.code() == "netsuite.USER_ERROR");
}
