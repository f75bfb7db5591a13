#include "invariants.hpp"

#include "json_money.hpp"
#include "json_pointer.hpp"

#include <optional>
#include <string>

namespace erpc::contract_detail {

void check_journal_balance(const nlohmann::json& doc, std::string_view base, findings& out) {
  const auto* lines = array_member(doc, "lines");
  if (lines == nullptr) return;
  const auto functional_currency = string_member(doc, "functional_currency");
  const std::string lines_ptr = pointer_append(base, "lines");

  decimal functional_debit, functional_credit, document_debit, document_credit;
  std::optional<std::string> document_currency;
  bool one_document_currency = true;
  bool complete = true;  // every line readable; otherwise the sums prove nothing

  for (std::size_t i = 0; i < lines->size(); ++i) {
    const auto& line = (*lines)[i];
    const std::string line_ptr = pointer_append(lines_ptr, i);
    const auto side = string_member(line, "side");
    const auto amount = read_money(member(line, "amount"));
    const auto functional = read_money(member(line, "functional_amount"));
    if (!side || (*side != "debit" && *side != "credit") || !amount || !functional) {
      complete = false;
      continue;
    }
    if (functional_currency && functional->currency != *functional_currency) {
      out.push_back({pointer_append(pointer_append(line_ptr, "functional_amount"), "currency"),
                     "money.currency_mismatch",
                     "functional amount is in " + functional->currency +
                         ", the journal's functional currency is " +
                         std::string(*functional_currency)});
    }
    // A line already in the functional currency has nothing to convert.
    if (amount->currency == functional->currency && amount->amount != functional->amount) {
      out.push_back({pointer_append(line_ptr, "functional_amount"),
                     "journal.functional_amount_mismatch",
                     "line is in the functional currency but amount " + amount->to_string() +
                         " differs from functional amount " + functional->to_string()});
    }
    if (!document_currency) {
      document_currency = amount->currency;
    } else if (*document_currency != amount->currency) {
      one_document_currency = false;
    }
    const bool debit = *side == "debit";
    (debit ? functional_debit : functional_credit) =
        (debit ? functional_debit : functional_credit) + functional->amount;
    (debit ? document_debit : document_credit) =
        (debit ? document_debit : document_credit) + amount->amount;
  }
  if (!complete || lines->empty()) return;

  if (functional_debit != functional_credit) {
    out.push_back({lines_ptr, "journal.unbalanced",
                   "functional debits " + functional_debit.to_string() + " != credits " +
                       functional_credit.to_string()});
  }
  // With mixed transaction currencies only the functional balance is meaningful.
  if (one_document_currency && document_debit != document_credit) {
    out.push_back({lines_ptr, "journal.unbalanced_document_currency",
                   *document_currency + " debits " + document_debit.to_string() +
                       " != credits " + document_credit.to_string()});
  }
}

}  // namespace erpc::contract_detail
