// SPDX-License-Identifier: Apache-2.0
#include "purchase_documents.hpp"

#include "bc_settings.hpp"
#include "request_fields.hpp"

#include <erpc/adapters/exact_json.hpp>
#include <erpc/decimal.hpp>

#include <openssl/rand.h>

#include <array>
#include <cstdio>
#include <optional>
#include <set>

namespace erpc::sim::bc {

namespace {

using adapters::make_decimal;
using adapters::to_decimal;

bool is_date(const nlohmann::json& v) {
  if (!v.is_string()) return false;
  const auto s = v.get<std::string>();
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return false;
  }
  return s.substr(5, 2) >= "01" && s.substr(5, 2) <= "12" && s.substr(8, 2) >= "01" &&
         s.substr(8, 2) <= "31";
}

std::optional<decimal> vat_percent(const std::string& table, const std::string& code) {
  std::size_t start = 0;
  while (start < table.size()) {
    const auto comma = table.find(',', start);
    const auto pair = table.substr(start, comma == std::string::npos ? std::string::npos
                                                                     : comma - start);
    const auto eq = pair.find('=');
    if (eq != std::string::npos && pair.substr(0, eq) == code) {
      return decimal::parse(pair.substr(eq + 1));
    }
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return std::nullopt;
}

const std::set<std::string>& header_writable(const document_kind& kind) {
  static const std::set<std::string> invoice = {
      "invoiceDate", "postingDate", "dueDate", "vendorInvoiceNumber", "vendorId", "vendorNumber",
      "payToVendorId", "payToVendorNumber", "currencyCode", "currencyId", "pricesIncludeTax",
      "purchaseInvoiceLines"};
  static const std::set<std::string> credit = {
      "creditMemoDate", "postingDate", "dueDate", "externalDocumentNumber", "vendorId",
      "vendorNumber", "payToVendorId", "payToVendorNumber", "currencyCode", "currencyId",
      "pricesIncludeTax", "purchaseCreditMemoLines"};
  return kind.entity_set == "purchaseInvoices" ? invoice : credit;
}

const std::set<std::string>& header_read_only() {
  static const std::set<std::string> fields = {
      "id", "number", "status", "vendorName", "totalAmountExcludingTax", "totalTaxAmount",
      "totalAmountIncludingTax", "remainingAmount", "lastModifiedDateTime", "@odata.etag"};
  return fields;
}

std::string now_utc() {
  const auto t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char out[32];
  std::strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return out;
}

}  // namespace

const document_kind& invoice_kind() {
  static const document_kind k{"purchaseInvoices", "purchaseInvoiceLines", "invoiceDate",
                               "vendorInvoiceNumber", "Purchase Invoice", "purchInvHeader",
                               "107", "108"};
  return k;
}

const document_kind& credit_memo_kind() {
  static const document_kind k{"purchaseCreditMemos", "purchaseCreditMemoLines",
                               "creditMemoDate", "externalDocumentNumber",
                               "Purchase Credit Memo", "purchCrMemoHdr", "109", "110"};
  return k;
}

stored_entity* entity_table::find(const std::string& id) {
  const auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &it->second;
}

std::vector<const stored_entity*> entity_table::all() const {
  std::vector<const stored_entity*> out;
  for (const auto& id : order_) {
    if (const auto it = by_id_.find(id); it != by_id_.end()) out.push_back(&it->second);
  }
  return out;
}

stored_entity& entity_table::insert(const std::string& id, nlohmann::json fields) {
  order_.push_back(id);
  auto& e = by_id_[id];
  e.fields = std::move(fields);
  e.version = 1;
  return e;
}

void entity_table::erase(const std::string& id) {
  by_id_.erase(id);
  std::erase(order_, id);
}

void entity_table::clear() {
  order_.clear();
  by_id_.clear();
}

std::string new_guid() {
  std::array<unsigned char, 16> b{};
  RAND_bytes(b.data(), static_cast<int>(b.size()));
  b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);
  b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);
  char out[37];
  std::snprintf(out, sizeof out,
                "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1],
                b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14],
                b[15]);
  return out;
}

