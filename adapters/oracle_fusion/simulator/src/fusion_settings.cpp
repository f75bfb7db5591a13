// SPDX-License-Identifier: Apache-2.0
// Every Oracle Fusion simulator setting: what vendors.md §3 marks unconfirmed, the test
// credentials. docs/simulators.md repeats this table; keep the two together.
#include "fusion_settings.hpp"

namespace erpc::sim::oracle_fusion {

std::vector<setting_spec> fusion_setting_specs() {
  return {
      choice_setting(settings::auth_mode, "basic_or_oauth2", {"basic_or_oauth2", "basic", "oauth2", "none"},
                     "which Authorization a resource request must carry: HTTP Basic with the "
                     "Fusion user, a bearer token from /oauth2/v1/token, either, or none",
                     "vendors.md §3.2"),
      text_setting(settings::user, "sim.fusion.user", "the Fusion user of Basic authentication",
                   "vendors.md §3.2"),
      text_setting(settings::password, "sim-fusion-password", "its password", "vendors.md §3.2",
                   true),
      text_setting(settings::client_id, "sim-fusion-client",
                   "the confidential application's client id (client credentials)",
                   "vendors.md §3.2"),
      text_setting(settings::client_secret, "sim-fusion-client-secret",
                   "its client secret; changing it revokes the tokens issued so far",
                   "vendors.md §3.2", true),
      integer_setting(settings::token_ttl, 3600, 1, 86400, "expires_in of an issued token",
                      "vendors.md §3.2 (token lifetime unconfirmed)"),
      boolean_setting(settings::structured_errors, true,
                      "answer errors as application/vnd.oracle.adf.error+json {title, status, "
                      "o:errorDetails[]} when the request's Accept names that type; otherwise "
                      "(and always when false) as plain text",
                      "vendors.md §3.4 (secondary: plain text by default, ADF JSON when asked)"),
      integer_setting(settings::duplicate_status, 400, 400, 409,
                      "HTTP status of a POST /invoices whose invoice number the supplier "
                      "already has",
                      "vendors.md §3.3: the Fusion REST status for a duplicate is unconfirmed"),
      text_setting(settings::duplicate_detail,
                   "Duplicate Invoice Number: Invoice number for this supplier already exists "
                   "in Payables.",
                   "the text of that refusal",
                   "vendors.md §3.3: Fusion text unconfirmed; Oracle EBS wording (secondary)"),
      text_setting(settings::duplicate_code, "",
                   "o:errorCode of that refusal in the ADF JSON form (empty: none)",
                   "vendors.md §3.3: unconfirmed"),
      boolean_setting(settings::check_sites, true,
                      "refuse an invoice or payment whose SupplierSite the supplier does not have",
                      "vendors.md §3.1 (sites are a child of suppliers); the refusal's text is the "
                      "simulator's"),
      choice_setting(settings::supplier_duplicate_name, "reject", {"reject", "allow"},
                     "a POST /suppliers whose Supplier name exists: 400, or a second supplier",
                     "vendors.md §3.1: supplier name uniqueness is not stated (unconfirmed)"),
      choice_setting(settings::payment_duplicate_number, "reject", {"reject", "allow"},
                     "a POST /payablesPayments whose PaymentNumber exists for the same "
                     "disbursement bank account and payment document: 400, or a second payment",
                     "vendors.md §3.1: payment number uniqueness unconfirmed"),
      choice_setting(settings::upsert_mode, "update_match", {"update_match", "ignore"},
                     "a POST with `Upsert-Mode: true`: update the record matching the payload's "
                     "business key (invoice number + supplier; payment number) instead of "
                     "creating, or ignore the header",
                     "vendors.md §3.3: Upsert-Mode documented, its matching rule unconfirmed"),
  };
}

}  // namespace erpc::sim::oracle_fusion
