// SPDX-License-Identifier: Apache-2.0
// Every BILL simulator setting: what vendors.md §10.2 marks unconfirmed, the limits it states,
// the test credentials. docs/simulators-bill.md repeats this table; keep the two together.
#include "bill_settings.hpp"

namespace erpc::sim::bill {

std::vector<setting_spec> bill_setting_specs() {
  return {
      text_setting(settings::username, "sim.bill.user", "the user name POST /v3/login takes",
                   "vendors.md §10.2"),
      text_setting(settings::password, "sim-bill-password",
                   "its password; changing it ends every session issued under the old one",
                   "vendors.md §10.2", true),
      text_setting(settings::organization_id, "00801SIMORG0001", "the organisation logged into",
                   "vendors.md §10.2"),
      text_setting(settings::dev_key, "sim-bill-dev-key",
                   "the developer key every request's `devKey` header must carry",
                   "vendors.md §10.2", true),
      integer_setting(settings::session_idle, 2100, 1, 86400,
                      "seconds of inactivity after which a session is invalid (BDC_1109)",
                      "vendors.md §10.2: 35 minutes (secondary)"),
      integer_setting(settings::session_status, 401, 400, 403,
                      "HTTP status of BDC_1109 \"Session is invalid. Please log in.\"",
                      "vendors.md §10.2: the code is documented, its HTTP status is not (unconfirmed)"),
      text_setting(settings::validation_code, "BDC_1000",
                   "the code of a refused field or an unknown record (the simulator's stand-in)",
                   "vendors.md §10.2 names no validation code; the full list is behind "
                   "Errors.json (unconfirmed)"),
      integer_setting(settings::concurrent_limit, 3, 1, 1000,
                      "requests one organisation may have in flight at once; one more is "
                      "BDC_1322",
                      "vendors.md §10.2: 3 concurrent requests per developer key per organisation"),
      integer_setting(settings::concurrent_status, 429, 400, 503, "HTTP status of BDC_1322",
                      "vendors.md §10.2: status unconfirmed"),
      integer_setting(settings::hourly_limit, 20000, 1, 10000000,
                      "requests one developer key may make in a rolling hour; one more is "
                      "BDC_1144",
                      "vendors.md §10.2: 20,000 requests per developer key per hour"),
      integer_setting(settings::hourly_status, 429, 400, 503, "HTTP status of BDC_1144",
                      "vendors.md §10.2: status unconfirmed"),
      integer_setting(settings::hold_ms, 0, 0, 60000,
                      "hold every API request this long before answering (to provoke BDC_1322)",
                      "test knob"),
      choice_setting(settings::invoice_fields, "top_level", {"top_level", "nested"},
                     "where a bill's invoiceNumber and invoiceDate sit: at the top level of the "
                     "body, or in an `invoice` object (a body in the other form is refused)",
                     "vendors.md §10.2: cut off in the page excerpt (unconfirmed)"),
      choice_setting(settings::duplicate_bill, "allow", {"allow", "reject"},
                     "a POST /v3/bills whose vendor already has a bill with that invoice number: "
                     "a second bill, or a refusal",
                     "vendors.md §10.2: duplicate-bill detection none found (unconfirmed)"),
      integer_setting(settings::duplicate_status, 400, 400, 409,
                      "HTTP status of that refusal (bills.duplicate_invoice_number reject)",
                      "vendors.md §10.2: unconfirmed"),
      boolean_setting(settings::idempotency_header, false,
                      "honour an `Idempotency-Key` header on POST: the same key answers the first "
                      "answer again and writes nothing",
                      "vendors.md §10.2: idempotency key none found (unconfirmed)"),
      integer_setting(settings::mass_complete_ms, 200, 0, 600000,
                      "milliseconds until a mass-payment batch is processed",
                      "vendors.md §10.2: mass payments are asynchronous (timing unconfirmed)"),
      integer_setting(settings::mass_max, 2000, 1, 100000, "bills one mass payment may hold",
                      "vendors.md §10.2: ≤ 2000 bills"),
  };
}

}  // namespace erpc::sim::bill
