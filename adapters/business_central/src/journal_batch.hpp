// SPDX-License-Identifier: Apache-2.0
// One journal batch per idempotency key, posted once (BANKING.md "Business Central": "one
// journal batch per key (post posts the whole batch); if the reply to post is lost, check
// status before posting again"). Shared by general journals (journals + journalLines) and
// vendor payment journals (vendorPaymentJournals + vendorPayments): the posting is found first
// by its document number in generalLedgerEntries (posted already → replay or key reuse); then
// the batch of this key (found by its code, made when absent) and the lines an earlier attempt
// left (equal lines kept, a different one is key reuse); the missing lines added; the batch
// posted. A lost reply to the post is resolved by reading the G/L entries before anything is
// posted again.
#pragma once

#include "bc_client.hpp"

#include <erpc/adapter.hpp>

#include <functional>
#include <string>
#include <vector>

namespace erpc::bc {

struct journal_keys {
  std::string batch_code;       // Code[10]: prefix + 9 base32 of SHA-256(key)
  std::string document_number;  // Code[20]: ERPC/ERPP + 16 base32 of the same
};
// `batch_prefix` "E" (general journal) or "P" (vendor payment journal); the document number
// prefix follows it ("ERPC" / "ERPP"), so the two kinds never share a document number.
journal_keys keys_for(std::string_view idempotency_key, char batch_prefix = 'E');

// The entity sets of one journal kind and what its read-back compares.
struct journal_batch_kind {
  const char* journals_path;  // "/journals" | "/vendorPaymentJournals"
  // GET of the batch's lines; POST URL of a line and the body it sends (journalId added when the
  // line is posted to the flat entity set).
  std::function<std::string(const std::string& batch_id)> lines_url;
  std::function<std::string(const std::string& batch_id)> line_post_url;
  std::function<nlohmann::json(const nlohmann::json& line, const std::string& batch_id)> line_body;
  // What one line is, for "the same line" (an earlier attempt's line read back).
  std::function<std::vector<std::string>(const nlohmann::json& line)> line_signature;
  // Whether the posted G/L entries are what these lines post.
  std::function<bool(const nlohmann::json& entries)> ledger_equal;
  const char* what;  // "journal" | "vendor payment" (messages)
};

// The G/L entries with this document number (every page).
nlohmann::json ledger_entries(bc_client& client, const std::string& document_number, call_context& ctx);

// Posts `lines` (each with its lineNumber) through the batch of `keys`; answers whether the
// posting existed already (replayed). `batch_body` is the batch POST body (code, displayName,
// and what else the kind needs). Throws IDEMPOTENCY_KEY_REUSE bc.key_reuse when the key's
// posting or unposted lines differ.
bool post_batch_once(bc_client& client, call_context& ctx, const journal_batch_kind& kind,
                     const journal_keys& keys, const nlohmann::json& batch_body,
                     const nlohmann::json& lines);

}  // namespace erpc::bc
