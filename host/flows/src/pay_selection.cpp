#include "erpc/host/pay_selection.hpp"

#include <erpc/currency.hpp>
#include <erpc/error.hpp>

#include <map>

namespace erpc {

namespace {

std::string first_external_ref(const nlohmann::json& doc) {
  if (!doc.is_object() || !doc.contains("external_refs") || !doc["external_refs"].is_object()) {
    return {};
  }
  for (const auto& [system, id] : doc["external_refs"].items()) {
    if (id.is_string() && !id.get<std::string>().empty()) return system + ":" + id.get<std::string>();
  }
  return {};
}

std::optional<decimal> amount_of(const nlohmann::json& money, const std::string& currency) {
  if (!money.is_object() || money.value("currency", "") != currency) return std::nullopt;
  const auto text = money.value("amount", std::string());
  return decimal::parse(text);
}

}  // namespace

std::string party_key_of(const nlohmann::json& party) {
  if (!party.is_object()) return {};
  if (party.contains("id") && party["id"].is_string()) return party["id"];
  if (auto ref = first_external_ref(party); !ref.empty()) return ref;
  if (party.contains("number") && party["number"].is_string()) return "number:" + party["number"].get<std::string>();
  return {};
}

std::string invoice_key_of(const nlohmann::json& invoice) {
  if (!invoice.is_object()) return {};
  if (invoice.contains("id") && invoice["id"].is_string()) return invoice["id"];
  return first_external_ref(invoice);
}

nlohmann::json money_of(const decimal& amount, const std::string& currency) {
  const int digits = currency_minor_units(currency).value_or(2);
  return {{"amount", amount.round(digits, rounding::half_even).to_string()}, {"currency", currency}};
}

invoice_selection select_payable(const std::vector<nlohmann::json>& invoices,
                                 const std::set<std::string>& already_in_flight,
                                 const pay_flow_config& config) {
  invoice_selection out;
  std::map<std::string, supplier_payment> by_supplier;
  auto skip = [&](const nlohmann::json& inv, const std::string& reason) {
    out.skipped.push_back({{"invoice", invoice_key_of(inv)},
                           {"invoice_number", inv.value("invoice_number", "")},
                           {"reason", reason}});
  };
  for (const auto& inv : invoices) {
    if (!inv.is_object()) continue;
    // Not candidates at all: receivables and credit notes (credit notes are not netted yet).
    if (inv.value("direction", "") != "payable" || inv.value("document_type", "") != "invoice") continue;
    const auto key = invoice_key_of(inv);
    if (key.empty()) {
      skip(inv, "no invoice id");
      continue;
    }
    if (!config.legal_entity.empty() && inv.value("legal_entity", "") != config.legal_entity) continue;
    if (inv.value("currency", "") != config.currency) continue;
    // What is owed: amount_payable (gross minus withholding), else the gross total. Whether it
    // is still open is the ERP's to say: a bill paid, partly paid or not approved reads as
    // payment-blocked (contract v1 has no open-amount field; NetSuite README).
    auto payable = amount_of(inv.value("amount_payable", nlohmann::json()), config.currency);
    if (!payable) {
      payable = amount_of(inv.value("totals", nlohmann::json::object()).value("gross", nlohmann::json()),
                          config.currency);
    }
    if (!payable || !(decimal{} < *payable)) continue;  // nothing owed
    if (inv.value("payment_block", false) == true) {
      skip(inv, "payment blocked: " + inv.value("payment_block_reason", std::string("payment_block")));
      continue;
    }
    if (already_in_flight.count(key) != 0) {
      skip(inv, "already in a payment of this flow that is not voided");
      continue;
    }
    const auto supplier = inv.value("supplier", nlohmann::json::object());
    const auto supplier_key = party_key_of(supplier);
    if (supplier_key.empty()) {
      skip(inv, "no supplier reference");
      continue;
    }
    auto& group = by_supplier[supplier_key];
    group.supplier_key = supplier_key;
    group.supplier = supplier;
    group.invoices.push_back({key, inv, *payable});
    group.total += *payable;
  }
  for (auto& [k, group] : by_supplier) {
    std::sort(group.invoices.begin(), group.invoices.end(),
              [](const payable_invoice& a, const payable_invoice& b) { return a.key < b.key; });
    out.payments.push_back(std::move(group));
  }
  return out;
}

nlohmann::json bank_payment(const supplier_payment& p, const std::string& payment_id,
                            const std::string& execution_date, const std::string& creditor_name,
                            const nlohmann::json& creditor_account, const pay_flow_config& config) {
  std::string remittance;
  for (const auto& inv : p.invoices) {
    const std::string number = inv.invoice.value("invoice_number", inv.key);
    const std::string next = remittance.empty() ? number : remittance + " " + number;
    if (next.size() > 140) break;  // one Ustrd of at most 140 characters (BANKING.md SEPA)
    remittance = next;
  }
  nlohmann::json creditor = {{"name", creditor_name.substr(0, 70)}};
  if (p.supplier.contains("external_refs")) creditor["external_refs"] = p.supplier["external_refs"];
  nlohmann::json payment = {
      {"id", payment_id},
      {"external_refs", nlohmann::json::object()},
      {"source", {{"system", "erpconnect"}, {"id", payment_id}}},
      {"direction", "outbound"},
      {"method", config.method},
      {"amount", money_of(p.total, config.currency)},
      {"requested_execution_date", execution_date},
      {"debtor", config.debtor},
      {"debtor_account", config.debtor_account},
      {"creditor", creditor},
      {"creditor_account", creditor_account},
      {"charge_bearer", config.charge_bearer},
      {"remittance", {{"unstructured", remittance.empty() ? payment_id : remittance}}}};
  if (!config.legal_entity.empty()) payment["legal_entity"] = config.legal_entity;
  return payment;
}

nlohmann::json payment_batch(const std::string& run_id, const std::string& execution_date,
                             const std::vector<nlohmann::json>& payments,
                             const pay_flow_config& config) {
  decimal sum;
  for (const auto& p : payments) {
    sum += decimal::parse(p["amount"]["amount"].get<std::string>()).value_or(decimal{});
  }
  nlohmann::json batch = {{"id", run_id},
                          {"external_refs", nlohmann::json::object()},
                          {"source", {{"system", "erpconnect"}, {"id", "pay-run/" + run_id}}},
                          {"requested_execution_date", execution_date},
                          {"batch_booking", true},
                          {"debtor", config.debtor},
                          {"debtor_account", config.debtor_account},
                          {"charge_bearer", config.charge_bearer},
                          {"number_of_transactions", static_cast<std::int64_t>(payments.size())},
                          {"control_sum", sum.to_string()},
                          {"payments", payments}};
  if (!config.legal_entity.empty()) batch["legal_entity"] = config.legal_entity;
  return batch;
}

nlohmann::json erp_payment(const supplier_payment& p, const std::string& payment_id,
                           const std::string& execution_date, const std::string& end_to_end_id,
                           const pay_flow_config& config) {
  nlohmann::json applications = nlohmann::json::array();
  for (const auto& inv : p.invoices) {
    nlohmann::json document = nlohmann::json::object();
    if (inv.invoice.contains("external_refs")) document["external_refs"] = inv.invoice["external_refs"];
    if (inv.invoice.contains("invoice_number")) document["number"] = inv.invoice["invoice_number"];
    applications.push_back({{"document_type", "invoice"},
                            {"document", document},
                            {"amount", money_of(inv.amount, config.currency)}});
  }
  nlohmann::json creditor = nlohmann::json::object();
  for (const char* field : {"external_refs", "number"}) {
    if (p.supplier.contains(field)) creditor[field] = p.supplier[field];
  }
  nlohmann::json payment = {
      {"external_refs", nlohmann::json::object()},
      {"source", {{"system", "erpconnect"}, {"id", payment_id}}},
      {"direction", "outbound"},
      {"amount", money_of(p.total, config.currency)},
      {"requested_execution_date", execution_date},
      {"creditor", creditor},
      {"clearing_account", config.in_transit_account},
      {"applications", applications},
      {"notes", "erpconnect payment " + payment_id + " EndToEndId " + end_to_end_id}};
  if (!config.legal_entity.empty()) payment["legal_entity"] = config.legal_entity;
  return payment;
}

}  // namespace erpc
