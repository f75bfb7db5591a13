// SPDX-License-Identifier: Apache-2.0
// Invoice (payable) ↔ A_SupplierInvoice (vendors.md §2.1; BANKING.md "Invoices, credit notes").
//   legal_entity → CompanyCode (value map)
//   supplier → InvoicingParty (external_refs.sap_s4hana, or the supplier whose SearchTerm1 is
//              its number, or a number that is an SAP supplier number)
//   invoice_number → SupplierInvoiceIDByInvcgParty (≤ 16, refused when longer, never cut)
//   invoice_date → DocumentDate      posting_date → PostingDate (default: invoice_date)
//   currency → DocumentCurrency      totals.gross → InvoiceGrossAmount
//   document_type credit_note → SupplierInvoiceIsCreditMemo "X" (positive amounts)
//   payment_terms.code → PaymentTerms (value map)   due_date → DueCalculationBaseDate
//   payment_reference → PaymentReference (≤ 30)      payment_block → PaymentBlockingReason "A"
//   notes → SupplierPostingLineItemText (≤ 50)
//   lines[i] → to_SupplierInvoiceItemGLAcct[i]: account → GLAccount (value map), net →
//              SupplierInvoiceItemAmount, tax_code → TaxCode (value map), description →
//              SupplierInvoiceItemText, DebitCreditCode "S"
//   per tax code → to_SupplierInvoiceTax: TaxAmount = Σ line tax, TaxBaseAmountInTransCrcy = Σ net
// Read back, a line's tax is its tax code's TaxAmount shared by net (half-even, the remainder on
// the code's last line), gross = net + tax, totals from the document.
#include "mapping_support.hpp"
#include "odata_values.hpp"
#include "sap_mapping.hpp"

#include <erpc/currency.hpp>

#include <map>

