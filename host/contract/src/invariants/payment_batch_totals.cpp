#include "invariants.hpp"

#include "json_money.hpp"
#include "json_pointer.hpp"

#include <string>

namespace erpc::contract_detail {

void check_payment_batch_totals(const nlohmann::json& doc, std::string_view base,
                                findings& out) {
  const auto* payments = array_member(doc, "payments");
  if (payments == nullptr) return;
  const std::string payments_ptr = pointer_append(base, "payments");

  decimal sum;
  bool complete = true;
  for (std::size_t i = 0; i < payments->size(); ++i) {
    const auto& p = (*payments)[i];
    check_payment_applications(p, pointer_append(payments_ptr, i), out);
    if (const auto m = read_money(member(p, "amount"))) {
      sum = sum + m->amount;
    } else {
      complete = false;
    }
  }

  if (const auto* count = member(doc, "number_of_transactions");
      count != nullptr && count->is_number_integer() &&
      count->get<std::int64_t>() != static_cast<std::int64_t>(payments->size())) {
    out.push_back({pointer_append(base, "number_of_transactions"), "payment_batch.count_mismatch",
                   "number_of_transactions is " + count->dump() + ", the batch holds " +
                       std::to_string(payments->size()) + " payments"});
  }
  // CtrlSum is the plain sum of the amounts, whatever their currencies (pain.001).
  if (const auto control = read_decimal(member(doc, "control_sum"));
      control && complete && *control != sum) {
    out.push_back({pointer_append(base, "control_sum"), "payment_batch.control_sum_mismatch",
                   "control_sum " + control->to_string() + " != sum of payments " +
                       sum.to_string()});
  }
}

}  // namespace erpc::contract_detail
