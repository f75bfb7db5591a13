#include "invariants.hpp"

#include "json_money.hpp"
#include "json_pointer.hpp"

#include <optional>
#include <string>

namespace erpc::contract_detail {
namespace {

struct signed_balance {
  std::size_t index;
  std::string type;
  decimal value;  // credit positive, debit negative
  std::string currency;
};

std::optional<decimal> signed_amount(const nlohmann::json& node, std::string* currency) {
  const auto m = read_money(member(node, "amount"));
  const auto cd = string_member(node, "credit_debit");
  if (!m || !cd || (*cd != "CRDT" && *cd != "DBIT")) return std::nullopt;
  if (currency != nullptr) *currency = m->currency;
  return *cd == "CRDT" ? m->amount : -m->amount;
}

}  // namespace

void check_statement_balance(const nlohmann::json& doc, std::string_view base, findings& out) {
  const auto* balances = array_member(doc, "balances");
  const auto* entries = array_member(doc, "entries");
  if (balances == nullptr || entries == nullptr) return;

  std::optional<signed_balance> opening, closing, interim;
  for (std::size_t i = 0; i < balances->size(); ++i) {
    const auto type = string_member((*balances)[i], "type");
    std::string currency;
    const auto value = signed_amount((*balances)[i], &currency);
    if (!type || !value) continue;
    signed_balance b{i, std::string(*type), *value, currency};
    if ((*type == "OPBD" || *type == "PRCD") && !opening) opening = b;
    if (*type == "CLBD" && !closing) closing = b;
    if (*type == "ITBD" && !interim) interim = b;
  }
  // A page of a paginated statement opens or closes with an interim balance.
  if (!opening && interim && closing) opening = interim;
  if (!closing && interim && opening && opening->index != interim->index) closing = interim;
  if (!opening || !closing || opening->currency != closing->currency) return;

  decimal booked = opening->value;
  for (const auto& e : *entries) {
    const auto status = string_member(e, "status");
    if (!status) return;
    if (*status != "BOOK") continue;  // PDNG/INFO/FUTR never move the booked balance
    std::string currency;
    const auto value = signed_amount(e, &currency);
    if (!value || currency != opening->currency) return;
    booked = booked + *value;
  }
  if (booked != closing->value) {
    out.push_back({pointer_append(pointer_append(pointer_append(base, "balances"), closing->index),
                                  "amount"),
                   "bank_statement.balance_mismatch",
                   opening->type + " + booked entries = " + booked.to_string() + ", " +
                       closing->type + " = " + closing->value.to_string()});
  }
}

}  // namespace erpc::contract_detail