std::string etag_of(const std::string& id, std::uint64_t version) {
  return "W/\"JzE" + std::to_string(version) + "O" + id.substr(0, 8) + "Jyc=\"";
}

nlohmann::json purchase_documents::make_line(const nlohmann::json& body,
                                             const nlohmann::json& document,
                                             std::size_t sequence) const {
  if (!body.is_object()) refuse(400, "BadRequest", "A line must be a JSON object.");
  static const std::set<std::string> writable = {"lineType", "lineObjectNumber", "description",
                                                 "quantity", "directUnitCost", "taxCode",
                                                 "sequence", "accountId"};
  for (const auto& [name, value] : body.items()) {
    if (writable.count(name) == 0) {
      refuse(400, "BadRequest",
             "The property '" + name + "' does not exist on type 'Microsoft.NAV." +
                 kind_.lines.substr(0, kind_.lines.size() - 1) + "' or is read-only.");
    }
  }
  const auto type = body.contains("lineType") ? text_of(body, "lineType") : std::string("Account");
  if (type != "Account" && type != "Item" && type != "Comment") {
    refuse(400, "Application_EvaluateException",
           "Cannot convert '" + type + "' to an option of the field Type.");
  }
  const auto number = text_of(body, "lineObjectNumber");
  if (type != "Comment" && number.empty()) {
    refuse(400, "Application_FieldValidationException",
           "No. must have a value in Purchase Line: Document No.=" +
               text_of(document, "number") + ", Line No.=" + std::to_string(sequence));
  }
  for (const char* amount : {"quantity", "directUnitCost"}) {
    if (body.contains(amount) && !to_decimal(body[amount])) {
      refuse(400, "BadRequest", std::string("Cannot convert the literal to the expected type "
                                            "'Edm.Decimal' for ") + amount + ".");
    }
  }
  const auto quantity = body.contains("quantity") ? decimal_of(body, "quantity") : decimal::from_int(0);
  const auto cost = decimal_of(body, "directUnitCost");
  const auto net = quantity.multiply(cost, 2, rounding::half_up);
  const auto code = text_of(body, "taxCode");
  decimal percent;
  if (!code.empty()) {
    const auto p = vat_percent(settings_.text(setting::vat_percentages), code);
    if (!p) {
      refuse(400, "Internal_RecordNotFound",
             "The VAT Posting Setup does not exist. Identification fields and values: VAT Prod. "
             "Posting Group='" + code + "'");
    }
    percent = *p;
  }
  const auto tax = net.multiply(percent, 2 + percent.scale(), rounding::half_up)
                       .multiply(decimal::parse("0.01").value(), 2, rounding::half_up);
  nlohmann::json line = {{"id", new_guid()},
                         {"documentId", document.value("id", "")},
                         {"sequence", static_cast<std::int64_t>(sequence)},
                         {"lineType", type},
                         {"lineObjectNumber", number},
                         {"description", text_of(body, "description")},
                         {"quantity", make_decimal(quantity)},
                         {"directUnitCost", make_decimal(cost)},
                         {"taxCode", code},
                         {"taxPercent", make_decimal(percent)},
                         {"amountExcludingTax", make_decimal(net)},
                         {"totalTaxAmount", make_decimal(tax)},
                         {"amountIncludingTax", make_decimal(net + tax)}};
  return line;
}

void purchase_documents::recompute_totals(nlohmann::json& document) const {
  decimal net, tax;
  for (const auto& line : document[kind_.lines]) {
    net += decimal_of(line, "amountExcludingTax");
    tax += decimal_of(line, "totalTaxAmount");
  }
  document["totalAmountExcludingTax"] = make_decimal(net);
  document["totalTaxAmount"] = make_decimal(tax);
  document["totalAmountIncludingTax"] = make_decimal(net + tax);
  document["lastModifiedDateTime"] = now_utc();
}

