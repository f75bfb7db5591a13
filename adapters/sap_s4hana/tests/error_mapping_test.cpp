// SPDX-License-Identifier: Apache-2.0
// Every recorded SAP answer in ../fixtures mapped to the taxonomy: class, stable code, effect,
// retry_after_ms, field pointers; sap-message warnings; journal failures inside HTTP 200.
#include "fixture_reader.hpp"
#include "gateway_errors.hpp"
#include "journal_soap.hpp"
#include "sap_mapping.hpp"

using erpc::effect;
using erpc::error_class;
using erpc::sap::call_kind;
using erpc::sap::testing::fixture;

namespace {

const std::vector<std::string> duplicate_codes = {"M8/108"};

erpc::error map(const std::string& name, call_kind kind) {
  return erpc::sap::map_gateway_error(fixture(name), kind, 1'700'000'000'000, duplicate_codes,
                                      [](std::string_view p) { return erpc::sap::invoice_pointer(p); });
}

}  // namespace

TEST_CASE("the duplicate-invoice message is CONFLICT at any status, with SAP's code kept",
          "[sap][errors]") {
  for (const auto* name : {"400_duplicate_invoice_m8_108", "500_duplicate_invoice_m8_108"}) {
    const auto e = map(name, call_kind::write);
    INFO(name);
    CHECK(e.cls() == error_class::conflict);
    CHECK(e.code() == "sap.duplicate_invoice");
    CHECK(e.effect() == effect::none);
    REQUIRE(e.vendor());
    CHECK(e.vendor()->code == "M8/108");
    CHECK(e.vendor()->request_id == "AE181B240AA70000E006489348B6C463");
  }
  // Without M8/108 among the tenant's duplicate codes it is an ordinary refusal.
  const auto plain = erpc::sap::map_gateway_error(fixture("400_duplicate_invoice_m8_108"),
                                                  call_kind::write, 0, {});
  CHECK(plain.cls() == error_class::validation);
}

TEST_CASE("a Gateway 400 with errordetails is VALIDATION with a pointer into the payload",
          "[sap][errors]") {
  const auto e = map("400_reference_too_long", call_kind::write);
  CHECK(e.cls() == error_class::validation);
  CHECK(e.code() == "sap.http_400");
  CHECK(e.effect() == effect::none);
  REQUIRE(e.field_errors().size() == 1);
  CHECK(e.field_errors()[0].pointer == "/invoice_number");
  CHECK(e.field_errors()[0].code == "sap.ZERPC_SIM/003");
}

TEST_CASE("403 with X-CSRF-Token: Required is AUTHENTICATION, another 403 is PERMISSION",
          "[sap][errors]") {
  CHECK(erpc::sap::is_csrf_refusal(fixture("403_csrf_token_required")));
  const auto csrf = map("403_csrf_token_required", call_kind::write);
  CHECK(csrf.cls() == error_class::authentication);
  CHECK(csrf.code() == "sap.csrf_token_required");
  CHECK(csrf.effect() == effect::none);
  CHECK_FALSE(erpc::sap::is_csrf_refusal(fixture("403_no_authorization")));
  const auto denied = map("403_no_authorization", call_kind::read);
  CHECK(denied.cls() == error_class::permission);
  CHECK(denied.vendor()->code == "/IWBEP/CM_MGW_RT/022");
}

TEST_CASE("401 (an HTML logon page) is AUTHENTICATION and 404 is NOT_FOUND", "[sap][errors]") {
  const auto e = map("401_logon_failed", call_kind::write);
  CHECK(e.cls() == error_class::authentication);
  CHECK(e.code() == "sap.http_401");
  CHECK(e.effect() == effect::none);
  const auto missing = map("404_resource_not_found", call_kind::read);
  CHECK(missing.cls() == error_class::not_found);
}

TEST_CASE("429 and 503 with Retry-After are RATE_LIMITED with retry_after_ms, effect none",
          "[sap][errors]") {
  const auto limited = map("429_retry_after_seconds", call_kind::write);
  CHECK(limited.cls() == error_class::rate_limited);
  CHECK(limited.retry_after_ms() == 3000);
  CHECK(limited.effect() == effect::none);
  const auto busy = map("503_retry_after", call_kind::write);
  CHECK(busy.cls() == error_class::rate_limited);
  CHECK(busy.retry_after_ms() == 5000);
  CHECK(erpc::is_retryable(busy.cls()));
}

TEST_CASE("5xx on a write is OUTCOME_UNKNOWN (effect possible), on a read UNAVAILABLE",
          "[sap][errors]") {
  const auto write = map("500_gateway_write", call_kind::write);
  CHECK(write.cls() == error_class::outcome_unknown);
  CHECK(write.effect() == effect::possible);
  const auto read = map("500_gateway_write", call_kind::read);
  CHECK(read.cls() == error_class::unavailable);
  CHECK(read.effect() == effect::none);
}

TEST_CASE("a truncated error body is mapped by status and never crashes", "[sap][errors]") {
  CHECK_FALSE(erpc::sap::parse_gateway_error(fixture("400_truncated_body").body));
  const auto e = map("400_truncated_body", call_kind::write);
  CHECK(e.cls() == error_class::validation);
  CHECK(e.message().find("not a Gateway error document") != std::string::npos);
}

TEST_CASE("sap-message warnings on a success are read, not failed", "[sap][errors]") {
  const auto messages = erpc::sap::parse_sap_message(fixture("201_duplicate_warning_sap_message"));
  REQUIRE(messages.size() == 1);
  CHECK(messages[0].code == "M8/108");
  CHECK(messages[0].severity == "warning");
}

TEST_CASE("journal SOAP: posted, failed inside HTTP 200, reference reused, SOAP fault",
          "[sap][errors][journal]") {
  const auto posted = erpc::sap::parse_journal_confirmation(fixture("200_journal_posted").body);
  REQUIRE(posted);
  CHECK(posted->posted());
  CHECK(posted->vendor_id() == "1010/0100000000/2026");

  const auto failed =
      erpc::sap::parse_journal_confirmation(fixture("200_journal_failed_balance").body);
  REQUIRE(failed);
  CHECK_FALSE(failed->posted());
  CHECK(failed->max_severity == 3);
  REQUIRE(failed->log.size() == 1);
  CHECK(failed->log[0].type_id == "702(F5)");

  const auto reused =
      erpc::sap::parse_journal_confirmation(fixture("200_journal_reference_reused").body);
  REQUIRE(reused);
  CHECK_FALSE(reused->posted());
  REQUIRE(reused->log.size() == 1);
  CHECK(erpc::sap::earlier_journal(reused->log[0], "1010") == "1010/0100000000/2026");

  CHECK(erpc::sap::parse_soap_fault(fixture("500_soap_fault").body) ==
        "Operation not found: expected JournalEntryBulkCreateRequest");
  CHECK_FALSE(erpc::sap::parse_journal_confirmation(fixture("500_soap_fault").body));
  CHECK_FALSE(erpc::sap::parse_journal_confirmation("not xml <<"));
}
