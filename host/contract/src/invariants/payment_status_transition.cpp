#include "invariants.hpp"

#include "json_money.hpp"
#include "json_pointer.hpp"

#include <erpc/contract/payment_state.hpp>

#include <string>

namespace erpc::contract_detail {

void check_payment_status_transition(const nlohmann::json& doc, std::string_view base,
                                     findings& out) {
  const auto previous = string_member(doc, "previous_status");
  const auto current = string_member(doc, "status");
  if (!previous || !current) return;
  const auto from = contract::payment_state_from_string(*previous);
  const auto to = contract::payment_state_from_string(*current);
  if (!from || !to) return;  // an unknown state is a schema.enum finding
  if (!contract::is_legal_transition(*from, *to)) {
    out.push_back({pointer_append(base, "status"), "payment_status.illegal_transition",
                   "a payment cannot move from " + std::string(*previous) + " to " +
                       std::string(*current)});
  }
}

}  // namespace erpc::contract_detail
