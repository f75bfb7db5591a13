// SPDX-License-Identifier: Apache-2.0
// Creates through Fusion's natural keys (ARCHITECTURE §6 R1–R5, BANKING.md "Vendor duplicate
// semantics" Oracle, vendors.md §3.3). Fusion has no idempotency header, and `Upsert-Mode`
// would silently update a posted record, so it is never sent. Instead the record is found by
// its natural key — an invoice by InvoiceNumber + Supplier (unique per supplier), a supplier
// by name, a payment by PaymentNumber + bank account + payment document — with a `q` query:
//   before a POST whose outcome may already have happened (attempt > 1, prior_outcome
//   "unknown", or read_before_create), and after a POST Fusion refused (4xx: the duplicate's
//   status and text are unconfirmed, so every refusal is checked):
//     found, compared fields equal     → that record, `replayed: true`, nothing written
//     found, compared fields different → IDEMPOTENCY_KEY_REUSE, effect none, nothing written
//     not found                        → POST (or the refusal, mapped)
#pragma once

#include "resource_api.hpp"
#include "resource_mapping.hpp"

#include <erpc/adapter.hpp>

namespace erpc::oracle_fusion {

struct create_options {
  bool read_before_create = false;
};

result create_with_natural_key(resource_api& api, const resource_mapping& mapping,
                               nlohmann::json body, const request& req,
                               const create_options& options, call_context& ctx);

// The records the natural key of `body` finds (children expanded).
std::vector<nlohmann::json> find_by_natural_key(resource_api& api, const resource_mapping& mapping,
                                                const nlohmann::json& body, call_context& ctx);

// Whether a record read back holds every compared field the body sets (a field the body does
// not set, such as a SupplierNumber Fusion assigned, is not compared); the differing names.
std::vector<std::string> differing_fields(const resource_mapping& mapping,
                                          const nlohmann::json& body, const nlohmann::json& found);

// The canonical answer of a create: the payload as sent, with the vendor id.
nlohmann::json created_document(nlohmann::json payload, const std::string& vendor_id);

}  // namespace erpc::oracle_fusion
