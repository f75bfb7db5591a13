#include "erpc/host/pay_selection.hpp"

#include "calendar_date.hpp"

#include <erpc/currency.hpp>
#include <erpc/error.hpp>

#include <algorithm>
#include <chrono>
#include <map>
#include <tuple>

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

decimal withholding_of(const nlohmann::json& inv, const std::string& currency) {
  decimal sum;
  if (const auto it = inv.find("withholding"); it != inv.end() && it->is_array()) {
    for (const auto& w : *it) {
      if (w.is_object()) sum += amount_of(w.value("amount", nlohmann::json()), currency).value_or(decimal{});
    }
  }
  return sum;
}

// The early-payment discount of an invoice paid on `execution_date` (e.g. 2/10 net 30: 2 % of
// the gross amount when paid within 10 days of the invoice date), rounded half-even to the
// currency's minor units; zero outside the window or without terms.
decimal discount_of(const nlohmann::json& inv, const decimal& gross, const std::string& execution_date) {
  const auto terms = inv.value("payment_terms", nlohmann::json::object());
  if (!terms.is_object()) return {};
  const auto percent = decimal::parse(terms.value("discount_percent", std::string()));
  if (!percent || !(decimal{} < *percent)) return {};
  const auto paid_on = flows_detail::calendar_date(execution_date);
  if (!paid_on) return {};
  std::optional<std::chrono::sys_days> last_day = flows_detail::calendar_date(terms.value("discount_date", std::string()));
  if (!last_day) {
    const auto invoiced = flows_detail::calendar_date(inv.value("invoice_date", std::string()));
    const auto days = terms.find("discount_days");
    if (!invoiced || days == terms.end() || !days->is_number_integer()) return {};
    last_day = *invoiced + std::chrono::days{days->get<int>()};
  }
  if (*last_day < *paid_on) return {};
  const int digits = currency_minor_units(inv.value("currency", std::string())).value_or(2);
  return gross.multiply(*percent * *decimal::parse("0.01"), digits, rounding::half_even);
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

std::map<std::string, short_payment> short_payments_from_json(const nlohmann::json& j) {
  auto bad = [](std::size_t i, const std::string& why) {
    const std::string at = "/" + std::to_string(i);
    return error(error_class::validation, "flow.bad_short_payments", "short payment " + at + ": " + why)
        .with_field(at, "flow.bad_short_payments", why);
  };
  if (!j.is_array()) {
    throw error(error_class::validation, "flow.bad_short_payments",
                "short payments must be a JSON array of {invoice, amount, reason_code, reason}");
  }
  std::map<std::string, short_payment> out;
  for (std::size_t i = 0; i < j.size(); ++i) {
    const auto& e = j[i];
    if (!e.is_object()) throw bad(i, "must be an object");
    for (const char* field : {"invoice", "amount", "reason_code", "reason"}) {
      if (e.contains(field) && !e[field].is_string()) throw bad(i, std::string(field) + " must be a string");
    }
    const auto invoice = e.value("invoice", std::string());
    if (invoice.empty()) throw bad(i, "invoice (key or invoice number) is required");
    const auto amount = decimal::parse(e.value("amount", std::string()));
    if (!amount || !(decimal{} < *amount)) throw bad(i, "amount must be a positive decimal string");
    short_payment sp{*amount, e.value("reason_code", std::string()), e.value("reason", std::string())};
    if (!out.emplace(invoice, std::move(sp)).second) throw bad(i, "invoice " + invoice + " is listed twice");
  }
  return out;
}

invoice_selection select_payable(const std::vector<nlohmann::json>& invoices,
                                 const std::set<std::string>& already_in_flight,
                                 const pay_flow_config& config, const selection_terms& terms) {
  invoice_selection out;
  std::map<std::string, supplier_payment> by_supplier;
  auto skip = [&](const nlohmann::json& inv, const std::string& reason) {
    out.skipped.push_back({{"invoice", invoice_key_of(inv)},
                           {"invoice_number", inv.value("invoice_number", "")},
                           {"reason", reason}});
  };
  const auto& currency = config.currency;
  for (const auto& inv : invoices) {
    if (!inv.is_object()) continue;
    if (inv.value("direction", "") != "payable") continue;  // receivables are not paid here
    const auto type = inv.value("document_type", "");
    if (type != "invoice" && type != "credit_note") continue;
    const bool credit_note = type == "credit_note";
    const auto key = invoice_key_of(inv);
    if (key.empty()) {
      skip(inv, "no invoice id");
      continue;
    }
    if (!config.legal_entity.empty() && inv.value("legal_entity", "") != config.legal_entity) continue;
    if (inv.value("currency", "") != currency) continue;
    // What is owed: amount_payable (gross minus withholding), else the gross total. Whether it
    // is still open is the ERP's to say: a bill paid or not approved reads as payment-blocked,
    // and a partly paid one gives what is left in amount_open (contract 1.1; NetSuite README).
    const auto gross = amount_of(inv.value("totals", nlohmann::json::object()).value("gross", nlohmann::json()),
                                 currency);
    auto open = amount_of(inv.value("amount_payable", nlohmann::json()), currency);
    if (!open) open = gross;
    if (!open || !(decimal{} < *open)) continue;  // nothing owed
    if (inv.value("payment_block", false) == true) {
      skip(inv, "payment blocked: " + inv.value("payment_block_reason", std::string("payment_block")));
      continue;
    }
    if (already_in_flight.count(key) != 0) {
      skip(inv, "already in a payment of this flow that is not voided");
      continue;
    }
    // amount_open below what is owed: partly paid in the ERP; the rest is what this run pays.
    bool partly_paid = false;
    if (inv.contains("amount_open")) {
      const auto still_open = amount_of(inv["amount_open"], currency);
      if (!still_open || still_open->is_negative() || *open < *still_open) {
        skip(inv, "amount_open is not an amount in " + currency + " between 0 and what is owed " +
                      money_of(*open, currency)["amount"].get<std::string>());
        continue;
      }
      if (still_open->is_zero()) continue;  // nothing owed any more
      partly_paid = *still_open < *open;
      open = still_open;
    }
    const auto supplier = inv.value("supplier", nlohmann::json::object());
    const auto supplier_key = party_key_of(supplier);
    if (supplier_key.empty()) {
      skip(inv, "no supplier reference");
      continue;
    }
    payable_invoice doc;
    doc.key = key;
    doc.invoice = inv;
    doc.amount = *open;
    doc.credit_note = credit_note;
    doc.partly_paid = partly_paid;
    if (!credit_note) {
      if (!partly_paid) {
        doc.withholding = withholding_of(inv, currency);
        if (gross) doc.discount = discount_of(inv, *gross, terms.execution_date);
      }
      doc.amount = *open - doc.discount;
      auto sp = terms.short_payments.find(key);
      if (sp == terms.short_payments.end()) sp = terms.short_payments.find(inv.value("invoice_number", ""));
      if (sp != terms.short_payments.end()) {
        if (!(decimal{} < sp->second.amount) || !(sp->second.amount < doc.amount)) {
          skip(inv, "short payment of " + money_of(sp->second.amount, currency)["amount"].get<std::string>() +
                        " is not between zero and the amount due " +
                        money_of(doc.amount, currency)["amount"].get<std::string>());
          continue;
        }
        doc.short_paid = sp->second;
        doc.amount -= sp->second.amount;
      }
    }
    auto& group = by_supplier[supplier_key];
    group.supplier_key = supplier_key;
    group.supplier = supplier;
    group.invoices.push_back(std::move(doc));
  }
  for (auto& [k, group] : by_supplier) {
    // Invoices first, then credit notes, each in key order: the same input gives the same
    // applications and remittance.
    std::sort(group.invoices.begin(), group.invoices.end(),
              [](const payable_invoice& a, const payable_invoice& b) {
                return std::tie(a.credit_note, a.key) < std::tie(b.credit_note, b.key);
              });
    decimal invoiced, credited;
    for (const auto& d : group.invoices) (d.credit_note ? credited : invoiced) += d.amount;
    group.total = invoiced - credited;
    if (!(decimal{} < group.total)) {
      // Credit notes alone, or more credit than invoices: nothing is owed to this supplier now;
      // the documents stay open for a later run (or a refund a person asks for).
      const std::string reason =
          invoiced.is_zero() ? "credit note with no open invoice of the supplier to net against"
                             : "the supplier's credit notes (" +
                                   money_of(credited, currency)["amount"].get<std::string>() +
                                   ") reach its invoices (" +
                                   money_of(invoiced, currency)["amount"].get<std::string>() + ")";
      for (const auto& d : group.invoices) skip(d.invoice, reason);
      continue;
    }
    out.payments.push_back(std::move(group));
  }
  return out;
}

nlohmann::json bank_payment(const supplier_payment& p, const std::string& payment_id,
                            const std::string& execution_date, const std::string& creditor_name,
                            const nlohmann::json& creditor_account, const pay_flow_config& config) {
  // What the creditor needs to apply the money. A plain run of invoices paid in full is their
  // numbers; when something is netted, deducted or held back each number carries its cash
  // (credit notes negative) so the creditor can reconcile without asking. SEPA allows one
  // Ustrd of at most 140 characters (BANKING.md); other schemes (CGI-MP) get one structured
  // referred document per invoice and credit note, adding up to the amount paid.
  bool adjusted = false;
  for (const auto& d : p.invoices) {
    adjusted = adjusted || d.credit_note || !d.discount.is_zero() || d.short_paid || d.partly_paid;
  }
  nlohmann::json remittance;
  if (config.method == "sepa_credit_transfer") {
    std::string line;
    for (const auto& d : p.invoices) {
      std::string item = d.invoice.value("invoice_number", d.key);
      if (adjusted) {
        item += std::string(d.credit_note ? " -" : " ") + money_of(d.amount, config.currency)["amount"].get<std::string>();
      }
      const std::string next = line.empty() ? item : line + " " + item;
      if (next.size() > 140) break;  // whole items only; the ERP payment lists every document
      line = next;
    }
    remittance = {{"unstructured", line.empty() ? payment_id : line}};
  } else {
    nlohmann::json documents = nlohmann::json::array();
    for (const auto& d : p.invoices) {
      nlohmann::json doc = {{"type", d.credit_note ? "CREN" : "CINV"},
                            {"number", d.invoice.value("invoice_number", d.key)},
                            {"amount", money_of(d.amount, config.currency)}};
      if (d.invoice.contains("invoice_date")) doc["date"] = d.invoice["invoice_date"];
      documents.push_back(std::move(doc));
    }
    remittance = {{"structured", {{"referred_documents", std::move(documents)}}}};
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
      {"remittance", std::move(remittance)}};
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
    nlohmann::json application = {{"document_type", inv.credit_note ? "credit_note" : "invoice"},
                                   {"document", document},
                                   {"amount", money_of(inv.amount, config.currency)}};
    if (inv.invoice.contains("invoice_number")) application["invoice_number"] = inv.invoice["invoice_number"];
    if (!inv.discount.is_zero()) application["discount_taken"] = money_of(inv.discount, config.currency);
    if (!inv.withholding.is_zero()) application["withholding"] = money_of(inv.withholding, config.currency);
    if (inv.short_paid) {
      nlohmann::json sp = {{"amount", money_of(inv.short_paid->amount, config.currency)}};
      if (!inv.short_paid->reason_code.empty()) sp["reason_code"] = inv.short_paid->reason_code;
      if (!inv.short_paid->reason.empty()) sp["reason"] = inv.short_paid->reason.substr(0, 140);
      application["short_payment"] = std::move(sp);
    }
    applications.push_back(std::move(application));
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
