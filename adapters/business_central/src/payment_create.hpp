// SPDX-License-Identifier: Apache-2.0
// Vendor payments in Business Central: one vendor payment journal batch per idempotency key,
// posted once (journal_batch.hpp; BANKING.md "Business Central" and "The pay-and-settle flow"
// step 1). The key names everything:
//   batch code     "P" + 9 base32 characters of SHA-256(key)   (vendorPaymentJournals.code)
//   documentNumber "ERPP" + 16 of the same                     (every line; the G/L entries)
// Before anything is written the vendor (by id → its number) and every applied invoice (by id,
// BC number or the supplier's invoice number, posted invoices only) are resolved; a lost reply to
// the post is resolved by reading the G/L entries before anything is posted again.
#pragma once

#include "bc_client.hpp"
#include "payment_mapping.hpp"

#include <erpc/adapter.hpp>

namespace erpc::bc {

class payment_create {
 public:
  explicit payment_create(bc_client& client) : client_(client) {}
  result create(const request& req, call_context& ctx) const;
  // get with query.id = the document number (ERPP…) a create answered.
  result get(const std::string& document_number, call_context& ctx) const;

 private:
  void resolve(payment_plan& plan, call_context& ctx) const;
  bc_client& client_;
};

}  // namespace erpc::bc
