// SPDX-License-Identifier: Apache-2.0
// Invoice (payable) ↔ purchaseInvoice / purchaseCreditMemo (vendors.md §4.1; BANKING.md
// "Invoices, credit notes": a credit note is document_type credit_note with positive amounts,
// mapped to the BC purchase credit memo).
//   document_type invoice → purchaseInvoices; credit_note → purchaseCreditMemos
//   supplier → vendorId (external_refs.business_central) or vendorNumber (its number)
//   invoice_number → vendorInvoiceNumber (invoice) / externalDocumentNumber (credit memo),
//                    Code[35], refused when longer — the natural key with the vendor
//   invoice_date → invoiceDate / creditMemoDate   posting_date → postingDate   due_date → dueDate
//   currency → currencyCode ("" for the company's local currency, BC's convention)
//   lines[i] → lines (deep insert): lineType Account, account → lineObjectNumber (value map),
//              quantity (default 1) and unit_price (default net) → quantity, directUnitCost,
//              tax_code → taxCode (value map), description (≤ 100)
// BC computes line and document amounts itself; the create protocol compares its totals with
// the canonical ones before posting (purchase_document_create.cpp).
// Read back: net = amountExcludingTax, tax = totalTaxAmount, gross = amountIncludingTax.
#include "bc_mapping.hpp"
#include "mapping_support.hpp"

#include <erpc/adapters/exact_json.hpp>
#include <erpc/currency.hpp>

