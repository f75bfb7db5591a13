#include "invariants.hpp"

#include "document_scan.hpp"
#include "json_money.hpp"
#include "json_pointer.hpp"

#include <erpc/currency.hpp>
#include <erpc/decimal.hpp>

#include <string>

namespace erpc::contract_detail {
namespace {

// `at` is the money node; findings point at its "amount".
void check_digits(const decimal& amount, const std::string& currency,
                  amount_precision precision, const pointer_path& at, findings& out) {
  if (!is_currency_code(currency)) return;
  const auto minor = currency_minor_units(currency);
  if (!minor) {
    out.push_back({at.str("amount"), "money.minor_units",
                   currency + " has no minor unit and cannot be posted to a ledger"});
    return;
  }
  const bool ok = precision == amount_precision::ledger_exact ? amount.scale() == *minor
                                                              : amount.scale() <= *minor;
  if (!ok) {
    out.push_back({at.str("amount"), "money.minor_units",
                   "amount " + amount.to_string() + " must have " +
                       (precision == amount_precision::ledger_exact ? "exactly " : "at most ") +
                       std::to_string(*minor) + " decimals for " + currency});
  }
}

}  // namespace

// A Money node has exactly the members "amount" and "currency" (read in place: no lookups, no
// copies).
void check_money_node(const nlohmann::json::object_t& node, amount_precision precision,
                      const pointer_path& at, findings& out) {
  // Bank files keep their own precision (the schema caps it): nothing to check.
  if (precision == amount_precision::file_precision) return;
  const auto m = exact_money_members(node);
  if (!m || !m->amount.is_string() || !m->currency.is_string()) return;
  const auto parsed = decimal::parse(m->amount.get_ref<const std::string&>());
  if (!parsed) return;  // the schema reports it
  check_digits(*parsed, m->currency.get_ref<const std::string&>(), precision, at, out);
}

void check_currency_member(std::string_view key, const std::string& value,
                           const pointer_path& at, findings& out) {
  if (is_currency_key(key) && !is_currency_code(value)) {
    out.push_back({at.str(), "money.unknown_currency",
                   "'" + value.substr(0, 16) + "' is not an ISO 4217 currency code"});
  }
}

void check_money_rules(const nlohmann::json& doc, amount_precision precision,
                       std::string_view base, findings& out) {
  scan_appending(doc, base,
                 {.limits = false, .money = precision, .bank = false, .single_currency = {}},
                 &scan_findings::money, out);
}

}  // namespace erpc::contract_detail
