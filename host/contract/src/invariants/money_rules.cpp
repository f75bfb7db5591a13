#include "invariants.hpp"

#include "json_money.hpp"
#include "json_pointer.hpp"

#include <erpc/currency.hpp>

#include <string>

namespace erpc::contract_detail {
namespace {

bool is_money_node(const nlohmann::json& node) {
  return node.is_object() && node.size() == 2 && node.contains("amount") &&
         node.contains("currency");
}

bool is_currency_key(std::string_view key) {
  return key == "currency" || key.ends_with("_currency");
}

void check_currency(std::string_view code, const pointer_path& at, findings& out) {
  if (!is_currency_code(code)) {
    out.push_back({at.str(), "money.unknown_currency",
                   "'" + std::string(code.substr(0, 16)) + "' is not an ISO 4217 currency code"});
  }
}

// `at` is the money node; findings point at its "amount".
void check_digits(const money& m, amount_precision precision, const pointer_path& at,
                  findings& out) {
  if (precision == amount_precision::file_precision || !is_currency_code(m.currency)) return;
  const auto minor = currency_minor_units(m.currency);
  if (!minor) {
    out.push_back({at.str("amount"), "money.minor_units",
                   m.currency + " has no minor unit and cannot be posted to a ledger"});
    return;
  }
  const bool ok = precision == amount_precision::ledger_exact ? m.amount.scale() == *minor
                                                              : m.amount.scale() <= *minor;
  if (!ok) {
    out.push_back({at.str("amount"), "money.minor_units",
                   "amount " + m.amount.to_string() + " must have " +
                       (precision == amount_precision::ledger_exact ? "exactly " : "at most ") +
                       std::to_string(*minor) + " decimals for " + m.currency});
  }
}

void walk(const nlohmann::json& node, amount_precision precision, pointer_path& at,
          findings& out) {
  if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) {
      at.push(i);
      walk(node[i], precision, at, out);
      at.pop();
    }
    return;
  }
  if (!node.is_object()) return;
  if (is_money_node(node)) {
    if (const auto m = read_money(&node)) check_digits(*m, precision, at, out);
  }
  for (const auto& [key, value] : node.get_ref<const nlohmann::json::object_t&>()) {
    at.push(key);
    if (is_currency_key(key) && value.is_string()) {
      check_currency(value.get_ref<const std::string&>(), at, out);
    } else {
      walk(value, precision, at, out);
    }
    at.pop();
  }
}

}  // namespace

void check_money_rules(const nlohmann::json& doc, amount_precision precision,
                       std::string_view base, findings& out) {
  pointer_path at(base);
  walk(doc, precision, at, out);
}

}  // namespace erpc::contract_detail
