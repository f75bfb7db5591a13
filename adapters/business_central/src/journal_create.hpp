// SPDX-License-Identifier: Apache-2.0
// Journal entries in Business Central (vendors.md §4.1 journals/journalLines + the bound
// action post, 204; BANKING.md "one journal batch per key (post posts the batch)"). BC has no
// idempotency header and its journal lines no reference a read-back could trust after
// posting, so the key names everything:
//   batch code     "E" + 9 base32 characters of SHA-256(key)   (journals.code, Code[10])
//   documentNumber "ERPC" + 16 of the same                     (G/L Entry Document No., Code[20])
// A create reads back, in order: the G/L entries with that document number (posted: equal →
// replay, different → IDEMPOTENCY_KEY_REUSE); the batch and its lines (an earlier attempt
// stopped before or during the post: equal lines are kept, missing ones added, a different one
// is IDEMPOTENCY_KEY_REUSE); then posts the batch. A lost reply to the post is resolved by
// reading the G/L entries before anything is posted again. Only this key's lines are ever in
// its batch, so "post posts the batch" posts exactly this journal.
#pragma once

#include "bc_client.hpp"
#include "journal_batch.hpp"

#include <erpc/adapter.hpp>

#include <string>

namespace erpc::bc {

// JournalEntry → journal lines (lineNumber, accountType, accountNumber, postingDate,
// documentNumber, externalDocumentNumber, amount ±, description). Only journals in the
// company's local currency (the v2.0 journalLine carries no currency).
nlohmann::json journal_to_vendor(const nlohmann::json& payload, const connection_config& config,
                                 const std::string& document_number);
// G/L entries of one document → a JournalEntry.
nlohmann::json journal_from_ledger(const nlohmann::json& entries, const std::string& document_number,
                                   const connection_config& config);

class journal_create {
 public:
  explicit journal_create(bc_client& client) : client_(client) {}
  result create(const request& req, call_context& ctx) const;
  // The G/L entries with this document number (every page).
  nlohmann::json ledger_entries(const std::string& document_number, call_context& ctx) const;

 private:
  bc_client& client_;
};

}  // namespace erpc::bc
