// SPDX-License-Identifier: Apache-2.0
// Every recorded OBErrorResponse1 answer in ../fixtures (each cites its vendors.md section)
// mapped to the taxonomy: class, stable code, effect, retry_after_ms, field pointers.
#include "ob_errors.hpp"
#include "payment_mapping.hpp"

#include <erpc/adapters/testing/recorded_response.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

namespace {

using erpc::effect;
using erpc::error_class;
using erpc::openbanking::call_step;

erpc::http_response fixture(const std::string& name) {
  return erpc::adapters::testing::recorded_response(ERPC_OPENBANKING_FIXTURES, name);
}

const nlohmann::json payment = {
    {"amount", {{"amount", "119.00"}, {"currency", "GBP"}}},
    {"creditor", {{"name", "Acme Ltd"}}},
    {"creditor_account", {{"other", {{"id", "08080021325698"}}}}}};

erpc::error map(const std::string& name, call_step step) {
  return erpc::openbanking::map_ob_error(
      fixture(name), step, 1'700'000'000'000,
      [](const std::string& path) { return erpc::openbanking::payment_pointer(path, payment); });
}

}  // namespace

TEST_CASE("Field errors are VALIDATION with pointers into the payment", "[openbanking][errors]") {
  const auto e = map("400_field_missing_creditor_name", call_step::consent);
  CHECK(e.cls() == error_class::validation);
  CHECK(e.code() == "openbanking_uk.UK.OBIE.Field.Missing");
  CHECK(e.effect() == effect::none);
  REQUIRE(e.field_errors().size() == 1);
  CHECK(e.field_errors()[0].pointer == "/creditor/name");  // the account names no name
  CHECK(e.field_errors()[0].code == "openbanking_uk.UK.OBIE.Field.Missing");
  REQUIRE(e.vendor());
  CHECK(e.vendor()->request_id == "2b5f0fb2-730b-11e8-adc0-fa7ae01bbebc");
  const auto amount = map("400_field_invalid_amount", call_step::payment);
  CHECK(amount.cls() == error_class::validation);
  REQUIRE(amount.field_errors().size() == 1);
  CHECK(amount.field_errors()[0].pointer == "/amount/amount");
}

TEST_CASE("A key met with another body is IDEMPOTENCY_KEY_REUSE on the consent, in every unconfirmed form",
          "[openbanking][errors]") {
  for (const char* name : {"400_consent_mismatch", "400_duplicate_reference",
                           "409_resource_already_exists"}) {
    INFO(name);
    const auto e = map(name, call_step::consent);
    CHECK(e.cls() == error_class::idempotency_key_reuse);
    CHECK(e.effect() == effect::none);
    // On the payment step the same codes are a refusal of that payment, not a key reuse.
    CHECK(map(name, call_step::payment).cls() == error_class::conflict);
  }
}

TEST_CASE("InvalidConsentStatus is CONFLICT, effect none", "[openbanking][errors]") {
  const auto e = map("400_invalid_consent_status", call_step::payment);
  CHECK(e.cls() == error_class::conflict);
  CHECK(e.code() == "openbanking_uk.UK.OBIE.Resource.InvalidConsentStatus");
  CHECK(e.effect() == effect::none);
}

TEST_CASE("Unsupported, header and signature codes", "[openbanking][errors]") {
  const auto unsupported = map("400_unsupported_local_instrument", call_step::consent);
  CHECK(unsupported.cls() == error_class::unsupported);
  REQUIRE(unsupported.field_errors().size() == 1);
  CHECK(unsupported.field_errors()[0].pointer == "/method");
  CHECK(map("400_header_missing_idempotency_key", call_step::consent).cls() ==
        error_class::configuration);
  CHECK(map("400_signature_missing", call_step::payment).cls() == error_class::configuration);
}

TEST_CASE("401, 403, 404 and a body that cannot be read", "[openbanking][errors]") {
  const auto unauthorised = map("401_no_body", call_step::payment);
  CHECK(unauthorised.cls() == error_class::authentication);
  CHECK(unauthorised.code() == "openbanking_uk.http_401");
  CHECK(unauthorised.vendor()->request_id == "93bac548-d2de-4546-b106-880a5018460d");
  CHECK(map("403_forbidden", call_step::payment).cls() == error_class::permission);
  const auto missing = map("404_not_found", call_step::read);
  CHECK(missing.cls() == error_class::not_found);
  CHECK(missing.code() == "openbanking_uk.UK.OBIE.Resource.NotFound");
  const auto truncated = map("400_truncated_body", call_step::payment);
  CHECK(truncated.cls() == error_class::validation);
  CHECK(truncated.code() == "openbanking_uk.http_400");
  CHECK(truncated.field_errors().empty());
}

TEST_CASE("429 is RATE_LIMITED with Retry-After, 500 on a write is OUTCOME_UNKNOWN", "[openbanking][errors]") {
  const auto limited = map("429_retry_after", call_step::payment);
  CHECK(limited.cls() == error_class::rate_limited);
  CHECK(limited.retry_after_ms() == 7000);
  CHECK(limited.effect() == effect::none);
  const auto write = map("500_unexpected_error", call_step::payment);
  CHECK(write.cls() == error_class::outcome_unknown);
  CHECK(write.effect() == effect::possible);
  const auto read = map("500_unexpected_error", call_step::read);
  CHECK(read.cls() == error_class::unavailable);
  CHECK(read.effect() == effect::none);
}
