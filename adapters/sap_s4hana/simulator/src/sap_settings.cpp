// SPDX-License-Identifier: Apache-2.0
#include "sap_settings.hpp"

namespace erpc::sim::sap::setting {

std::vector<setting_spec> all() {
  return {
      choice_setting(auth_methods, "any", {"any", "basic", "oauth"},
                     "which credentials the OData and SOAP services accept",
                     "vendors.md §2.2: Cloud inbound takes Basic (communication user) or OAuth 2.0"),
      text_setting(basic_user, "ERPC_COMM_USER", "the communication user Basic auth accepts",
                   "vendors.md §2.2 (test knob for the value)"),
      text_setting(basic_password, "erpc-sim-password", "its password",
                   "vendors.md §2.2 (test knob for the value)", true),
      text_setting(oauth_client_id, "erpc-sim-client",
                   "the client id the token endpoint accepts (client credentials grant)",
                   "vendors.md §2.2 (test knob for the value)"),
      text_setting(oauth_client_secret, "erpc-sim-secret", "its client secret",
                   "vendors.md §2.2 (test knob for the value)", true),
      integer_setting(oauth_token_ttl, 3600, 0, 86400,
                      "seconds a bearer token is accepted after issue (0: already expired)",
                      "unconfirmed: vendors.md §2.2 gives no lifetime"),
      boolean_setting(csrf_required, true,
                      "a modifying OData request without a valid X-CSRF-Token gets 403 Required",
                      "vendors.md §2.2 CSRF handshake"),
      integer_setting(csrf_token_ttl, 1800, 0, 86400,
                      "seconds a fetched CSRF token stays valid (0: already expired)",
                      "vendors.md §2.2 'Missing/invalid/expired → 403'; the lifetime is unconfirmed"),
      boolean_setting(csrf_bind_to_session, true,
                      "a token is valid only with the session cookie it was fetched with",
                      "vendors.md §2.2 'must carry the token and the cookies'"),
      integer_setting(page_size, 1000, 1, 100000,
                      "server-driven page size; longer results end with __next ($skiptoken)",
                      "vendors.md §2.5 'typically ~1,000 — make it configurable'"),
      choice_setting(overlong_strings, "reject", {"reject", "truncate"},
                     "a string longer than its EDMX MaxLength is refused (400) or cut silently",
                     "BANKING.md SAP: the 16-character reference is VALIDATION, never truncated; "
                     "truncate lets a certification show what an adapter that relies on the "
                     "server would lose"),
      boolean_setting(require_json_request, true,
                      "a data request that asks for neither $format=json nor Accept: "
                      "application/json is refused (the real service would answer Atom XML)",
                      "vendors.md §2.5 $format=json; the simulator speaks JSON only"),
      boolean_setting(require_known_supplier, true,
                      "an invoice whose InvoicingParty has no A_SupplierCompany in its "
                      "CompanyCode is refused",
                      "vendors.md §2.1 (supplier must exist in the company code)"),
      boolean_setting(duplicate_check, true, "the duplicate-invoice check runs at all",
                      "vendors.md §2.3 duplicate invoice check (MM/LIV)"),
      choice_setting(duplicate_message_type, "error", {"error", "warning"},
                     "error: the duplicate is refused; warning: it posts and the message is "
                     "only in sap-message",
                     "vendors.md §2.3 'message type configurable'; BANKING.md SAP"),
      integer_setting(duplicate_http_status, 400, 400, 599,
                      "HTTP status of the refused duplicate",
                      "unconfirmed: vendors.md §2.3 'HTTP status … unconfirmed'"),
      text_setting(duplicate_code, "M8/108", "error.code of the duplicate message",
                   "vendors.md §2.3/§2.4 (M8 108, illustrative)"),
      boolean_setting(duplicate_needs_supplier_flag, true,
                      "the check runs only when A_SupplierCompany.IsToBeCheckedForDuplicates",
                      "vendors.md §2.3; BANKING.md SAP 'only … IsToBeCheckedForDuplicates'"),
      boolean_setting(duplicate_compare_amount, true,
                      "the gross amount is a criterion (a changed amount passes)",
                      "vendors.md §2.3 criteria; BANKING.md SAP 'criteria include the amount'"),
      boolean_setting(duplicate_compare_currency, true, "the currency is a criterion",
                      "vendors.md §2.3 criteria"),
      boolean_setting(duplicate_compare_company_code, true, "the company code is a criterion",
                      "vendors.md §2.3 'criteria are configurable per company code'"),
      boolean_setting(duplicate_compare_document_date, true,
                      "the invoice (document) date is a criterion",
                      "vendors.md §2.3 'criteria are configurable per company code'"),
      boolean_setting(duplicate_skips_credit_memos, true,
                      "the check does not run for credit memos (SupplierInvoiceIsCreditMemo X)",
                      "vendors.md §2.3; BANKING.md SAP 'it skips credit memos'"),
      boolean_setting(duplicate_ignores_reversed, true,
                      "reversed invoices and reversal documents are not duplicates",
                      "vendors.md §2.3 'cancelled-then-re-entered is not flagged'; BANKING.md "
                      "SAP 'read-back ignores reversed documents'"),
      boolean_setting(duplicate_counts_parked, true,
                      "parked and held invoices are duplicates of a new one",
                      "BANKING.md SAP 'a parked invoice counts as an effect that happened'"),
      choice_setting(journal_reference_check, "off", {"off", "warning", "error"},
                     "a journal entry repeating DocumentReferenceID in its company code: "
                     "accepted, accepted with a warning log item, or refused inside HTTP 200",
                     "vendors.md §2.3 (FI duplicate check, message type configurable); "
                     "unconfirmed for the SOAP service"),
  };
}

}  // namespace erpc::sim::sap::setting
