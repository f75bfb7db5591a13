// SPDX-License-Identifier: Apache-2.0
// Invoice (payable) ↔ VendorInvoiceHeaders + VendorInvoiceLines (vendors.md §5.1; the header key
// HeaderReference is unconfirmed and comes from a number sequence in the simulator; field names
// beyond the keys follow public integrations — secondary). BANKING.md "Invoices, credit notes":
// a credit note is document_type credit_note with positive amounts; F&O has one pending vendor
// invoice entity, so a credit note is sent with negative quantities and line amounts.
//   supplier → InvoiceAccount (external_refs.dynamics_fo or number; ≤ 20)
//   invoice_number → InvoiceNumber (≤ 20, refused when longer) — the natural key with the vendor
//   invoice_date → InvoiceDate   posting_date → PostingDate   due_date → DueDate
//   currency → CurrencyCode (value map currencies)
//   lines[i] → LineNumber i+1, account → MainAccountDisplayValue (value map), description →
//              Description (≤ 60), quantity (default 1) → Quantity, unit_price (default net) →
//              UnitPrice, net → LineAmount, tax_code → ItemSalesTaxGroup (value map)
// F&O computes each line's TaxAmount; read back: net = Σ LineAmount, tax = Σ TaxAmount, gross =
// net + tax (signs turned positive for a credit note).
#include "fo_mapping.hpp"
#include "mapping_support.hpp"

#include <erpc/adapters/exact_json.hpp>
#include <erpc/currency.hpp>

