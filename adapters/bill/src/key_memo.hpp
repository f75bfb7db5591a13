// SPDX-License-Identifier: Apache-2.0
// BILL has no idempotency key (vendors.md §10.2, none found), so the adapter carries the
// canonical idempotency key in the record's memo (`description`), as BANKING.md "Vendor duplicate
// semantics" asks: "[erpc:<key>]" after any notes. A read-back after an unknown outcome finds
// the payment by its bill and this marker before any retry, never by a blind re-post.
#pragma once

#include <optional>
#include <string>

namespace erpc::bill {

// notes + " " + marker (or the marker alone).
std::string memo_with_key(const std::string& notes, const std::string& key);
// The key a memo carries, nullopt when none.
std::optional<std::string> key_in_memo(const std::string& memo);
// The memo without its marker: the canonical notes.
std::string notes_of_memo(const std::string& memo);

}  // namespace erpc::bill
