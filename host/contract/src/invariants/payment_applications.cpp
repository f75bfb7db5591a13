#include "invariants.hpp"

#include "json_money.hpp"
#include "json_pointer.hpp"

#include <array>
#include <string>

namespace erpc::contract_detail {

void check_payment_applications(const nlohmann::json& doc, std::string_view base,
                                findings& out) {
  const auto amount = read_money(member(doc, "amount"));
  const auto* apps = array_member(doc, "applications");
  if (!amount || apps == nullptr || apps->empty()) return;
  const std::string apps_ptr = pointer_append(base, "applications");

  decimal applied;
  bool complete = true;
  for (std::size_t i = 0; i < apps->size(); ++i) {
    const auto& app = (*apps)[i];
    const std::string app_ptr = pointer_append(apps_ptr, i);
    for (std::string_view key : std::array<std::string_view, 3>{"amount", "discount_taken",
                                                                "withholding"}) {
      const auto m = read_money(member(app, key));
      if (m && m->currency != amount->currency) {
        out.push_back({pointer_append(pointer_append(app_ptr, key), "currency"),
                       "money.currency_mismatch",
                       "application in " + m->currency + " on a payment in " + amount->currency});
      }
    }
    const auto type = string_member(app, "document_type");
    const auto cash = read_money(member(app, "amount"));
    if (!type || !cash || cash->currency != amount->currency) {
      complete = false;
      continue;
    }
    // A credit note's amount is consumed credit: it lowers the cash paid.
    applied = *type == "credit_note" ? applied - cash->amount : applied + cash->amount;
  }
  if (complete && applied != amount->amount) {
    out.push_back({apps_ptr, "payment.applications_mismatch",
                   "invoices minus credit notes apply " + applied.to_string() +
                       ", the payment amount is " + amount->to_string()});
  }
}

}  // namespace erpc::contract_detail
