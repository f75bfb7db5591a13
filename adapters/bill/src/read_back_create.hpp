// SPDX-License-Identifier: Apache-2.0
// Creates through a read-back (ARCHITECTURE §6 R1–R5, BANKING.md "Vendor duplicate semantics"
// BILL, vendors.md §10.2). BILL has no idempotency key and no duplicate-bill detection, so
// nothing at BILL refuses a second POST: before **every** POST the record is looked for by its
// natural key (a vendor by name; a bill by vendor + invoice number; a payment by its bill and
// the key in the memo), and again after a refusal:
//     found, compared fields equal     → that record, `replayed: true`, nothing written
//     found, compared fields different → IDEMPOTENCY_KEY_REUSE when the record carries this
//                                        call's key in its memo, else CONFLICT (another record
//                                        holds the natural key); nothing written
//     not found                        → POST (or the refusal, mapped)
// An unknown outcome (a lost reply) is therefore resolved by reading back before any retry,
// never by a blind re-post. What this cannot close: a POST still in flight when the retry reads
// back (late delivery) lands as a second record — no vendor-side guard exists, which is why the
// adapter is certified `idempotent`, not `native` (README).
#pragma once

#include "bill_api.hpp"
#include "record_mapping.hpp"

#include <erpc/adapter.hpp>

namespace erpc::bill {

result create_with_read_back(bill_api& api, const record_mapping& mapping, const nlohmann::json& body,
                             const request& req, call_context& ctx);

// The differing compared fields of a record read back against the body we would send.
std::vector<std::string> differing_fields(const record_mapping& mapping, const nlohmann::json& body,
                                          const nlohmann::json& found);

// The canonical answer of a create: the payload as sent, with the BILL id.
nlohmann::json created_document(nlohmann::json payload, const std::string& vendor_id);

}  // namespace erpc::bill