namespace erpc::bc {

using namespace mapping;

const document_entity& invoice_entity() {
  static const document_entity e{"purchaseInvoices", "purchaseInvoiceLines", "invoiceDate",
                                 "vendorInvoiceNumber", "purchase invoice"};
  return e;
}

const document_entity& credit_memo_entity() {
  static const document_entity e{"purchaseCreditMemos", "purchaseCreditMemoLines",
                                 "creditMemoDate", "externalDocumentNumber",
                                 "purchase credit memo"};
  return e;
}

purchase_document invoice_to_vendor(const nlohmann::json& p, const connection_config& config) {
  fields.refuse_unknown(p,
                 {"id", "external_refs", "source", "document_type", "direction", "legal_entity",
                  "supplier", "invoice_number", "invoice_date", "posting_date", "due_date",
                  "currency", "lines", "totals", "rounding_tolerance", "created_at", "updated_at",
                  "etag"},
                 "", "Business Central purchase documents through this adapter do not carry this field");
  if (fields.required_text(p, "direction", "/direction") != "payable") {
    fields.unsupported("/direction", "only payable invoices (BC purchase documents) are offered");
  }
  const auto type = fields.required_text(p, "document_type", "/document_type");
  if (type != "invoice" && type != "credit_note") {
    fields.invalid("/document_type", "bc.document_type", "invoice or credit_note");
  }
  purchase_document out;
  out.entity = type == "invoice" ? &invoice_entity() : &credit_memo_entity();
  const auto& e = *out.entity;
  if (auto le = fields.text(p, "legal_entity", "/legal_entity")) {
    if (!config.legal_entity.empty() && *le != config.legal_entity) {
      fields.invalid("/legal_entity", "bc.legal_entity",
              "this connection is the company of legal entity " + config.legal_entity);
    }
  }
  auto& body = out.body;
  body = nlohmann::json::object();
  const auto supplier = p.find("supplier");
  if (supplier == p.end() || !supplier->is_object()) fields.invalid("/supplier", "bc.required", "required");
  if (const auto id = party_ref(*supplier); !id.empty()) {
    body["vendorId"] = id;
  } else {
    const auto number = fields.text(*supplier, "number", "/supplier/number").value_or("");
    if (number.empty()) {
      fields.invalid("/supplier", "bc.party_unidentified", "needs external_refs.business_central or number");
    }
    body["vendorNumber"] = fields.fits(number, 20, "/supplier/number", "Buy-from Vendor No.");
  }
  body[e.reference] = fields.fits(fields.required_text(p, "invoice_number", "/invoice_number"), 35,
                           "/invoice_number", e.reference);
  body[e.date_field] = fields.date_text(p, "invoice_date", "/invoice_date", true);
  const auto posting = fields.date_text(p, "posting_date", "/posting_date", false);
  body["postingDate"] = posting.empty() ? body[e.date_field].get<std::string>() : posting;
  if (auto due = fields.date_text(p, "due_date", "/due_date", false); !due.empty()) body["dueDate"] = due;
  const auto currency = fields.required_text(p, "currency", "/currency");
  body["currencyCode"] = currency == config.local_currency
                             ? std::string()
                             : fields.fits(mapped(config.maps.currencies, currency, "/currency"), 10,
                                    "/currency", "Currency Code");
  if (!p.contains("totals") || !p["totals"].is_object()) fields.invalid("/totals", "bc.required", "required");
  (void)fields.money_amount(p["totals"].value("gross", nlohmann::json()), "/totals/gross", currency);

  const auto lines = p.find("lines");
  if (lines == p.end() || !lines->is_array() || lines->empty()) {
    fields.invalid("/lines", "bc.required", "at least one line");
  }
  nlohmann::json items = nlohmann::json::array();
  for (std::size_t i = 0; i < lines->size(); ++i) {
    const auto& line = (*lines)[i];
    const std::string at = "/lines/" + std::to_string(i);
    fields.refuse_unknown(line, {"line_number", "description", "quantity", "unit_price", "net", "tax",
                          "gross", "tax_code", "account"},
                   at, "BC G/L account lines through this adapter do not carry this field");
    const auto net = fields.money_amount(line.value("net", nlohmann::json()), at + "/net", currency);
    (void)fields.money_amount(line.value("tax", nlohmann::json()), at + "/tax", currency);
    (void)fields.money_amount(line.value("gross", nlohmann::json()), at + "/gross", currency);
    const auto quantity = fields.decimal_text(line, "quantity", at + "/quantity").value_or(decimal::from_int(1));
    const auto price = fields.decimal_text(line, "unit_price", at + "/unit_price").value_or(net);
    const int digits = currency_minor_units(currency).value_or(2);
    if (quantity.multiply(price, digits, rounding::half_up) != net) {
      fields.invalid(at + "/net", "bc.line_amount", "net must be quantity × unit_price (BC computes it)");
    }
    nlohmann::json item = {
        {"lineType", "Account"},
        {"lineObjectNumber",
         fields.fits(mapped(config.maps.accounts, fields.required_text(line, "account", at + "/account"),
                     at + "/account"),
              20, at + "/account", "No.")},
        {"quantity", adapters::make_decimal(quantity)},
        {"directUnitCost", adapters::make_decimal(price)}};
    if (auto code = fields.text(line, "tax_code", at + "/tax_code")) {
      item["taxCode"] = fields.fits(mapped(config.maps.tax_codes, *code, at + "/tax_code"), 20,
                             at + "/tax_code", "VAT Prod. Posting Group");
    }
    if (auto d = fields.text(line, "description", at + "/description")) {
      item["description"] = fields.fits(*d, 100, at + "/description", "Description");
    }
    items.push_back(std::move(item));
  }
  body[e.lines] = std::move(items);
  return out;
}

nlohmann::json invoice_from_vendor(const nlohmann::json& r, const document_entity& e,
                                   const connection_config& config) {
  const auto id = string_member(r, "id");
  if (id.empty()) {
    throw error(error_class::internal, "bc.malformed_response",
                std::string("a Business Central ") + e.label + " without id")
        .with_effect(effect::none);
  }
  const auto bc_currency = string_member(r, "currencyCode");
  const auto currency = bc_currency.empty() ? config.local_currency
                                            : code_for(config.maps.currencies, bc_currency, "currency");
  if (currency.empty()) {
    throw error(error_class::configuration, "bc.local_currency",
                "the Business Central document " + id +
                    " is in the local currency and the connection names none (local_currency)");
  }
  const bool credit = std::string(e.entity_set) == "purchaseCreditMemos";
  nlohmann::json doc = {
      {"id", id},
      {"external_refs", {{ref_key, id}}},
      {"source", {{"system", "business_central"}, {"id", std::string(e.entity_set) + "/" + id}}},
      {"document_type", credit ? "credit_note" : "invoice"},
      {"direction", "payable"},
      {"document_number", string_member(r, "number")},
      {"invoice_number", string_member(r, e.reference).empty() ? string_member(r, "number") : string_member(r, e.reference)},
      {"invoice_date", string_member(r, e.date_field)},
      {"currency", currency}};
  if (const auto posting = string_member(r, "postingDate"); !posting.empty()) doc["posting_date"] = posting;
  if (const auto due = string_member(r, "dueDate"); !due.empty()) doc["due_date"] = due;
  if (!config.legal_entity.empty()) doc["legal_entity"] = config.legal_entity;
  nlohmann::json supplier = {{"number", string_member(r, "vendorNumber")}};
  if (const auto vid = string_member(r, "vendorId"); !vid.empty()) supplier["external_refs"] = {{ref_key, vid}};
  if (const auto name = string_member(r, "vendorName"); !name.empty()) supplier["name"] = name;
  doc["supplier"] = supplier;
  nlohmann::json lines = nlohmann::json::array();
  const auto it = r.find(e.lines);
  decimal net_total, tax_total, gross_total;
  std::int64_t n = 0;
  for (const auto& line : it != r.end() && it->is_array() ? *it : nlohmann::json::array()) {
    if (string_member(line, "lineType") == "Comment") continue;
    const auto net = decimal_member(line, "amountExcludingTax");
    const auto tax = decimal_member(line, "totalTaxAmount");
    const auto gross = decimal_member(line, "amountIncludingTax");
    net_total += net;
    tax_total += tax;
    gross_total += gross;
    nlohmann::json l = {{"line_number", ++n},
                        {"quantity", decimal_member(line, "quantity").to_string()},
                        {"unit_price", decimal_member(line, "directUnitCost").to_string()},
                        {"net", money_json(net, currency)},
                        {"tax", money_json(tax, currency)},
                        {"gross", money_json(gross, currency)}};
    if (const auto a = string_member(line, "lineObjectNumber"); !a.empty()) {
      l["account"] = code_for(config.maps.accounts, a, "G/L account");
    }
    if (const auto t = string_member(line, "taxCode"); !t.empty()) {
      l["tax_code"] = code_for(config.maps.tax_codes, t, "tax code");
    }
    if (const auto d = string_member(line, "description"); !d.empty()) l["description"] = d;
    lines.push_back(std::move(l));
  }
  if (it != r.end()) doc["lines"] = std::move(lines);
  const bool has_totals = r.contains("totalAmountIncludingTax");
  doc["totals"] = {
      {"net", money_json(has_totals ? decimal_member(r, "totalAmountExcludingTax") : net_total, currency)},
      {"tax", money_json(has_totals ? decimal_member(r, "totalTaxAmount") : tax_total, currency)},
      {"gross", money_json(has_totals ? decimal_member(r, "totalAmountIncludingTax") : gross_total, currency)}};
  if (const auto etag = string_member(r, "@odata.etag"); !etag.empty()) doc["etag"] = etag;
  return doc;
}

nlohmann::json invoice_compared_fields(const nlohmann::json& d, const document_entity& e,
                                       const nlohmann::json& sent) {
  nlohmann::json out = nlohmann::json::object();
  // Header fields the create names (the vendor by the member it was named with).
  for (const auto& [name, value] : sent.items()) {
    if (name == e.lines) continue;
    out[name] = string_member(d, name.c_str());
  }
  nlohmann::json lines = nlohmann::json::array();
  const auto it = d.find(e.lines);
  for (const auto& line : it != d.end() && it->is_array() ? *it : nlohmann::json::array()) {
    if (string_member(line, "lineType") == "Comment") continue;
    lines.push_back({{"lineObjectNumber", string_member(line, "lineObjectNumber")},
                     {"quantity", decimal_member(line, "quantity").normalized().to_string()},
                     {"directUnitCost", decimal_member(line, "directUnitCost").normalized().to_string()},
                     {"taxCode", string_member(line, "taxCode")}});
  }
  out["lines"] = std::move(lines);
  return out;
}

}  // namespace erpc::bc
