// SPDX-License-Identifier: Apache-2.0
// Creates with NetSuite's natural key (ARCHITECTURE §6 R1–R5, BANKING.md "Vendor duplicate
// semantics"): POST with `externalId` derived from the idempotency key — never `PUT …/eid:`,
// which would silently update a posted record on a changed replay. When the envelope says the
// call may already have happened (attempt > 1, prior_outcome "unknown") or NetSuite refuses the
// POST, the record is read back by `eid:` and its compared fields judged against the payload:
// equal → the first record, `replayed: true`; different → IDEMPOTENCY_KEY_REUSE, effect none,
// and nothing is written. In async mode a `400 IDEMPOTENCY_ERROR` ("already submitted",
// vendors.md §1.2) is followed to the earlier job: finished → judged like a read-back; still
// running → IN_PROGRESS.
#pragma once

#include "record_api.hpp"
#include "record_mapping.hpp"

#include <erpc/adapter.hpp>

namespace erpc::netsuite {

struct create_options {
  write_mode mode = write_mode::sync;
  int async_poll_attempts = 5;
  bool read_before_create = false;  // also read back on a first attempt (see README.md)
};

// `payload` is the request's payload (moved or copied by the caller), which the answer is
// made of; `req.payload` is not read.
result create_with_natural_key(record_api& api, const record_mapping& mapping,
                               vendor_record record, const request& req, nlohmann::json payload,
                               const create_options& options, call_context& ctx);

// The canonical answer of a create: the payload as sent, with the vendor id.
nlohmann::json created_document(nlohmann::json payload, const std::string& vendor_id);

}  // namespace erpc::netsuite