void purchase_documents::check_duplicate(const nlohmann::json& document, bool posted_only) const {
  const auto reference = text_of(document, kind_.reference);
  if (reference.empty()) return;
  for (const auto* other : table_.all()) {
    const auto& f = other->fields;
    if (f.value("id", "") == document.value("id", "")) continue;
    if (posted_only && f.value("status", "") == "Draft") continue;
    if (text_of(f, "vendorNumber") == text_of(document, "vendorNumber") &&
        text_of(f, kind_.reference) == reference) {
      refuse(400, settings_.text(setting::duplicate_error_code),
             kind_.label + " " + reference + " already exists for this vendor.");
    }
  }
}

const stored_entity& purchase_documents::create(const nlohmann::json& body,
                                                const vendor_lookup& vendors) {
  if (!body.is_object()) refuse(400, "BadRequest", "The request body must be a JSON object.");
  const auto& writable = header_writable(kind_);
  for (const auto& [name, value] : body.items()) {
    if (header_read_only().count(name) != 0) {
      refuse(400, "BadRequest_InvalidOperation",
             "The field " + name + " of " + kind_.label + " is read-only.");
    }
    if (writable.count(name) == 0) {
      refuse(400, "BadRequest",
             "The property '" + name + "' does not exist on type 'Microsoft.NAV." +
                 kind_.entity_set.substr(0, kind_.entity_set.size() - 1) + "'.");
    }
  }
  for (const auto& date : {kind_.date_field, std::string("postingDate"), std::string("dueDate")}) {
    if (body.contains(date) && !is_date(body[date])) {
      refuse(400, "BadRequest", "Cannot convert the literal to the expected type 'Edm.Date' for " +
                                    date + ".");
    }
  }
  const auto* vendor = vendors(body);
  if (!vendor) {
    refuse(400, "Internal_RecordNotFound",
           "The Vendor does not exist. Identification fields and values: No.='" +
               text_of(body, "vendorNumber") + "'");
  }
  const auto& v = vendor->fields;
  if (text_of(v, "blocked") == "All") {
    refuse(400, "Application_DialogException",
           "You cannot create this type of document when Vendor " + text_of(v, "number") +
               " is blocked with type All");
  }
  nlohmann::json doc = nlohmann::json::object();
  const auto id = new_guid();
  doc["id"] = id;
  doc["number"] = kind_.draft_prefix + std::to_string(1000 + ++counter_);
  const auto date = body.contains(kind_.date_field) ? body[kind_.date_field] : nlohmann::json("");
  doc[kind_.date_field] = date;
  doc["postingDate"] = body.value("postingDate", date);
  doc["dueDate"] = body.value("dueDate", date);
  doc[kind_.reference] = body.value(kind_.reference, "");
  doc["vendorId"] = v["id"];
  doc["vendorNumber"] = v["number"];
  doc["vendorName"] = v.value("displayName", "");
  doc["payToVendorId"] = v["id"];
  doc["payToVendorNumber"] = v["number"];
  doc["currencyCode"] = body.value("currencyCode", v.value("currencyCode", ""));
  doc["pricesIncludeTax"] = body.value("pricesIncludeTax", false);
  doc["status"] = "Draft";
  doc[kind_.lines] = nlohmann::json::array();
  if (const auto lines = body.find(kind_.lines); lines != body.end()) {
    if (!lines->is_array()) refuse(400, "BadRequest", kind_.lines + " must be an array.");
    std::size_t sequence = 0;
    for (const auto& line : *lines) doc[kind_.lines].push_back(make_line(line, doc, sequence += 10000));
  }
  recompute_totals(doc);
  if (settings_.text(setting::duplicate_vendor_invoice_number) == "reject_at_create") {
    check_duplicate(doc, false);
  }
  auto& stored = table_.insert(id, std::move(doc));
  effects_.record_write("purchaseHeader", id, text_of(stored.fields, "vendorNumber") + "/" +
                                                  text_of(stored.fields, kind_.reference));
  return stored;
}

