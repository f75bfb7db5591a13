// SPDX-License-Identifier: Apache-2.0
// Invoice (payable) ↔ BILL `bills` (vendors.md §10.2).
//   supplier → vendorId (external_refs.bill = the vendor id, else the vendor's name)
//   invoice_number, invoice_date → invoiceNumber, invoiceDate: at the top level or inside an
//   `invoice` object, as the connection's invoice_fields says (§10.2: unconfirmed)
//   due_date → dueDate (required by BILL)
//   lines[k] → billLineItems[k]: amount = gross, description, chartOfAccountId = account via the
//   accounts value map. A BILL line item carries one amount, so a line's tax must be zero (send
//   tax as a line of its own); totals must add up.
//   currency must be the connection's; notes + the idempotency key → description (the memo).
// Natural key: vendorId + invoiceNumber, compared on dates, amount and line amounts.
// Credit notes (BILL vendor credits, a separate object) and receivables are UNSUPPORTED. Not
// carried (UNSUPPORTED): customer, document_number, original_invoice, posting_date,
// payment_terms, remit_to, payment_reference, payment_block, po_references, tax_lines,
// withholding, dimensions, amount_payable, rounding_tolerance; line item, quantity, unit_price,
// unit_of_measure, tax_code, po_reference, dimensions.
#include "key_memo.hpp"
#include "mapping_support.hpp"
#include "record_mapping.hpp"

#include <erpc/adapters/exact_json.hpp>

namespace erpc::bill {

namespace {

using namespace mapping;
using adapters::make_decimal;

bool nested_invoice(const nlohmann::json& r) {
  const auto it = r.find("invoice");
  return it != r.end() && it->is_object();
}

// invoiceNumber / invoiceDate from either shape (reads accept both).
std::string invoice_field(const nlohmann::json& r, const char* name) {
  if (nested_invoice(r)) return text_of(r["invoice"], name);
  return text_of(r, name);
}

class bill_mapping final : public record_mapping {
 public:
  std::string_view object() const noexcept override { return "Invoice"; }
  std::string_view resource() const noexcept override { return "bills"; }

  nlohmann::json to_vendor(const nlohmann::json& p, mapping_context& ctx) const override {
    if (required_text(p, "direction", "/direction") != "payable") {
      unsupported("/direction", "only payable invoices (BILL bills) are offered");
    }
    const auto type = required_text(p, "document_type", "/document_type");
    if (type == "credit_note") {
      unsupported("/document_type", "BILL vendor credits are not offered by this adapter");
    }
    if (type != "invoice") invalid("/document_type", "bill.document_type", "invoice");
    refuse_present(p, {"customer", "document_number", "original_invoice", "posting_date", "payment_terms",
                       "remit_to", "payment_reference", "payment_block", "payment_block_reason",
                       "po_references", "tax_lines", "withholding", "dimensions", "amount_payable",
                       "rounding_tolerance"},
                   "", "is not carried to a BILL bill by this adapter");
    const auto& config = ctx.config;
    if (auto le = text(p, "legal_entity", "/legal_entity"); le && *le != config.legal_entity) {
      invalid("/legal_entity", "bill.legal_entity", "this BILL organisation is legal entity '" + config.legal_entity + "'");
    }
    if (required_text(p, "currency", "/currency") != config.currency) {
      invalid("/currency", "bill.currency", "this BILL organisation's bills are in " + config.currency);
    }
    if (!p.contains("supplier")) invalid("/supplier", "bill.required", "required");
    nlohmann::json body = nlohmann::json::object();
    body["vendorId"] = ctx.vendor_id(p["supplier"], "/supplier");
    const nlohmann::json invoice = {{"invoiceNumber", required_text(p, "invoice_number", "/invoice_number")},
                                    {"invoiceDate", required_text(p, "invoice_date", "/invoice_date")}};
    if (config.invoice_shape == invoice_fields::nested) {
      body["invoice"] = invoice;
    } else {
      body.update(invoice);
    }
    body["dueDate"] = required_text(p, "due_date", "/due_date");
    const auto lines = p.find("lines");
    if (lines == p.end() || !lines->is_array() || lines->empty()) {
      invalid("/lines", "bill.required", "at least one line");
    }
    nlohmann::json items = nlohmann::json::array();
    decimal gross_total;
    for (std::size_t i = 0; i < lines->size(); ++i) {
      const auto& line = (*lines)[i];
      const std::string at = "/lines/" + std::to_string(i);
      refuse_present(line, {"item", "quantity", "unit_price", "unit_of_measure", "tax_code", "po_reference", "dimensions"},
                     at, "is not carried to a BILL bill line item by this adapter");
      const auto net = money_amount(line.value("net", nlohmann::json()), at + "/net", config);
      const auto tax = money_amount(line.value("tax", nlohmann::json()), at + "/tax", config);
      const auto gross = money_amount(line.value("gross", nlohmann::json()), at + "/gross", config);
      if (!tax.is_zero()) {
        unsupported(at + "/tax", "a BILL bill line item carries one amount: send tax as a line of its own");
      }
      if (net + tax != gross) invalid(at + "/gross", "bill.gross_mismatch", "gross must be net + tax");
      gross_total += gross;
      nlohmann::json item = {{"amount", make_decimal(gross)}};
      if (auto v = text(line, "description", at + "/description")) item["description"] = *v;
      if (auto v = text(line, "account", at + "/account")) {
        item["chartOfAccountId"] = mapped(config.accounts, *v, at + "/account", "chart of account");
      }
      items.push_back(std::move(item));
    }
    const auto totals = p.value("totals", nlohmann::json::object());
    if (totals.contains("gross") && money_amount(totals["gross"], "/totals/gross", config) != gross_total) {
      invalid("/totals/gross", "bill.total_mismatch", "totals.gross must be the sum of the lines' gross");
    }
    if (totals.contains("tax") && !money_amount(totals["tax"], "/totals/tax", config).is_zero()) {
      unsupported("/totals/tax", "a BILL bill carries no tax of its own: send tax as a line of its own");
    }
    body["billLineItems"] = std::move(items);
    body["description"] = memo_with_key(text(p, "notes", "/notes").value_or(""), ctx.idempotency_key);
    return body;
  }

