// SPDX-License-Identifier: Apache-2.0
#include "fo_settings.hpp"

namespace erpc::sim::fo::setting {

std::vector<setting_spec> all() {
  return {
      text_setting(tenant_id, "00000000-0000-0000-0000-0000000000fo",
                   "the Microsoft Entra tenant the token endpoint serves "
                   "(POST /{tenant}/oauth2/v2.0/token)",
                   "vendors.md §5.2 (test knob for the value)"),
      text_setting(client_id, "erpc-sim-fo-client", "the client id the token endpoint accepts",
                   "vendors.md §5.2 (test knob for the value)"),
      text_setting(client_secret, "erpc-sim-fo-secret",
                   "its client secret; tokens issued under an earlier secret are refused (401)",
                   "vendors.md §5.2 (test knob; rotation for errors.http_401_refresh)", true),
      integer_setting(token_ttl, 3599, 0, 86400,
                      "seconds a bearer token is accepted after issue (0: already expired)",
                      "unconfirmed: vendors.md §5.2 gives no lifetime"),
      text_setting(default_company, "usmf",
                   "the legal entity (dataAreaId) a request without cross-company=true reads, and "
                   "a create without dataAreaId writes to",
                   "vendors.md §5.1 'default company only unless ?cross-company=true'"),
      text_setting(companies, "usmf,usrt,demf",
                   "the legal entities that exist (comma separated); a write to another is refused",
                   "test data (vendors.md §5.1 example dataAreaIds usmf, usrt)"),
      integer_setting(page_size, 10000, 1, 10000,
                      "server-driven page size; a longer result ends with @odata.nextLink",
                      "vendors.md §5.1 'server-driven paging, max page 10,000'"),
      choice_setting(check_invoice_number, "reject", {"accept", "reject", "reject_per_fiscal_year"},
                     "a vendor invoice header whose InvoiceNumber the vendor account already used "
                     "in the legal entity is accepted, refused, or refused only within the same "
                     "fiscal year (the simulator's fiscal year is the calendar year of InvoiceDate)",
                     "BANKING.md 'F&O. Setting for the \"check invoice number used\" parameter'; "
                     "the refusal's Infolog text is unconfirmed"),
      text_setting(header_reference_prefix, "APINV",
                   "VendorInvoiceHeaders.HeaderReference is drawn from a number sequence: this "
                   "prefix + 6 digits; a client-sent HeaderReference is refused",
                   "unconfirmed: vendors.md §5.1 'dataAreaId, HeaderReference (unconfirmed)'"),
      text_setting(tax_percentages, "VAT19=19,VAT7=7,VAT0=0",
                   "ItemSalesTaxGroup=percent pairs the simulator knows; line TaxAmount = "
                   "LineAmount × percent, rounded half up to 0.01",
                   "test data (the tenant's sales tax setup)"),
      text_setting(journal_batch_prefix, "JB",
                   "LedgerJournalHeaders.JournalBatchNumber is drawn from a number sequence on "
                   "every POST: this prefix + 6 digits",
                   "BANKING.md 'Journal batch numbers come from a number sequence and change on "
                   "every POST'"),
      integer_setting(rate_limit_requests, 0, 0, 1000000,
                      "requests one client may make in the sliding window (0: unlimited); beyond "
                      "it 429 Too Many Requests with Retry-After",
                      "vendors.md §5.4 (numeric limits unconfirmed, hence off by default)"),
      integer_setting(rate_limit_window, 300, 1, 86400, "the sliding window in seconds",
                      "unconfirmed: vendors.md §5.4"),
      integer_setting(retry_after_seconds, 5, 1, 3600, "Retry-After (seconds) on a 429",
                      "vendors.md §5.4 '429 Too Many Requests with Retry-After: <seconds>'"),
  };
}

}  // namespace erpc::sim::fo::setting