nlohmann::json purchase_documents::add_line(const std::string& id, const nlohmann::json& body) {
  auto* doc = table_.find(id);
  if (!doc) refuse(404, "BadRequest_NotFound", "The " + kind_.label + " does not exist.");
  if (doc->fields.value("status", "") != "Draft") {
    refuse(400, "BadRequest_InvalidOperation", "A posted " + kind_.label + " cannot be changed.");
  }
  auto& lines = doc->fields[kind_.lines];
  auto line = make_line(body, doc->fields, (lines.size() + 1) * 10000);
  lines.push_back(line);
  recompute_totals(doc->fields);
  ++doc->version;
  effects_.record_write("purchaseHeader", id, text_of(doc->fields, "vendorNumber") + "/" +
                                                  text_of(doc->fields, kind_.reference));
  return line;
}

void purchase_documents::post(const std::string& id) {
  auto* doc = table_.find(id);
  if (!doc) refuse(404, "BadRequest_NotFound", "The " + kind_.label + " does not exist.");
  auto& f = doc->fields;
  if (f.value("status", "") != "Draft") {
    refuse(400, "Application_DialogException",
           "The " + kind_.label + " " + text_of(f, "number") + " has already been posted.");
  }
  if (text_of(f, kind_.reference).empty()) {
    // Purchases & Payables Setup "Ext. Doc. No. Mandatory" (BC's default).
    refuse(400, "Application_FieldValidationException",
           std::string(kind_.reference == "vendorInvoiceNumber" ? "Vendor Invoice No."
                                                                : "Vendor Cr. Memo No.") +
               " must have a value in Purchase Header: Document Type=" +
               (kind_.reference == "vendorInvoiceNumber" ? "Invoice" : "Credit Memo") + ", No.=" +
               text_of(f, "number") + ". It cannot be zero or empty.");
  }
  bool has_amount = false;
  for (const auto& line : f[kind_.lines]) has_amount = has_amount || !decimal_of(line, "amountExcludingTax").is_zero();
  if (!has_amount) refuse(400, "Application_DialogException", "There is nothing to post.");
  check_duplicate(f, true);
  f["status"] = "Open";
  // What is still owed: vendor payments applied to the document lower it (vendor_payments.cpp).
  f["remainingAmount"] = f["totalAmountIncludingTax"];
  f["number"] = kind_.posted_prefix + f["number"].get<std::string>().substr(kind_.draft_prefix.size());
  f["lastModifiedDateTime"] = now_utc();
  ++doc->version;
  effects_.record_write(kind_.posted_table, id,
                        text_of(f, "vendorNumber") + "/" + text_of(f, kind_.reference));
}

void purchase_documents::remove(const std::string& id, const std::string& if_match) {
  auto* doc = table_.find(id);
  if (!doc) refuse(404, "BadRequest_NotFound", "The " + kind_.label + " does not exist.");
  if (settings_.boolean(setting::require_if_match) && if_match.empty()) {
    refuse(400, "BadRequest_InvalidToken", "Could not validate the client concurrency token required by the service. Please provide a valid token in the client request.");
  }
  if (!if_match.empty() && if_match != "*" && if_match != etag_of(id, doc->version)) {
    refuse(static_cast<unsigned>(settings_.integer(setting::entity_changed_status)),
           "Request_EntityChanged", "Another user has already changed the record.");
  }
  if (doc->fields.value("status", "") != "Draft") {
    refuse(400, "BadRequest_InvalidOperation", "A posted " + kind_.label + " cannot be deleted.");
  }
  table_.erase(id);
}

nlohmann::json purchase_documents::view(const stored_entity& e, bool with_lines) const {
  nlohmann::json out = {{"@odata.etag", etag_of(e.fields.value("id", ""), e.version)}};
  for (const auto& [name, value] : e.fields.items()) {
    if (name == kind_.lines && !with_lines) continue;
    out[name] = value;
  }
  return out;
}

}  // namespace erpc::sim::bc
