// SPDX-License-Identifier: Apache-2.0
// PaymentBatch and PaymentStatus through BILL mass payments (vendors.md §10.2:
// POST /v3/payments/mass pays up to 2,000 bills asynchronously and returns a paymentBatchId;
// GET /v3/payments/mass/{paymentBatchId} gives its status).
//
// submit PaymentBatch: every payment is mapped as a single payment (payment_mapping.cpp) with
// the memo key `<key>/<n>`; one mass payment has one processDate and one funding account, so
// the payments must share them. Before the POST the payments of each bill are read back for
// those memo keys: all or some found (the batch ran; some bills may have failed) → the batch,
// `replayed: true`; found but different → IDEMPOTENCY_KEY_REUSE. None found on a retry after an
// unknown outcome → OUTCOME_UNKNOWN `bill.batch_unresolved`: BILL lists no batches by a client
// key and a batch still in progress shows no payments yet, so the adapter cannot tell "never
// arrived" from "queued" — it refuses to post blindly and leaves the decision to the operator
// (the batch status by id, or a new key).
//
// list PaymentStatus (query.payment_batch_id): the batch at level `group` and each bill at level
// `transaction`, mapped to the pain.002-style lifecycle (BANKING.md): batch IN_PROGRESS →
// pending, COMPLETED → accepted, PARTIALLY_COMPLETED → partially_accepted, FAILED → rejected;
// a bill PENDING → pending, SCHEDULED → accepted, PAID → settled, FAILED → rejected with the
// reason. These status names are the simulator's (§10.2 gives only the endpoint): unconfirmed.
#pragma once

#include "bill_api.hpp"
#include "record_mapping.hpp"

#include <erpc/adapter.hpp>

namespace erpc::bill {

result submit_mass_payment(bill_api& api, const record_mapping& payment_mapping,
                           const mapping_context& base, const request& req, call_context& ctx);

result mass_payment_statuses(bill_api& api, const request& req, call_context& ctx);

// The canonical PaymentStatus state of a BILL batch / per-bill status; nullopt for a name the
// adapter does not know (reported as INTERNAL rather than guessed).
std::optional<std::string> batch_state(const std::string& bill_status);
std::optional<std::string> item_state(const std::string& bill_status);

}  // namespace erpc::bill
