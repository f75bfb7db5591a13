// SPDX-License-Identifier: Apache-2.0
// Ledger journals in F&O (vendors.md §5.1 LedgerJournalHeaders + LedgerJournalLines; BANKING.md
// "F&O": journal batch numbers come from a number sequence and change on every POST — carry the
// key in a reference field). The key travels as journal_reference(key) ("ERPC" + 16 base32 of
// SHA-256) in the header's Description; a create:
//   1. reads back the headers whose Description is the reference: one found → its lines are
//      completed and compared (line_writer: equal → `replayed: true`, different →
//      IDEMPOTENCY_KEY_REUSE);
//   2. else POSTs a header (a new JournalBatchNumber) and its lines (LineNumber 1..n).
// F&O enforces nothing on Description, so a first attempt delivered late, after the retry's
// read-back, makes a second batch: journals are certified at `idempotent` (the host's ledger),
// not `native` (README "Certification"). Posting the journal is not an OData write (vendors.md
// §5.1, unconfirmed which service): the journal stays unposted.
#pragma once

#include "fo_client.hpp"
#include "fo_mapping.hpp"

#include <erpc/adapter.hpp>

#include <optional>

namespace erpc::fo {

class journal_create {
 public:
  explicit journal_create(fo_client& client) : client_(client) {}

  result create(const request& req, call_context& ctx) const;
  // A journal (by JournalBatchNumber) with its lines; nullopt when there is none.
  std::optional<nlohmann::json> get(const std::string& batch_number, call_context& ctx) const;
  // The JournalBatchNumber of the journal an idempotency key created; "" when none.
  std::string batch_of_key(const std::string& idempotency_key, call_context& ctx) const;

 private:
  fo_client& client_;
};

}  // namespace erpc::fo