namespace erpc::sap {

using namespace mapping;

nlohmann::json created_document(nlohmann::json payload, const std::string& vendor_id) {
  payload["id"] = vendor_id;
  payload["external_refs"][ref_key] = vendor_id;
  return payload;
}

namespace {

std::string date_field(const nlohmann::json& p, const char* name, const std::string& pointer,
                       bool required) {
  const auto value = required ? std::optional(fields.required_text(p, name, pointer))
                              : fields.text(p, name, pointer);
  if (!value) return {};
  const auto dt = odata::datetime_from_date(*value);
  if (!dt) fields.invalid(pointer, "sap.date", "must be a date YYYY-MM-DD");
  return *dt;
}

// total × part / whole, half-even to `digits` fraction digits (a line's share of its tax code's
// amount); 0 when a figure does not fit or the whole is zero.
decimal tax_share(const decimal& total, const decimal& part, const decimal& whole, int digits) {
  using wide = decimal::coefficient_type;
  const auto t = total.to_minor_units(digits);
  const auto p = part.to_minor_units(digits);
  const auto w = whole.to_minor_units(digits);
  if (!t || !p || !w || *w == 0) return {};
  const wide num = static_cast<wide>(*t) * static_cast<wide>(*p);
  const wide den = *w;
  wide q = num / den;
  const wide r = num % den;
  const wide twice = (r < 0 ? -r : r) * 2;
  const wide abs_den = den < 0 ? -den : den;
  const bool negative = (num < 0) != (den < 0);
  if (twice > abs_den || (twice == abs_den && q % 2 != 0)) q += negative ? -1 : 1;
  return decimal::from_minor_units(static_cast<std::int64_t>(q), digits).value_or(decimal{});
}

}  // namespace

nlohmann::json invoice_to_vendor(const nlohmann::json& p, const value_maps& maps,
                                 const supplier_resolver& resolve_supplier) {
  fields.refuse_unknown(p,
                 {"id", "external_refs", "source", "document_type", "direction", "legal_entity",
                  "supplier", "invoice_number", "document_number", "invoice_date", "posting_date",
                  "due_date", "currency", "payment_terms", "payment_reference", "payment_block",
                  "lines", "totals", "rounding_tolerance", "notes", "created_at", "updated_at",
                  "etag"},
                 "", "SAP supplier invoices through this adapter do not carry this field");
  if (fields.required_text(p, "direction", "/direction") != "payable") {
    fields.unsupported("/direction", "only payable invoices (SAP supplier invoices) are offered");
  }
  const auto type = fields.required_text(p, "document_type", "/document_type");
  if (type != "invoice" && type != "credit_note") {
    fields.invalid("/document_type", "sap.document_type", "invoice or credit_note");
  }
  const auto currency = fields.required_text(p, "currency", "/currency");
  const auto company = mapped(maps.company_codes, fields.required_text(p, "legal_entity", "/legal_entity"),
                              "/legal_entity");
  const auto sap_currency = fields.fits(mapped(maps.currencies, currency, "/currency"), 5, "/currency",
                                 "DocumentCurrency");
  nlohmann::json body = nlohmann::json::object();
  body["CompanyCode"] = company;
  body["DocumentDate"] = date_field(p, "invoice_date", "/invoice_date", true);
  auto posting = date_field(p, "posting_date", "/posting_date", false);
  body["PostingDate"] = posting.empty() ? body["DocumentDate"].get<std::string>() : posting;
  body["SupplierInvoiceIDByInvcgParty"] =
      fields.fits(fields.required_text(p, "invoice_number", "/invoice_number"), 16, "/invoice_number",
           "SupplierInvoiceIDByInvcgParty");
  if (!p.contains("supplier")) fields.invalid("/supplier", "sap.required", "required");
  body["InvoicingParty"] =
      fields.fits(resolve_supplier(p["supplier"], "/supplier"), 10, "/supplier", "InvoicingParty");
  body["DocumentCurrency"] = sap_currency;
  if (!p.contains("totals") || !p["totals"].is_object()) {
    fields.invalid("/totals", "sap.required", "required");
  }
  const auto gross = fields.money_amount(p["totals"].value("gross", nlohmann::json()), "/totals/gross",
                                  currency);
  body["InvoiceGrossAmount"] = money_text(gross, currency);
  body["TaxIsCalculatedAutomatically"] = false;
  if (type == "credit_note") body["SupplierInvoiceIsCreditMemo"] = "X";
  if (const auto terms = p.find("payment_terms"); terms != p.end()) {
    body["PaymentTerms"] = fields.fits(
        mapped(maps.payment_terms, fields.required_text(*terms, "code", "/payment_terms/code"),
               "/payment_terms/code"),
        4, "/payment_terms/code", "PaymentTerms");
  }
  if (auto due = date_field(p, "due_date", "/due_date", false); !due.empty()) {
    if (p.contains("payment_terms")) {
      fields.unsupported("/due_date", "SAP derives the due date from PaymentTerms; send one of the two");
    }
    body["DueCalculationBaseDate"] = due;
    body["NetPaymentDays"] = "0";
  }
  if (auto v = fields.text(p, "payment_reference", "/payment_reference")) {
    body["PaymentReference"] = fields.fits(*v, 30, "/payment_reference", "PaymentReference");
  }
  if (const auto b = p.find("payment_block"); b != p.end()) {
    if (!b->is_boolean()) fields.invalid("/payment_block", "sap.type", "must be true or false");
    if (b->get<bool>()) body["PaymentBlockingReason"] = "A";
  }
  if (auto v = fields.text(p, "notes", "/notes")) {
    body["SupplierPostingLineItemText"] = fields.fits(*v, 50, "/notes", "SupplierPostingLineItemText");
  }

  const auto lines = p.find("lines");
  if (lines == p.end() || !lines->is_array() || lines->empty()) {
    fields.invalid("/lines", "sap.required", "at least one line");
  }
  nlohmann::json items = nlohmann::json::array();
  struct tax_row {
    decimal tax;
    decimal base;
  };
  std::map<std::string, tax_row> taxes;
  for (std::size_t i = 0; i < lines->size(); ++i) {
    const auto& line = (*lines)[i];
    const std::string at = "/lines/" + std::to_string(i);
    fields.refuse_unknown(line, {"line_number", "description", "net", "tax", "gross", "tax_code",
                          "account"},
                   at, "SAP G/L invoice items through this adapter do not carry this field");
    const auto net = fields.money_amount(line.value("net", nlohmann::json()), at + "/net", currency);
    const auto tax = fields.money_amount(line.value("tax", nlohmann::json()), at + "/tax", currency);
    (void)fields.money_amount(line.value("gross", nlohmann::json()), at + "/gross", currency);
    nlohmann::json item = {{"SupplierInvoiceItem", std::to_string(i + 1)},
                           {"CompanyCode", company},
                           {"GLAccount", fields.fits(mapped(maps.accounts,
                                                     fields.required_text(line, "account", at + "/account"),
                                                     at + "/account"),
                                              10, at + "/account", "GLAccount")},
                           {"DocumentCurrency", sap_currency},
                           {"SupplierInvoiceItemAmount", money_text(net, currency)},
                           {"DebitCreditCode", "S"}};
    if (auto code = fields.text(line, "tax_code", at + "/tax_code")) {
      const auto sap_code = fields.fits(mapped(maps.tax_codes, *code, at + "/tax_code"), 2,
                                 at + "/tax_code", "TaxCode");
      item["TaxCode"] = sap_code;
      auto& row = taxes[sap_code];
      row.tax += tax;
      row.base += net;
    } else if (!tax.is_zero()) {
      fields.invalid(at + "/tax_code", "sap.tax_code_required", "a line with tax needs a tax code");
    }
    if (auto d = fields.text(line, "description", at + "/description")) {
      item["SupplierInvoiceItemText"] = fields.fits(*d, 50, at + "/description", "SupplierInvoiceItemText");
    }
    items.push_back(std::move(item));
  }
  body["to_SupplierInvoiceItemGLAcct"] = {{"results", std::move(items)}};
  if (!taxes.empty()) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& [code, row] : taxes) {
      rows.push_back({{"TaxCode", code},
                      {"DocumentCurrency", sap_currency},
                      {"TaxAmount", money_text(row.tax, currency)},
                      {"TaxBaseAmountInTransCrcy", money_text(row.base, currency)}});
    }
    body["to_SupplierInvoiceTax"] = {{"results", std::move(rows)}};
  }
  return body;
}

