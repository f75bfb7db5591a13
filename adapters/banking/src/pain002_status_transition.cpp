// SPDX-License-Identifier: Apache-2.0
#include <erpc/banking/payment_status_transition.hpp>

namespace erpc::banking {

using contract::payment_state;

std::string_view to_string(status_outcome o) noexcept {
  switch (o) {
    case status_outcome::applied: return "applied";
    case status_outcome::unchanged: return "unchanged";
    case status_outcome::stale: return "stale";
    case status_outcome::conflict: return "conflict";
  }
  return "unchanged";
}

status_change apply_payment_status(std::optional<payment_state> current,
                                   payment_state reported) noexcept {
  if (!current) return {reported, status_outcome::applied};
  if (*current == reported) return {*current, status_outcome::unchanged};
  if (contract::is_legal_transition(*current, reported)) {
    return {reported, status_outcome::applied};
  }
  // Not a legal move. A different ending reported for a payment that already has one (RJCT
  // after ACSC, CANC after RJCT) is a contradiction a person must resolve; anything else is
  // older news arriving late (ACTC after ACSC, ACCP after RJCT) and changes nothing.
  const bool reported_is_ending = contract::is_final(reported);
  const bool current_is_ending =
      contract::is_final(*current) || *current == payment_state::settled;
  if (reported_is_ending && current_is_ending) return {*current, status_outcome::conflict};
  return {*current, status_outcome::stale};
}

applied_status apply_payment_status(std::optional<payment_state> current,
                                    contract::payment_status reported) {
  const auto change = apply_payment_status(current, reported.status);
  if (change.outcome == status_outcome::applied) reported.previous_status = current;
  return {std::move(reported), change.outcome};
}

}  // namespace erpc::banking