  nlohmann::json from_vendor(const nlohmann::json& r, const connection_config& config) const override {
    auto doc = canonical_base(text_of(r, "id"));
    doc["document_type"] = "invoice";
    doc["direction"] = "payable";
    if (!config.legal_entity.empty()) doc["legal_entity"] = config.legal_entity;
    doc["supplier"] = {{"external_refs", {{"bill", text_of(r, "vendorId")}}}};
    doc["invoice_number"] = invoice_field(r, "invoiceNumber");
    doc["invoice_date"] = invoice_field(r, "invoiceDate");
    if (const auto due = text_of(r, "dueDate"); !due.empty()) doc["due_date"] = due;
    doc["currency"] = config.currency;
    nlohmann::json lines = nlohmann::json::array();
    decimal total;
    const auto items = r.find("billLineItems");
    if (items == r.end() || !items->is_array()) {
      throw error(error_class::internal, "bill.malformed_response", "a BILL bill has no billLineItems")
          .with_effect(effect::none);
    }
    for (std::size_t i = 0; i < items->size(); ++i) {
      const auto& item = (*items)[i];
      const auto amount = read_amount(item, "amount");
      total += amount;
      nlohmann::json line = {{"line_number", static_cast<std::int64_t>(i + 1)},
                             {"net", money_json(amount, config.currency)},
                             {"tax", money_json(decimal{}, config.currency)},
                             {"gross", money_json(amount, config.currency)}};
      if (const auto d = text_of(item, "description"); !d.empty()) line["description"] = d;
      if (const auto coa = text_of(item, "chartOfAccountId"); !coa.empty()) {
        if (auto code = config.accounts.code(coa)) line["account"] = *code;
      }
      lines.push_back(std::move(line));
    }
    doc["lines"] = std::move(lines);
    doc["totals"] = {{"net", money_json(total, config.currency)},
                     {"tax", money_json(decimal{}, config.currency)},
                     {"gross", money_json(total, config.currency)}};
    if (const auto notes = notes_of_memo(text_of(r, "description")); !notes.empty()) doc["notes"] = notes;
    return doc;
  }

  filter_list natural_filters(const nlohmann::json& body, const connection_config& config) const override {
    const bool nested = config.invoice_shape == invoice_fields::nested;
    return {{"vendorId", text_of(body, "vendorId")},
            {nested ? "invoice.invoiceNumber" : "invoiceNumber",
             filter_value(invoice_field(body, "invoiceNumber"), "/invoice_number")}};
  }

  bool bound_to_key() const noexcept override { return false; }

  nlohmann::json compared_fields(const nlohmann::json& body) const override {
    nlohmann::json amounts = nlohmann::json::array();
    decimal total;
    if (const auto items = body.find("billLineItems"); items != body.end() && items->is_array()) {
      for (const auto& item : *items) {
        auto d = adapters::to_decimal(item.value("amount", nlohmann::json()));
        amounts.push_back(d ? d->normalized().to_string() : std::string("?"));
        if (d) total += *d;
      }
    }
    return {{"vendorId", text_of(body, "vendorId")},
            {"invoiceNumber", invoice_field(body, "invoiceNumber")},
            {"invoiceDate", invoice_field(body, "invoiceDate")},
            {"dueDate", text_of(body, "dueDate")},
            {"amount", total.normalized().to_string()},
            {"lineAmounts", amounts}};
  }

  std::string pointer_for(std::string_view field) const override {
    if (field == "vendorId") return "/supplier";
    if (field == "invoiceNumber" || field == "invoice.invoiceNumber") return "/invoice_number";
    if (field == "invoiceDate" || field == "invoice.invoiceDate") return "/invoice_date";
    if (field == "dueDate") return "/due_date";
    if (field == "description") return "/notes";
    if (field == "billLineItems") return "/lines";
    if (const auto i = item_index(field, "billLineItems[")) {
      if (field.find("chartOfAccountId") != std::string_view::npos) return "/lines/" + std::to_string(*i) + "/account";
      if (field.find("description") != std::string_view::npos) return "/lines/" + std::to_string(*i) + "/description";
      return "/lines/" + std::to_string(*i) + "/gross";
    }
    return {};
  }
};

}  // namespace

std::unique_ptr<record_mapping> make_bill_mapping() { return std::make_unique<bill_mapping>(); }

}  // namespace erpc::bill
