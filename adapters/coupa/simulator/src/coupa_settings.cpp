// SPDX-License-Identifier: Apache-2.0
// Every Coupa simulator setting: what vendors.md §10.1 marks unconfirmed, the vendor's
// published limits, and the test credentials. docs/simulators-coupa.md repeats this table;
// keep the two together.
#include "coupa_settings.hpp"

namespace erpc::sim::coupa {

std::vector<setting_spec> coupa_setting_specs() {
  return {
      text_setting(settings::client_id, "sim-coupa-client",
                   "the OAuth 2.0 / OIDC client id (client credentials)", "vendors.md §10.1"),
      text_setting(settings::client_secret, "sim-coupa-client-secret",
                   "its client secret; changing it revokes the tokens issued so far",
                   "vendors.md §10.1", true),
      integer_setting(settings::token_ttl, 3600, 1, 86400, "expires_in of an issued token",
                      "vendors.md §10.1 (token lifetime unconfirmed)"),
      boolean_setting(settings::enforce_scopes, true,
                      "a resource request needs the scope core.<invoice|supplier>.<read|write> in "
                      "its token (403 otherwise)",
                      "vendors.md §10.1 (scope names secondary: DataGrail)"),
      choice_setting(settings::without_json_accept, "406", {"406", "json"},
                     "a request whose Accept does not name application/json: 406 (Coupa would "
                     "answer XML, its default, which the simulator does not speak), or JSON anyway",
                     "vendors.md §10.1: XML by default, JSON with Accept: application/json"),
      integer_setting(settings::rate_per_second, 25, 0, 100000,
                      "sustained requests a second under /api/ (0: no limit); beyond it 429",
                      "vendors.md §10.1: 25 requests/second (vendor); 429 (secondary)"),
      integer_setting(settings::rate_burst, 20, 1, 100000,
                      "requests that may arrive at once before the sustained rate applies",
                      "vendors.md §10.1: burst 20 (vendor)"),
      integer_setting(settings::retry_after, 1, 0, 3600,
                      "Retry-After seconds on a 429 (0: no Retry-After header)",
                      "vendors.md §10.1: whether Coupa sends Retry-After is unconfirmed"),
      choice_setting(settings::error_shape, "json_errors", {"json_errors", "plain_text"},
                     "the body of a 4xx: {\"errors\": {\"<field>\": [\"<message>\"]}} or the "
                     "message as plain text",
                     "vendors.md §10.1: error body shape unconfirmed (a code and a short "
                     "description)"),
      choice_setting(settings::rest_create, "allowed", {"allowed", "forbidden"},
                     "POST /api/invoices creates an invoice, or answers 403 (the tenant takes "
                     "supplier invoices through cXML only)",
                     "vendors.md §10.1: whether POST /api/invoices is allowed for an ERP-side "
                     "adapter depends on tenant setup (unconfirmed)"),
      choice_setting(settings::duplicate_number, "reject", {"reject", "allow"},
                     "a POST /api/invoices whose invoice-number the supplier already has: "
                     "refused, or a second invoice",
                     "vendors.md §10.1: duplicate-invoice behaviour unconfirmed (invoice number "
                     "per supplier is the likely business key)"),
      integer_setting(settings::duplicate_status, 422, 400, 422,
                      "HTTP status of that refusal",
                      "vendors.md §10.1: unconfirmed"),
      choice_setting(settings::initial_status, "approved", {"approved", "pending_approval", "draft"},
                     "the status an invoice created through the API starts in (approved, so a "
                     "test can pull it)",
                     "test knob"),
      choice_setting(settings::export_route, "put_field", {"put_field", "export_action"},
                     "how an invoice is marked exported: PUT /api/invoices/{id} with "
                     "{\"exported\": true}, or PUT /api/invoices/{id}/export (then the field is "
                     "read-only)",
                     "vendors.md §10.1: export flag pattern documented, endpoint name unconfirmed"),
      choice_setting(settings::supplier_duplicate_name, "reject", {"reject", "allow"},
                     "a POST /api/suppliers whose name exists: refused, or a second supplier",
                     "vendors.md §10.1: supplier name uniqueness not stated (unconfirmed)"),
  };
}

}  // namespace erpc::sim::coupa
