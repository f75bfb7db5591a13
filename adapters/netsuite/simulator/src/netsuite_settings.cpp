// SPDX-License-Identifier: Apache-2.0
// Every NetSuite simulator setting: what vendors.md marks unconfirmed, the test credentials and
// the test knobs. docs/simulators.md repeats this table; keep the two together.
#include "netsuite_settings.hpp"

namespace erpc::sim::netsuite {

std::vector<setting_spec> netsuite_setting_specs() {
  return {
      choice_setting(settings::auth_mode, "tba", {"tba", "none"},
                     "tba: every record, query and job request must carry a valid OAuth 1.0a "
                     "HMAC-SHA256 signature; none: no authentication",
                     "vendors.md §1.3 (TBA)"),
      text_setting(settings::account_id, "1234567_SB1", "the account id the realm must name",
                   "vendors.md §1.1, §1.3 (realm)"),
      text_setting(settings::consumer_key, "sim-consumer-key", "the integration's consumer key",
                   "vendors.md §1.3"),
      text_setting(settings::consumer_secret, "sim-consumer-secret",
                   "the integration's consumer secret", "vendors.md §1.3", true),
      text_setting(settings::token_id, "sim-token-id", "the access token id (oauth_token)",
                   "vendors.md §1.3"),
      text_setting(settings::token_secret, "sim-token-secret", "the access token secret",
                   "vendors.md §1.3", true),
      choice_setting(settings::duplicate_external_id, "reject", {"reject", "upsert"},
                     "a POST whose externalId already exists for the record type: reject with "
                     "400 (code below), or update the existing record silently (an `updated` "
                     "effect)",
                     "vendors.md §1.2: plain POST with an existing externalId — unconfirmed"),
      text_setting(settings::duplicate_error_code, "USER_ERROR",
                   "o:errorCode of the duplicate-externalId rejection",
                   "vendors.md §1.2 unconfirmed; USER_ERROR from §1.4 (secondary)"),
      integer_setting(settings::upsert_status, 204, 200, 299,
                      "status of a successful PUT …/eid: upsert (create or update)",
                      "vendors.md §1.1: status code for upsert unconfirmed"),
      text_setting(settings::not_found_code, "NONEXISTENT_ID",
                   "o:errorCode of a 404 for a record or job that does not exist",
                   "vendors.md §1.4: not-found code unconfirmed"),
      boolean_setting(settings::check_references, true,
                      "refuse entity / apply doc / account references to records that do not "
                      "exist with 400 INVALID_CONTENT and o:errorPath",
                      "vendors.md §1.4 (INVALID_CONTENT example)"),
      integer_setting(settings::concurrency_limit, 15, 0, 1000,
                      "requests served at once (0 = unlimited); one more is refused",
                      "vendors.md §1.5 (shared tier + 1 licence → 15)"),
      choice_setting(settings::concurrency_error_form, "rest_429",
                     {"rest_429", "restlet_400", "invalid_login"},
                     "how a request over the limit is refused: 429 Too Many Requests, 400 "
                     "SSS_REQUEST_LIMIT_EXCEEDED (RESTlet form) or 401 INVALID_LOGIN",
                     "vendors.md §1.5 (REST 429 unconfirmed), §12"),
      text_setting(settings::concurrency_error_code, "CONCURRENCY_LIMIT_EXCEEDED",
                   "o:errorCode of the rest_429 form",
                   "vendors.md §1.5: REST o:errorCode unconfirmed"),
      integer_setting(settings::concurrency_retry_after, 0, 0, 3600,
                      "Retry-After seconds on a concurrency refusal (0 = no header)",
                      "vendors.md §1.5: unconfirmed"),
      integer_setting(settings::response_delay_ms, 0, 0, 120'000,
                      "every vendor request holds its concurrency slot this long before it is "
                      "served",
                      "test knob"),
      choice_setting(settings::idempotency_key_sync, "ignored", {"ignored", "enforced"},
                     "X-NetSuite-idempotency-key on a synchronous request: ignored, or "
                     "deduplicated like an async one",
                     "vendors.md §1.2 (secondary: ignored for synchronous requests)"),
      integer_setting(settings::async_job_delay_ms, 0, 0, 3'600'000,
                      "an async job runs this long after it was accepted (0 = before the 202 "
                      "is sent); until then its status is pending",
                      "test knob (job timing is the vendor's)"),
      boolean_setting(settings::suiteql_require_transient, true,
                      "refuse a SuiteQL request without `Prefer: transient` (400 "
                      "INVALID_PARAMETER)",
                      "vendors.md §1.6 (header required; the refusal's form unconfirmed)"),
      choice_setting(settings::bill_approval_default, "approved", {"approved", "pending_approval"},
                     "approvalStatus a new vendorBill gets when the POST does not set it "
                     "(approved = id 2, pending_approval = id 1); PATCH approvalStatus changes it",
                     "vendors.md §1 is silent on bill approval routing: unconfirmed, sim model"),
      choice_setting(settings::overapplication, "reject", {"reject", "allow"},
                     "a vendorPayment applying more than a bill's amountRemaining, or applying to "
                     "a bill not approved for payment: reject with 400 INVALID_CONTENT (the "
                     "o:errorPath names the apply line), or allow (amountRemaining floors at 0)",
                     "vendors.md §1 is silent (NetSuite's UI lists only open approved bills in "
                     "the apply sublist): unconfirmed"),
      choice_setting(settings::void_method, "voided_flag", {"voided_flag", "refuse"},
                     "how a vendorPayment is voided through REST: PATCH {\"voided\": true} "
                     "reopens the bills it applied (voided_flag), or the PATCH is refused with "
                     "400 INVALID_CONTENT (refuse: an account where voids go through reversing "
                     "journals in the UI only)",
                     "vendors.md §1 does not document voiding: unconfirmed"),
      text_setting(settings::exchange_rates, "",
                   "the account's currency rate table for payments: `CURRENCY_ID=RATE;…` (RATE a "
                   "decimal string: units of the subsidiary's base currency per unit of the "
                   "currency). A new vendorPayment without exchangeRate takes its currency's "
                   "rate (none listed: 1); one that sets exchangeRate keeps it",
                   "vendors.md §1 is silent on exchangeRate on transactions (NetSuite fills it "
                   "from the currency rate table on the transaction date): unconfirmed, sim model"),
  };
}

}  // namespace erpc::sim::netsuite
