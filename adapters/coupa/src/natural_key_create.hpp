// SPDX-License-Identifier: Apache-2.0
// Creates through Coupa's natural keys (ARCHITECTURE §6 R1–R5, vendors.md §10.1, §12). Coupa
// documents no idempotency key, so the record is found by its natural key — an invoice by
// invoice-number + supplier[id], a supplier by name — with a bracket query:
//   before a POST whose outcome may already have happened (attempt > 1, prior_outcome
//   "unknown", or read_before_create), and after a POST Coupa refused with a 4xx (the
//   duplicate's status and body are unconfirmed, so every refusal is checked):
//     found, compared fields equal     → that record, `replayed: true`, nothing written
//     found, compared fields different → IDEMPOTENCY_KEY_REUSE, effect none, nothing written
//     not found                        → POST (or the refusal, mapped)
#pragma once

#include "coupa_client.hpp"
#include "resource_mapping.hpp"

#include <erpc/adapter.hpp>

namespace erpc::coupa {

result create_with_natural_key(coupa_client& client, const resource_mapping& mapping, nlohmann::json body,
                               const request& req, call_context& ctx);

// Whether a record read back holds every compared field the body sets; the differing names.
std::vector<std::string> differing_fields(const resource_mapping& mapping, const nlohmann::json& body,
                                          const nlohmann::json& found);

// The canonical answer of a create: the payload as sent, with the vendor id.
nlohmann::json created_document(nlohmann::json payload, const std::string& vendor_id);

}  // namespace erpc::coupa