std::string invoice_vendor_id(const nlohmann::json& invoice) {
  const auto number = string_member(invoice, "SupplierInvoice");
  const auto year = string_member(invoice, "FiscalYear");
  if (number.empty() || year.empty()) {
    throw error(error_class::internal, "sap.malformed_response",
                "an SAP supplier invoice without SupplierInvoice/FiscalYear")
        .with_effect(effect::none);
  }
  return number + "/" + year;
}

nlohmann::json invoice_from_vendor(const nlohmann::json& r, const value_maps& maps) {
  const auto id = invoice_vendor_id(r);
  const auto currency = code_for(maps.currencies, string_member(r, "DocumentCurrency"), "currency");
  if (currency.empty()) {
    throw error(error_class::internal, "sap.malformed_response",
                "the SAP supplier invoice " + id + " has no DocumentCurrency");
  }
  auto date = [&](const char* name) {
    return odata::date_from_datetime(r.value(name, nlohmann::json()));
  };
  nlohmann::json doc = {
      {"id", id},
      {"external_refs", {{ref_key, id}}},
      {"source", {{"system", "sap_s4hana"}, {"id", "A_SupplierInvoice/" + id}}},
      {"document_type", string_member(r, "SupplierInvoiceIsCreditMemo") == "X" ? "credit_note" : "invoice"},
      {"direction", "payable"},
      {"document_number", string_member(r, "SupplierInvoice")},
      {"invoice_number", string_member(r, "SupplierInvoiceIDByInvcgParty").empty()
                             ? string_member(r, "SupplierInvoice")
                             : string_member(r, "SupplierInvoiceIDByInvcgParty")},
      {"invoice_date", date("DocumentDate").value_or("")},
      {"currency", currency}};
  if (const auto posting = date("PostingDate")) doc["posting_date"] = *posting;
  if (const auto party = string_member(r, "InvoicingParty"); !party.empty()) {
    doc["supplier"] = {{"number", party}, {"external_refs", {{ref_key, party}}}};
  }
  if (const auto cc = string_member(r, "CompanyCode"); !cc.empty()) {
    doc["legal_entity"] = code_for(maps.company_codes, cc, "company code");
  }
  if (const auto terms = string_member(r, "PaymentTerms"); !terms.empty()) {
    doc["payment_terms"] = {{"code", code_for(maps.payment_terms, terms, "payment terms")}};
  }
  if (const auto ref = string_member(r, "PaymentReference"); !ref.empty()) doc["payment_reference"] = ref;
  if (!string_member(r, "PaymentBlockingReason").empty()) doc["payment_block"] = true;
  if (const auto notes = string_member(r, "SupplierPostingLineItemText"); !notes.empty()) {
    doc["notes"] = notes;
  }
  // due_date was written as the baseline date with 0 net days (no payment terms).
  const auto net_days = odata::decimal_of(r.value("NetPaymentDays", nlohmann::json()));
  if (string_member(r, "PaymentTerms").empty() && net_days.value_or(decimal{}).is_zero()) {
    if (const auto due = date("DueCalculationBaseDate")) doc["due_date"] = *due;
  }

  // Tax per code, shared over the code's lines by net amount.
  std::map<std::string, decimal> tax_by_code;
  decimal tax_total;
  for (const auto& t : results(r, "to_SupplierInvoiceTax")) {
    const auto amount = odata::decimal_of(t.value("TaxAmount", nlohmann::json())).value_or(decimal{});
    tax_by_code[string_member(t, "TaxCode")] += amount;
    tax_total += amount;
  }
  std::map<std::string, decimal> net_by_code;
  std::map<std::string, std::size_t> last_line_of_code;
  const auto& items = results(r, "to_SupplierInvoiceItemGLAcct");
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto code = string_member(items[i], "TaxCode");
    net_by_code[code] +=
        odata::decimal_of(items[i].value("SupplierInvoiceItemAmount", nlohmann::json()))
            .value_or(decimal{});
    last_line_of_code[code] = i;
  }
  const int digits = currency_minor_units(currency).value_or(2);
  std::map<std::string, decimal> tax_given;
  decimal net_total;
  nlohmann::json lines = nlohmann::json::array();
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& item = items[i];
    const auto code = string_member(item, "TaxCode");
    const auto net = odata::decimal_of(item.value("SupplierInvoiceItemAmount", nlohmann::json()))
                         .value_or(decimal{});
    decimal tax;
    if (!code.empty() && tax_by_code.count(code) != 0) {
      if (last_line_of_code[code] == i) {
        tax = tax_by_code[code] - tax_given[code];
      } else {
        tax = tax_share(tax_by_code[code], net, net_by_code[code], digits);
      }
      tax_given[code] += tax;
    }
    net_total += net;
    nlohmann::json line = {{"line_number", static_cast<std::int64_t>(i + 1)},
                           {"net", money_json(net, currency)},
                           {"tax", money_json(tax, currency)},
                           {"gross", money_json(net + tax, currency)}};
    if (const auto gl = string_member(item, "GLAccount"); !gl.empty()) {
      line["account"] = code_for(maps.accounts, gl, "G/L account");
    }
    if (!code.empty()) line["tax_code"] = code_for(maps.tax_codes, code, "tax code");
    if (const auto t = string_member(item, "SupplierInvoiceItemText"); !t.empty()) line["description"] = t;
    lines.push_back(std::move(line));
  }
  doc["lines"] = std::move(lines);
  const auto gross = odata::decimal_of(r.value("InvoiceGrossAmount", nlohmann::json()))
                         .value_or(net_total + tax_total);
  doc["totals"] = {{"net", money_json(net_total, currency)},
                   {"tax", money_json(tax_total, currency)},
                   {"gross", money_json(gross, currency)}};
  return doc;
}

