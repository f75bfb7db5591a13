// SPDX-License-Identifier: Apache-2.0
// Applying a reported payment status to the one on record (BANKING.md "pain.002": reports
// arrive more than once and out of order; status only moves forward, except that RJCT may
// follow an acceptance; reading the same report twice changes nothing). Legal moves are
// contract::is_legal_transition (payment_state.hpp).
#pragma once

#include <erpc/contract/payment_status.hpp>

#include <optional>
#include <string_view>

namespace erpc::banking {

enum class status_outcome {
  applied,    // the state moved forward (or a first status was recorded)
  unchanged,  // the same state again: a repeated report, nothing to do
  stale,      // an older state arriving late (ACTC after ACSC): ignored
  conflict,   // contradicts a final or settled state (RJCT after ACSC): for a person to look at
};

std::string_view to_string(status_outcome o) noexcept;

struct status_change {
  contract::payment_state state;  // the state on record after applying
  status_outcome outcome = status_outcome::unchanged;
};

status_change apply_payment_status(std::optional<contract::payment_state> current,
                                   contract::payment_state reported) noexcept;

// The same for a whole PaymentStatus record: on `applied`, previous_status is set to `current`
// (so the record validates as a legal transition); otherwise the record is returned as given.
struct applied_status {
  contract::payment_status status;
  status_outcome outcome = status_outcome::unchanged;
};
applied_status apply_payment_status(std::optional<contract::payment_state> current,
                                    contract::payment_status reported);

}  // namespace erpc::banking