namespace erpc::fo {

using namespace mapping;

vendor_invoice invoice_to_vendor(const nlohmann::json& p, const connection_config& config) {
  fields.refuse_unknown(p,
                 {"id", "external_refs", "source", "document_type", "direction", "legal_entity",
                  "supplier", "invoice_number", "invoice_date", "posting_date", "due_date",
                  "currency", "lines", "totals", "rounding_tolerance", "created_at", "updated_at",
                  "etag"},
                 "", "F&O pending vendor invoices through this adapter do not carry this field");
  if (fields.required_text(p, "direction", "/direction") != "payable") {
    fields.unsupported("/direction", "only payable invoices (F&O vendor invoices) are offered");
  }
  const auto type = fields.required_text(p, "document_type", "/document_type");
  if (type != "invoice" && type != "credit_note") {
    fields.invalid("/document_type", "fo.document_type", "invoice or credit_note");
  }
  const bool credit = type == "credit_note";
  check_legal_entity(p, config);
  vendor_invoice out;
  auto& h = out.header;
  h = nlohmann::json::object();
  h["dataAreaId"] = config.company;
  const auto supplier = p.find("supplier");
  if (supplier == p.end() || !supplier->is_object()) fields.invalid("/supplier", "fo.required", "required");
  std::string account;
  if (const auto refs = supplier->find("external_refs"); refs != supplier->end() && refs->is_object()) {
    if (const auto id = refs->find(ref_key); id != refs->end() && id->is_string()) account = id->get<std::string>();
  }
  if (account.empty()) account = fields.text(*supplier, "number", "/supplier/number").value_or("");
  if (account.empty()) fields.invalid("/supplier", "fo.party_unidentified", "needs external_refs.dynamics_fo or number");
  h["InvoiceAccount"] = fields.fits(account, 20, "/supplier/number", "Invoice account");
  h["InvoiceNumber"] = fields.fits(fields.required_text(p, "invoice_number", "/invoice_number"), 20,
                            "/invoice_number", "Invoice");
  h["InvoiceDate"] = fields.date_text(p, "invoice_date", "/invoice_date", true);
  const auto posting = fields.date_text(p, "posting_date", "/posting_date", false);
  h["PostingDate"] = posting.empty() ? h["InvoiceDate"].get<std::string>() : posting;
  if (auto due = fields.date_text(p, "due_date", "/due_date", false); !due.empty()) h["DueDate"] = due;
  const auto currency = fields.required_text(p, "currency", "/currency");
  h["CurrencyCode"] = fields.fits(mapped(config.maps.currencies, currency, "/currency"), 3, "/currency", "Currency");
  if (!p.contains("totals") || !p["totals"].is_object()) fields.invalid("/totals", "fo.required", "required");
  const auto gross_total = fields.money_amount(p["totals"].value("gross", nlohmann::json()), "/totals/gross", currency);

  const auto lines = p.find("lines");
  if (lines == p.end() || !lines->is_array() || lines->empty()) {
    fields.invalid("/lines", "fo.required", "at least one line");
  }
  const int digits = currency_minor_units(currency).value_or(2);
  decimal gross_sum;
  out.lines = nlohmann::json::array();
  for (std::size_t i = 0; i < lines->size(); ++i) {
    const auto& line = (*lines)[i];
    const std::string at = "/lines/" + std::to_string(i);
    fields.refuse_unknown(line, {"line_number", "description", "quantity", "unit_price", "net", "tax",
                          "gross", "tax_code", "account"},
                   at, "F&O vendor invoice lines through this adapter do not carry this field");
    const auto net = fields.money_amount(line.value("net", nlohmann::json()), at + "/net", currency);
    const auto tax = fields.money_amount(line.value("tax", nlohmann::json()), at + "/tax", currency);
    const auto gross = fields.money_amount(line.value("gross", nlohmann::json()), at + "/gross", currency);
    if (net + tax != gross) fields.invalid(at + "/gross", "fo.line_gross", "gross must be net + tax");
    if (net.is_negative()) fields.invalid(at + "/net", "fo.negative_amount", "amounts are positive (a credit note says so in document_type)");
    gross_sum += gross;
    const auto quantity = fields.decimal_text(line, "quantity", at + "/quantity").value_or(decimal::from_int(1));
    const auto price = fields.decimal_text(line, "unit_price", at + "/unit_price").value_or(net);
    if (quantity.multiply(price, digits, rounding::half_up) != net) {
      fields.invalid(at + "/net", "fo.line_amount", "net must be quantity × unit_price");
    }
    nlohmann::json item = {
        {"dataAreaId", config.company},
        {"LineNumber", static_cast<std::int64_t>(i + 1)},
        {"MainAccountDisplayValue",
         fields.fits(mapped(config.maps.accounts, fields.required_text(line, "account", at + "/account"), at + "/account"),
              100, at + "/account", "Main account")},
        {"Quantity", adapters::make_decimal(credit ? -quantity : quantity)},
        {"UnitPrice", adapters::make_decimal(price)},
        {"LineAmount", adapters::make_decimal(credit ? -net : net)}};
    if (auto code = fields.text(line, "tax_code", at + "/tax_code")) {
      item["ItemSalesTaxGroup"] = fields.fits(mapped(config.maps.tax_codes, *code, at + "/tax_code"), 10,
                                       at + "/tax_code", "Item sales tax group");
    }
    if (auto d = fields.text(line, "description", at + "/description")) {
      item["Description"] = fields.fits(*d, 60, at + "/description", "Description");
    }
    out.lines.push_back(std::move(item));
  }
  if (gross_sum != gross_total) fields.invalid("/totals/gross", "fo.total_gross", "must be the sum of the lines' gross");
  return out;
}

nlohmann::json invoice_from_vendor(const nlohmann::json& h, const nlohmann::json& lines,
                                   const connection_config& config) {
  const auto id = string_member(h, "HeaderReference");
  if (id.empty()) {
    throw error(error_class::internal, "fo.malformed_response", "an F&O vendor invoice header without HeaderReference")
        .with_effect(effect::none);
  }
  const auto currency = code_for(config.maps.currencies, string_member(h, "CurrencyCode"), "currency");
  decimal net_total, tax_total;
  for (const auto& l : lines) {
    net_total += decimal_member(l, "LineAmount");
    tax_total += decimal_member(l, "TaxAmount");
  }
  const bool credit = net_total.is_negative();
  auto sign = [&](const decimal& d) { return credit ? -d : d; };
  nlohmann::json doc = {
      {"id", id},
      {"external_refs", {{ref_key, id}}},
      {"source", {{"system", "dynamics_fo"}, {"id", "VendorInvoiceHeaders/" + string_member(h, "dataAreaId") + "/" + id}}},
      {"document_type", credit ? "credit_note" : "invoice"},
      {"direction", "payable"},
      {"document_number", id},
      {"invoice_number", string_member(h, "InvoiceNumber")},
      {"invoice_date", string_member(h, "InvoiceDate")},
      {"currency", currency},
      {"supplier", {{"number", string_member(h, "InvoiceAccount")},
                    {"external_refs", {{ref_key, string_member(h, "InvoiceAccount")}}}}}};
  if (const auto posting = string_member(h, "PostingDate"); !posting.empty()) doc["posting_date"] = posting;
  if (const auto due = string_member(h, "DueDate"); !due.empty()) doc["due_date"] = due;
  if (!config.legal_entity.empty()) doc["legal_entity"] = config.legal_entity;
  nlohmann::json out_lines = nlohmann::json::array();
  for (const auto& l : lines) {
    const auto net = sign(decimal_member(l, "LineAmount"));
    const auto tax = sign(decimal_member(l, "TaxAmount"));
    nlohmann::json line = {{"line_number", decimal_member(l, "LineNumber").to_minor_units(0).value_or(0)},
                           {"quantity", sign(decimal_member(l, "Quantity")).normalized().to_string()},
                           {"unit_price", decimal_member(l, "UnitPrice").normalized().to_string()},
                           {"net", money_json(net, currency)},
                           {"tax", money_json(tax, currency)},
                           {"gross", money_json(net + tax, currency)}};
    if (const auto a = string_member(l, "MainAccountDisplayValue"); !a.empty()) {
      line["account"] = code_for(config.maps.accounts, a, "main account");
    }
    if (const auto t = string_member(l, "ItemSalesTaxGroup"); !t.empty()) {
      line["tax_code"] = code_for(config.maps.tax_codes, t, "item sales tax group");
    }
    if (const auto d = string_member(l, "Description"); !d.empty()) line["description"] = d;
    out_lines.push_back(std::move(line));
  }
  doc["lines"] = std::move(out_lines);
  doc["totals"] = {{"net", money_json(sign(net_total), currency)},
                   {"tax", money_json(sign(tax_total), currency)},
                   {"gross", money_json(sign(net_total + tax_total), currency)}};
  return doc;
}

nlohmann::json invoice_header_compared(const nlohmann::json& h) {
  nlohmann::json out = nlohmann::json::object();
  for (const char* f : {"InvoiceAccount", "InvoiceNumber", "InvoiceDate", "PostingDate", "DueDate", "CurrencyCode"}) {
    out[f] = string_member(h, f);
  }
  return out;
}

nlohmann::json invoice_line_compared(const nlohmann::json& l) {
  return {{"LineNumber", decimal_member(l, "LineNumber").normalized().to_string()},
          {"MainAccountDisplayValue", string_member(l, "MainAccountDisplayValue")},
          {"Quantity", decimal_member(l, "Quantity").normalized().to_string()},
          {"UnitPrice", decimal_member(l, "UnitPrice").normalized().to_string()},
          {"LineAmount", decimal_member(l, "LineAmount").normalized().to_string()},
          {"ItemSalesTaxGroup", string_member(l, "ItemSalesTaxGroup")},
          {"Description", string_member(l, "Description")}};
}

}  // namespace erpc::fo
