// SPDX-License-Identifier: Apache-2.0
#include "bc_settings.hpp"

namespace erpc::sim::bc::setting {

std::vector<setting_spec> all() {
  return {
      text_setting(tenant_id, "00000000-0000-0000-0000-0000000000aa",
                   "the Microsoft Entra tenant the token endpoint serves "
                   "(POST /{tenant}/oauth2/v2.0/token)",
                   "vendors.md §4.2 (test knob for the value)"),
      text_setting(client_id, "erpc-sim-bc-client", "the client id the token endpoint accepts",
                   "vendors.md §4.2 (test knob for the value)"),
      text_setting(client_secret, "erpc-sim-bc-secret",
                   "its client secret; tokens issued under an earlier secret are refused (401)",
                   "vendors.md §4.2 (test knob; rotation for errors.http_401_refresh)", true),
      integer_setting(token_ttl, 3599, 0, 86400,
                      "seconds a bearer token is accepted after issue (0: already expired)",
                      "unconfirmed: vendors.md §4.2 gives no lifetime"),
      text_setting(environment, "production", "the environment name in /v2.0/{environment}/api/v2.0",
                   "vendors.md §4.1 (test knob for the value)"),
      text_setting(company_id, "5b3c4a58-2f1e-4c6a-9d0b-0a1b2c3d4e5f",
                   "the id of the one company served (GET …/companies lists it)",
                   "vendors.md §4.1 (test knob for the value)"),
      integer_setting(page_size, 20000, 1, 20000,
                      "server-driven page size; a longer result ends with @odata.nextLink",
                      "vendors.md §4.5 '20,000 entities per page'"),
      boolean_setting(require_if_match, true,
                      "a PATCH or DELETE without If-Match is refused (400 BadRequest_InvalidToken)",
                      "vendors.md §4.3 'the v2.0 docs mark If-Match as required on write pages'"),
      integer_setting(entity_changed_status, 409, 409, 412,
                      "HTTP status of Request_EntityChanged (a stale If-Match)",
                      "unconfirmed: vendors.md §4.3 '(409 vs 412): unconfirmed'"),
      integer_setting(same_key_status, 400, 400, 409,
                      "HTTP status of Internal_EntityWithSameKeyExists",
                      "unconfirmed: vendors.md §4.3 gives the code, not the status"),
      choice_setting(duplicate_vendor_invoice_number, "reject_at_post",
                     {"reject_at_create", "reject_at_post"},
                     "a second purchase document with a vendor's vendorInvoiceNumber (credit memo: "
                     "externalDocumentNumber) is refused when the draft is created (against "
                     "drafts and posted documents), or only by Microsoft.NAV.post (against "
                     "posted documents)",
                     "unconfirmed: vendors.md §4.3 'setup-dependent business rule'; BANKING.md "
                     "'may be rejected only at Microsoft.NAV.post (setting)'"),
      text_setting(duplicate_error_code, "Application_DialogException",
                   "error.code of that refusal (400)",
                   "unconfirmed: vendors.md §4.3 'exact error unconfirmed'; family from §4.4"),
      text_setting(vat_percentages, "VAT19=19,VAT7=7,VAT0=0",
                   "taxCode=percent pairs the simulator knows (the tenant's VAT posting setup); "
                   "line tax = amount × percent, rounded half up to 0.01",
                   "test data (vendors.md §4.1 line taxCode)"),
      boolean_setting(payment_journal_post, true,
                      "vendorPaymentJournals({id})/Microsoft.NAV.post posts the batch's vendor "
                      "payments (204), as journals({id})/Microsoft.NAV.post does; false: 404",
                      "unconfirmed: vendors.md §4.1 names the bound post on journals and purchase "
                      "invoices, not on vendor payment journals"),
      text_setting(payables_account, "5410",
                   "the G/L account a posted vendor payment debits (the vendor posting group's "
                   "Payables Account); the batch's balancingAccountNumber is credited",
                   "test data (BC posting setup)"),
      choice_setting(payment_reversal, "unavailable", {"unavailable", "bound_action"},
                     "how a posted vendor payment is reversed through the API: not at all, or by "
                     "POST vendorPaymentJournals({id})/Microsoft.NAV.reverse {documentNumber} "
                     "(opposite G/L entries, the applied invoices reopened)",
                     "unconfirmed: BC reverses ledger entries (Reverse Transaction), vendors.md §4 "
                     "names no API for it"),
      integer_setting(rate_limit_requests, 6000, 0, 1000000,
                      "requests one client may make in the sliding window (0: unlimited); "
                      "beyond it 429 Application_TooManyRequests",
                      "vendors.md §4.5 '6,000 requests per 5-minute sliding window → 429'"),
      integer_setting(rate_limit_window, 300, 1, 86400, "the sliding window in seconds",
                      "vendors.md §4.5"),
      integer_setting(retry_after_seconds, 0, 0, 3600,
                      "Retry-After on a 429 (0: none)",
                      "unconfirmed: vendors.md §4.5 'Whether BC sends Retry-After: unconfirmed'"),
  };
}

}  // namespace erpc::sim::bc::setting
