// SPDX-License-Identifier: Apache-2.0
// Identity, so nothing is booked twice (BANKING.md "Identity"). A statement is identified by
//   camt  (account, Stmt/Id, ElctrncSeqNb)
//   MT940 (:25:, :28C:, :60F: date) — :20: is not unique
//   BAI2  (sender, file id, creation date, account, as-of date)
// and an entry by (account, AcctSvcrRef, booking date, amount, sign), falling back to a content
// hash when the bank gives no reference. Identities are plain strings a store can index.
#pragma once

#include <erpc/contract/bank_statement.hpp>

#include <initializer_list>
#include <string>
#include <string_view>

namespace erpc::banking {

// "iban:DE44…" or "other:<scheme>:<id>": the account as one key (not for messages — unmasked).
std::string account_key(const contract::bank_account& account);

// Parts joined with '|'; a '|' or '\' inside a part is escaped, so distinct part lists never
// give the same string.
std::string join_identity(std::initializer_list<std::string_view> parts);

// (account, AcctSvcrRef, booking date, amount, sign) when the entry has a reference and a
// booking date; otherwise "…|content:<sha256 of the canonical entry>". `occurrence` tells apart
// entries whose content is identical within one statement (two equal card payments on one day
// are two entries): 0 for the first, 1 for the second…
std::string entry_identity(const contract::bank_account& account,
                           const contract::statement_entry& entry, std::size_t occurrence = 0);

// The same, with account_key(account) computed once by the caller.
std::string entry_identity_for_key(std::string_view account_key,
                                   const contract::statement_entry& entry,
                                   std::size_t occurrence = 0);

// Whether entry_identity uses the reference form (true) or the content hash (false).
bool has_reference_identity(const contract::statement_entry& entry) noexcept;

}  // namespace erpc::banking
