// SPDX-License-Identifier: Apache-2.0
#include "vendor_payments.hpp"

#include "bc_settings.hpp"
#include "journal_line_number.hpp"
#include "request_fields.hpp"

#include <erpc/adapters/exact_json.hpp>

#include <set>

namespace erpc::sim::bc {

const stored_entity& vendor_payments::create_journal(const nlohmann::json& body) {
  if (!body.is_object()) refuse(400, "BadRequest", "The request body must be a JSON object.");
  for (const auto& [name, value] : body.items()) {
    if (name != "code" && name != "displayName" && name != "balancingAccountId" &&
        name != "balancingAccountNumber") {
      refuse(400, "BadRequest",
             "The property '" + name + "' does not exist on type 'Microsoft.NAV.vendorPaymentJournal'.");
    }
  }
  const auto code = text_of(body, "code");
  if (code.empty()) refuse(400, "Application_FieldValidationException", "Name must have a value in Gen. Journal Batch.");
  check_length(body, "code", 10);
  check_length(body, "displayName", 100);
  check_length(body, "balancingAccountNumber", 20);
  for (const auto* j : journals_.all()) {
    if (text_of(j->fields, "code") == code) {
      refuse(static_cast<unsigned>(settings_.integer(setting::same_key_status)),
             "Internal_EntityWithSameKeyExists",
             "The record in table Gen. Journal Batch already exists. Identification fields and "
             "values: Journal Template Name='PAYMENT',Name='" + code + "'");
    }
  }
  const auto id = new_guid();
  nlohmann::json j = {{"id", id},
                      {"code", code},
                      {"displayName", text_of(body, "displayName")},
                      {"balancingAccountNumber", text_of(body, "balancingAccountNumber")},
                      {"vendorPayments", nlohmann::json::array()}};
  auto& stored = journals_.insert(id, std::move(j));
  effects_.record_write("vendPaymentBatch", id, code);
  return stored;
}

nlohmann::json vendor_payments::add_line(const std::string& journal_id, const nlohmann::json& body,
                                         const vendor_lookup& vendors) {
  auto* j = journals_.find(journal_id);
  if (!j) refuse(404, "BadRequest_NotFound", "The vendor payment journal does not exist.");
  if (!body.is_object()) refuse(400, "BadRequest", "The request body must be a JSON object.");
  static const std::set<std::string> writable = {
      "journalId", "lineNumber", "vendorId", "vendorNumber", "postingDate", "documentNumber",
      "externalDocumentNumber", "amount", "appliesToInvoiceId", "appliesToInvoiceNumber",
      "description", "comment"};
  for (const auto& [name, value] : body.items()) {
    if (writable.count(name) == 0) {
      refuse(400, "BadRequest", "The property '" + name + "' does not exist on type 'Microsoft.NAV.vendorPayment'.");
    }
  }
  check_length(body, "documentNumber", 20);
  check_length(body, "externalDocumentNumber", 35);
  check_length(body, "description", 100);
  check_length(body, "appliesToInvoiceNumber", 20);
  if (body.contains("amount") && !adapters::to_decimal(body["amount"])) {
    refuse(400, "BadRequest", "Cannot convert the literal to the expected type 'Edm.Decimal' for amount.");
  }
  const stored_entity* vendor = nullptr;
  if (!text_of(body, "vendorId").empty() || !text_of(body, "vendorNumber").empty()) {
    vendor = vendors(body);
    if (!vendor) {
      refuse(400, "Internal_RecordNotFound",
             "The Vendor does not exist. Identification fields and values: No.='" +
                 text_of(body, "vendorNumber") + "'");
    }
  }
  auto& lines = j->fields["vendorPayments"];
  const auto number =
      journal_line_number(body, lines, "PAYMENT", text_of(j->fields, "code"),
                          static_cast<unsigned>(settings_.integer(setting::same_key_status)));
  nlohmann::json line = {
      {"id", new_guid()},
      {"journalId", journal_id},
      {"journalDisplayName", text_of(j->fields, "code")},
      {"lineNumber", number},
      {"vendorId", vendor ? text_of(vendor->fields, "id") : std::string()},
      {"vendorNumber", vendor ? text_of(vendor->fields, "number") : std::string()},
      {"postingDate", text_of(body, "postingDate")},
      {"documentNumber", text_of(body, "documentNumber")},
      {"externalDocumentNumber", text_of(body, "externalDocumentNumber")},
      {"amount", body.contains("amount") ? body["amount"] : adapters::make_decimal(decimal{})},
      {"appliesToInvoiceId", text_of(body, "appliesToInvoiceId")},
      {"appliesToInvoiceNumber", text_of(body, "appliesToInvoiceNumber")},
      {"description", text_of(body, "description")},
      {"comment", text_of(body, "comment")}};
  // BC fills the other of the applied invoice's id and number when one is given.
  if (auto* inv = applied_invoice(line)) {
    line["appliesToInvoiceId"] = text_of(inv->fields, "id");
    line["appliesToInvoiceNumber"] = text_of(inv->fields, "number");
  } else if (!line["appliesToInvoiceId"].get<std::string>().empty() ||
             !line["appliesToInvoiceNumber"].get<std::string>().empty()) {
    refuse(400, "Internal_RecordNotFound",
           "The Purchase Invoice does not exist. Identification fields and values: No.='" +
               text_of(line, "appliesToInvoiceNumber") + "'");
  }
  lines.push_back(line);
  ++j->version;
  effects_.record_write("vendPaymentLine", line["id"].get<std::string>(),
                        text_of(j->fields, "code") + "/" + std::to_string(number));
  return line;
}

stored_entity* vendor_payments::applied_invoice(const nlohmann::json& line) {
  const auto id = text_of(line, "appliesToInvoiceId");
  const auto number = text_of(line, "appliesToInvoiceNumber");
  if (id.empty() && number.empty()) return nullptr;
  for (const auto* d : invoices_.table().all()) {
    if (d->fields.value("status", "") == "Draft") continue;  // only posted invoices are open entries
    if ((!id.empty() && text_of(d->fields, "id") == id) ||
        (id.empty() && text_of(d->fields, "number") == number)) {
      return invoices_.table().find(text_of(d->fields, "id"));
    }
  }
  return nullptr;
}

std::vector<nlohmann::json> vendor_payments::lines(const std::string& journal_id) const {
  std::vector<nlohmann::json> out;
  for (const auto* j : journals_.all()) {
    if (!journal_id.empty() && text_of(j->fields, "id") != journal_id) continue;
    for (const auto& l : j->fields["vendorPayments"]) out.push_back(l);
  }
  return out;
}

void vendor_payments::post(const std::string& journal_id) {
  if (!settings_.boolean(setting::payment_journal_post)) {
    refuse(404, "BadRequest_ResourceNotFound", "Resource not found for the segment 'Microsoft.NAV.post'.");
  }
  auto* j = journals_.find(journal_id);
  if (!j) refuse(404, "BadRequest_NotFound", "The vendor payment journal does not exist.");
  auto& lines = j->fields["vendorPayments"];
  if (lines.empty()) refuse(400, "Application_DialogException", "There is nothing to post.");
  const auto balancing = text_of(j->fields, "balancingAccountNumber");
  // Every check before any change: a posting is one transaction.
  std::map<std::string, decimal> remaining;  // invoice id → what stays open after earlier lines
  for (const auto& l : lines) {
    const auto line_no = l["lineNumber"].dump();
    if (text_of(l, "vendorNumber").empty()) {
      refuse(400, "Application_FieldValidationException",
             "Account No. must have a value in Gen. Journal Line: Line No.=" + line_no);
    }
    if (text_of(l, "postingDate").empty()) {
      refuse(400, "Application_FieldValidationException",
             "Posting Date must have a value in Gen. Journal Line: Line No.=" + line_no);
    }
    if (balancing.empty()) {
      refuse(400, "Application_FieldValidationException",
             "Bal. Account No. must have a value in Gen. Journal Line: Line No.=" + line_no);
    }
    if (!(decimal_of(l, "amount") > decimal{})) {
      refuse(400, "Application_FieldValidationException",
             "Amount must be positive in Gen. Journal Line: Document Type=Payment, Line No.=" + line_no);
    }
    if (auto* inv = applied_invoice(l)) {
      const auto inv_id = text_of(inv->fields, "id");
      if (text_of(inv->fields, "vendorNumber") != text_of(l, "vendorNumber")) {
        refuse(400, "Application_DialogException",
               "Purchase Invoice " + text_of(inv->fields, "number") + " is not a document of vendor " +
                   text_of(l, "vendorNumber") + ".");
      }
      if (!remaining.count(inv_id)) remaining[inv_id] = decimal_of(inv->fields, "remainingAmount");
      if (!(remaining[inv_id] > decimal{})) {
        refuse(400, "Application_DialogException",
               "Purchase Invoice " + text_of(inv->fields, "number") +
                   " is not open: there is nothing to apply the payment to.");
      }
      const auto a = decimal_of(l, "amount");
      remaining[inv_id] = remaining[inv_id] > a ? remaining[inv_id] - a : decimal{};
    }
  }
  const auto payables = settings_.text(setting::payables_account);
  std::string document_number;
  for (const auto& l : lines) {
    const auto amount = decimal_of(l, "amount");
    const auto doc = text_of(l, "documentNumber");
    if (document_number.empty()) document_number = doc;
    const auto description = text_of(l, "description");
    ledger_.add_entry(text_of(l, "postingDate"), doc, payables, description, amount);
    ledger_.add_entry(text_of(l, "postingDate"), doc, balancing, description, decimal{} - amount);
    auto& record = posted_[doc];
    record.posting_date = text_of(l, "postingDate");
    record.amount += amount;
    record.balancing_account = balancing;
    if (auto* inv = applied_invoice(l)) {
      auto& f = inv->fields;
      const auto open = decimal_of(f, "remainingAmount");
      const auto applied = open > amount ? amount : open;
      f["remainingAmount"] = adapters::make_decimal(open - applied);
      if ((open - applied).is_zero()) f["status"] = "Paid";
      ++inv->version;
      record.applied.emplace_back(text_of(f, "id"), applied);
      effects_.record_write("purchInvHeader", text_of(f, "id"),
                            text_of(f, "vendorNumber") + "/" + text_of(f, "vendorInvoiceNumber"));
    }
  }
  lines = nlohmann::json::array();
  ++j->version;
  effects_.record_write("vendLedgEntry", document_number.empty() ? new_guid() : document_number,
                        text_of(j->fields, "code"));
}

void vendor_payments::reverse(const std::string& journal_id, const nlohmann::json& body) {
  if (settings_.text(setting::payment_reversal) != "bound_action") {
    refuse(404, "BadRequest_ResourceNotFound", "Resource not found for the segment 'Microsoft.NAV.reverse'.");
  }
  if (!journals_.find(journal_id)) refuse(404, "BadRequest_NotFound", "The vendor payment journal does not exist.");
  const auto doc = body.is_object() ? text_of(body, "documentNumber") : std::string();
  const auto it = posted_.find(doc);
  if (it == posted_.end()) {
    refuse(400, "Internal_RecordNotFound",
           "The Vendor Ledger Entry does not exist. Identification fields and values: Document No.='" + doc + "'");
  }
  auto& p = it->second;
  if (p.reversed) {
    refuse(400, "Application_DialogException",
           "You cannot reverse the transaction, because it has already been reversed.");
  }
  const auto payables = settings_.text(setting::payables_account);
  ledger_.add_entry(p.posting_date, doc, payables, "Reversal", decimal{} - p.amount);
  ledger_.add_entry(p.posting_date, doc, p.balancing_account, "Reversal", p.amount);
  for (const auto& [inv_id, applied] : p.applied) {
    if (auto* inv = invoices_.table().find(inv_id)) {
      inv->fields["remainingAmount"] = adapters::make_decimal(decimal_of(inv->fields, "remainingAmount") + applied);
      inv->fields["status"] = "Open";
      ++inv->version;
      effects_.record_write("purchInvHeader", inv_id, text_of(inv->fields, "vendorNumber"));
    }
  }
  p.reversed = true;
  effects_.record_write("vendLedgEntry", doc, "reversal");
}

void vendor_payments::clear() {
  journals_.clear();
  posted_.clear();
}

}  // namespace erpc::sim::bc
