// SPDX-License-Identifier: Apache-2.0
// The export-flag pattern (BANKING.md "Vendor duplicate semantics" Coupa; vendors.md §10.1):
// the host pulls approved, not-exported invoices (Invoice list), writes each to the ERP keyed
// `coupa:<id>` and, only after that write committed, calls Invoice `update` with the document
// it pulled plus the ERP's id in external_refs. This marks the Coupa invoice exported:
//   - the payload must name the ERP record (an external_refs entry other than `coupa`):
//     VALIDATION coupa.erp_ref_required otherwise — the flag is never set before the ERP has
//     the invoice;
//   - the invoice is read first; if its number, date, currency, type or gross total differ
//     from the payload, Coupa changed it after the pull: CONFLICT coupa.invoice_changed and
//     nothing is written (the ERP holds an older version);
//   - already exported → the invoice, `replayed: true`, nothing written (a retry after a lost
//     reply is safe: the flag is its own idempotency record);
//   - otherwise the configured route (PUT {"exported": true}, or PUT …/export; the endpoint is
//     unconfirmed) and the invoice as Coupa now holds it.
#pragma once

#include "coupa_client.hpp"
#include "resource_mapping.hpp"

#include <erpc/adapter.hpp>

namespace erpc::coupa {

result mark_exported(coupa_client& client, const resource_mapping& invoices, const request& req, call_context& ctx);

}  // namespace erpc::coupa