nlohmann::json invoice_compared_fields(const nlohmann::json& b) {
  auto date = [&](const char* name) -> nlohmann::json {
    const auto d = odata::date_from_datetime(b.value(name, nlohmann::json()));
    return d ? nlohmann::json(*d) : nlohmann::json(nullptr);
  };
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : results(b, "to_SupplierInvoiceItemGLAcct")) {
    items.push_back({{"GLAccount", string_member(item, "GLAccount")},
                     {"SupplierInvoiceItemAmount",
                      odata::normalized_decimal(item.value("SupplierInvoiceItemAmount",
                                                           nlohmann::json()))},
                     {"TaxCode", string_member(item, "TaxCode")},
                     {"DebitCreditCode", string_member(item, "DebitCreditCode")}});
  }
  std::map<std::string, nlohmann::json> taxes;  // by code: SAP may answer in another order
  for (const auto& t : results(b, "to_SupplierInvoiceTax")) {
    taxes[string_member(t, "TaxCode")] = odata::normalized_decimal(t.value("TaxAmount", nlohmann::json()));
  }
  return {{"CompanyCode", string_member(b, "CompanyCode")},
          {"InvoicingParty", string_member(b, "InvoicingParty")},
          {"SupplierInvoiceIDByInvcgParty", string_member(b, "SupplierInvoiceIDByInvcgParty")},
          {"DocumentDate", date("DocumentDate")},
          {"PostingDate", date("PostingDate")},
          {"DocumentCurrency", string_member(b, "DocumentCurrency")},
          {"InvoiceGrossAmount",
           odata::normalized_decimal(b.value("InvoiceGrossAmount", nlohmann::json()))},
          {"SupplierInvoiceIsCreditMemo", string_member(b, "SupplierInvoiceIsCreditMemo")},
          {"to_SupplierInvoiceItemGLAcct", std::move(items)},
          {"to_SupplierInvoiceTax", taxes}};
}

std::string invoice_pointer(std::string_view property) {
  static const std::pair<std::string_view, std::string_view> table[] = {
      {"SupplierInvoiceIDByInvcgParty", "/invoice_number"},
      {"InvoicingParty", "/supplier"},
      {"CompanyCode", "/legal_entity"},
      {"DocumentDate", "/invoice_date"},
      {"PostingDate", "/posting_date"},
      {"DocumentCurrency", "/currency"},
      {"InvoiceGrossAmount", "/totals/gross"},
      {"PaymentTerms", "/payment_terms"},
      {"PaymentReference", "/payment_reference"},
      {"SupplierPostingLineItemText", "/notes"},
      {"GLAccount", "/lines"},
      {"SupplierInvoiceItemAmount", "/lines"},
      {"TaxCode", "/lines"}};
  for (const auto& [sap, pointer] : table) {
    if (property == sap) return std::string(pointer);
  }
  return "";
}

}  // namespace erpc::sap
