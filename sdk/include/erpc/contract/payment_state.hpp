// SPDX-License-Identifier: Apache-2.0
// The canonical payment lifecycle (BANKING.md) and which status moves are legal.
//
//   initiated → approved → transmitted → pending → accepted | partially_accepted → settled
//
// Status only moves forward along that chain (skipping is allowed: a bank may report ACSC without
// an earlier ACCP). rejected may follow any state before settled (RJCT after an acceptance);
// cancelled likewise. returned and reversed only follow settled. rejected, cancelled, returned
// and reversed are final. Reading the same status again is a no-op, so it is legal.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace erpc::contract {

enum class payment_state {
  initiated,
  approved,
  transmitted,
  accepted,
  settled,
  pending,
  partially_accepted,
  rejected,
  cancelled,
  returned,
  reversed,
};

// Schema order (payment_status.schema.json#/definitions/state).
inline constexpr std::array<std::string_view, 11> payment_state_names{
    "initiated", "approved", "transmitted", "accepted", "settled", "pending",
    "partially_accepted", "rejected", "cancelled", "returned", "reversed"};

constexpr std::string_view to_string(payment_state s) noexcept {
  return payment_state_names[static_cast<std::size_t>(s)];
}

constexpr std::optional<payment_state> payment_state_from_string(std::string_view name) noexcept {
  for (std::size_t i = 0; i < payment_state_names.size(); ++i) {
    if (payment_state_names[i] == name) return static_cast<payment_state>(i);
  }
  return std::nullopt;
}

constexpr bool is_final(payment_state s) noexcept {
  return s == payment_state::rejected || s == payment_state::cancelled ||
         s == payment_state::returned || s == payment_state::reversed;
}

namespace detail {
// Position on the forward chain; accepted and partially_accepted are alternatives at one rank.
constexpr std::optional<int> chain_rank(payment_state s) noexcept {
  switch (s) {
    case payment_state::initiated: return 0;
    case payment_state::approved: return 1;
    case payment_state::transmitted: return 2;
    case payment_state::pending: return 3;
    case payment_state::accepted:
    case payment_state::partially_accepted: return 4;
    case payment_state::settled: return 5;
    default: return std::nullopt;
  }
}
}  // namespace detail

constexpr bool is_legal_transition(payment_state from, payment_state to) noexcept {
  if (from == to) return true;
  if (is_final(from)) return false;
  switch (to) {
    case payment_state::rejected:
    case payment_state::cancelled: return from != payment_state::settled;
    case payment_state::returned:
    case payment_state::reversed: return from == payment_state::settled;
    default: break;
  }
  const auto f = detail::chain_rank(from);
  const auto t = detail::chain_rank(to);
  return f && t && *t > *f;
}

}  // namespace erpc::contract
