// SPDX-License-Identifier: Apache-2.0
#include "payment_mapping.hpp"

#include "mapping_support.hpp"

#include <erpc/adapters/exact_json.hpp>

namespace erpc::bc {

using namespace mapping;

payment_plan payment_to_vendor(const nlohmann::json& p, const connection_config& config,
                               const std::string& document_number) {
  if (!p.is_object()) fields.invalid("", "bc.payload", "a Payment object");
  fields.refuse_unknown(p,
                 {"id", "external_refs", "source", "legal_entity", "direction", "document_number", "amount",
                  "requested_execution_date", "creditor", "clearing_account", "applications", "created_at",
                  "updated_at", "etag"},
                 "", "Business Central vendor payment lines do not carry this field");
  if (auto le = fields.text(p, "legal_entity", "/legal_entity")) {
    if (!config.legal_entity.empty() && *le != config.legal_entity) {
      fields.invalid("/legal_entity", "bc.legal_entity", "this connection is the company of legal entity " + config.legal_entity);
    }
  }
  if (fields.required_text(p, "direction", "/direction") != "outbound") {
    fields.unsupported("/direction", "Business Central vendor payments are outbound payments to a vendor");
  }
  payment_plan plan;
  // The v2.0 vendorPayment carries no currency: only the company's own currency is posted.
  const auto& currency = config.local_currency;
  if (const auto a = p.find("amount"); a != p.end() && a->is_object() && a->contains("currency") &&
                                       (*a)["currency"] != currency) {
    fields.unsupported("/amount/currency", "vendor payments are posted in the company's local currency (" + currency +
                                        "): the v2.0 vendorPayment carries no currency");
  }
  plan.amount = fields.money_amount(p.value("amount", nlohmann::json()), "/amount", currency);
  if (!(plan.amount > decimal{})) fields.invalid("/amount/amount", "bc.amount", "a payment amount must be positive");
  plan.posting_date = fields.required_text(p, "requested_execution_date", "/requested_execution_date");
  plan.balancing_account = fields.fits(mapped(config.maps.accounts, fields.required_text(p, "clearing_account", "/clearing_account"),
                                       "/clearing_account"),
                                20, "/clearing_account", "Bal. Account No.");
  const auto creditor = p.find("creditor");
  if (creditor == p.end() || !creditor->is_object()) fields.invalid("/creditor", "bc.required", "the vendor paid is required");
  fields.refuse_unknown(*creditor, {"id", "number", "external_refs"}, "/creditor",
                 "the vendor is named by its BC id or number; BC takes the rest from the vendor card");
  plan.vendor_id = party_ref(*creditor);
  if (plan.vendor_id.empty()) {
    plan.vendor_number = fields.fits(fields.text(*creditor, "number", "/creditor/number").value_or(""), 20, "/creditor/number",
                              "Account No.");
    if (plan.vendor_number.empty()) {
      fields.invalid("/creditor", "bc.party_unidentified", "needs external_refs.business_central or number");
    }
  }
  const auto reference = fields.fits(fields.text(p, "document_number", "/document_number").value_or(""), 35, "/document_number",
                              "External Document No.");
  auto line = [&](std::size_t i, const decimal& amount) {
    nlohmann::json l = {{"lineNumber", static_cast<std::int64_t>((i + 1) * 10000)},
                        {"postingDate", plan.posting_date},
                        {"documentNumber", document_number},
                        {"amount", adapters::make_decimal(amount)}};
    if (!reference.empty()) l["externalDocumentNumber"] = reference;
    return l;
  };
  const auto apps = p.find("applications");
  if (apps == p.end() || (apps->is_array() && apps->empty())) {
    plan.lines.push_back(line(0, plan.amount));
    plan.targets.push_back({});
    return plan;
  }
  if (!apps->is_array()) fields.invalid("/applications", "bc.applications", "an array");
  decimal applied;
  for (std::size_t i = 0; i < apps->size(); ++i) {
    const auto& a = (*apps)[i];
    const std::string at = "/applications/" + std::to_string(i);
    if (!a.is_object()) fields.invalid(at, "bc.applications", "an object");
    fields.refuse_unknown(a, {"document_type", "document", "invoice_number", "amount"}, at,
                   "a vendorPayment applies cash to one invoice (appliesToInvoiceId): no discount, "
                   "withholding or short payment");
    if (fields.required_text(a, "document_type", at + "/document_type") != "invoice") {
      fields.unsupported(at + "/document_type",
                  "a vendorPayment applies to purchase invoices only (appliesToInvoiceId/Number); "
                  "credit memo applications are not in the v2.0 API");
    }
    const auto amount = fields.money_amount(a.value("amount", nlohmann::json()), at + "/amount", currency);
    if (!(amount > decimal{})) fields.invalid(at + "/amount/amount", "bc.amount", "an applied amount must be positive");
    applied += amount;
    payment_plan::application_target target;
    target.pointer = at;
    if (const auto d = a.find("document"); d != a.end() && d->is_object()) {
      fields.refuse_unknown(*d, {"id", "number", "external_refs"}, at + "/document", "");
      target.invoice_id = party_ref(*d);
      if (target.invoice_id.empty()) {
        target.invoice_number = fields.text(*d, "number", at + "/document/number").value_or("");
        target.bc_number = !target.invoice_number.empty();
      }
    }
    if (target.invoice_id.empty() && target.invoice_number.empty()) {
      target.invoice_number = fields.text(a, "invoice_number", at + "/invoice_number").value_or("");
    }
    if (target.invoice_id.empty() && target.invoice_number.empty()) {
      fields.invalid(at + "/document", "bc.application_document",
              "needs document.external_refs.business_central, document.number or invoice_number");
    }
    plan.lines.push_back(line(i, amount));
    plan.targets.push_back(std::move(target));
  }
  if (applied != plan.amount) {
    fields.invalid("/applications", "bc.applications_sum",
            "the applications sum to " + applied.to_string() + ", the payment is " + plan.amount.to_string() + " " +
                currency);
  }
  return plan;
}

nlohmann::json payment_from_ledger(const nlohmann::json& entries, const std::string& document_number,
                                   const connection_config& config) {
  // Each vendor payment line posts a debit on the payables account and a credit on the
  // clearing account (the batch's balancing account): the payment is the sum of those credits.
  // Entries of a later reversal (opposite sides) are not counted.
  std::string clearing;
  std::string date;
  for (const auto& e : entries) {
    if (clearing.empty() && !decimal_member(e, "creditAmount").is_zero()) clearing = string_member(e, "accountNumber");
    if (date.empty()) date = string_member(e, "postingDate");
  }
  decimal amount;
  for (const auto& e : entries) {
    if (string_member(e, "accountNumber") == clearing) amount += decimal_member(e, "creditAmount");
  }
  nlohmann::json doc = {{"id", document_number},
                        {"external_refs", {{ref_key, document_number}}},
                        {"source", {{"system", "business_central"}, {"id", "generalLedgerEntries/" + document_number}}},
                        {"direction", "outbound"},
                        {"document_number", document_number},
                        {"amount", money_json(amount, config.local_currency)},
                        {"requested_execution_date", date}};
  if (!clearing.empty()) doc["clearing_account"] = code_for(config.maps.accounts, clearing, "G/L account");
  if (!config.legal_entity.empty()) doc["legal_entity"] = config.legal_entity;
  return doc;
}

}  // namespace erpc::bc
