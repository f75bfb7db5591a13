// SPDX-License-Identifier: Apache-2.0
// Invoice (payable) ↔ Fusion `invoices` with the `invoiceLines` child (vendors.md §3.1).
//   supplier → Supplier (its name: by external_refs.oracle_fusion = SupplierId, by number =
//              SupplierNumber, else the party's name)      SupplierSite ← connection supplier_site
//   invoice_number → InvoiceNumber (natural key with the supplier, §3.3)
//   invoice_date → InvoiceDate    posting_date → AccountingDate     currency → InvoiceCurrency
//   legal_entity → BusinessUnit (value map, else default_business_unit)
//   payment_terms.code → PaymentTerms (value map)      notes → Description
//   document_type invoice → InvoiceType Standard; credit_note → Credit Memo with every amount
//   negated (Oracle credit memos carry negative amounts; BANKING.md), positive again on reads
//   InvoiceAmount = Σ gross (= totals.gross, VALIDATION otherwise)
//   lines[k] → two invoiceLines: LineNumber 2k+1 LineType Item (LineAmount = net,
//              DistributionCombination = account via value map, TaxClassification = tax_code
//              via value map, Description), and LineNumber 2k+2 LineType Tax (LineAmount = tax,
//              TaxClassification). Read back, a Tax line belongs to the Item line before it.
// Receivable invoices are UNSUPPORTED. Not carried (UNSUPPORTED): customer, document_number,
// original_invoice, due_date, remit_to, payment_reference, payment_block, po_references,
// tax_lines, withholding, dimensions, line item/quantity/unit_price/unit_of_measure/
// po_reference/dimensions.
#include "mapping_support.hpp"
#include "resource_api.hpp"
#include "resource_mapping.hpp"

#include <erpc/adapters/exact_json.hpp>

#include <algorithm>

namespace erpc::oracle_fusion {

namespace {

using namespace mapping;
using adapters::make_decimal;

class invoice_mapping final : public resource_mapping {
 public:
  std::string_view object() const noexcept override { return "Invoice"; }
  std::string_view resource() const noexcept override { return "invoices"; }
  std::string_view child() const noexcept override { return "invoiceLines"; }
  std::string_view id_attribute() const noexcept override { return "InvoiceId"; }

  nlohmann::json to_vendor(const nlohmann::json& p, mapping_context& ctx) const override {
    if (fields.required_text(p, "direction", "/direction") != "payable") {
      fields.unsupported("/direction", "only payable invoices are offered");
    }
    const auto type = fields.required_text(p, "document_type", "/document_type");
    if (type != "invoice" && type != "credit_note") {
      fields.invalid("/document_type", "oracle_fusion.document_type", "invoice or credit_note");
    }
    fields.refuse_present(p, {"customer", "document_number", "original_invoice", "due_date", "remit_to",
                       "payment_reference", "payment_block", "payment_block_reason",
                       "po_references", "tax_lines", "withholding", "dimensions"},
                   "", "is not carried to an Oracle Fusion invoice by this adapter");
    const bool credit = type == "credit_note";
    const auto currency = fields.required_text(p, "currency", "/currency");
    if (!p.contains("supplier")) fields.invalid("/supplier", "oracle_fusion.required", "required");
    const auto supplier = ctx.supplier(p["supplier"], "/supplier");
    nlohmann::json body = nlohmann::json::object();
    body["InvoiceNumber"] = fields.required_text(p, "invoice_number", "/invoice_number");
    body["InvoiceCurrency"] = currency;
    body["InvoiceDate"] = fields.required_text(p, "invoice_date", "/invoice_date");
    if (auto v = fields.text(p, "posting_date", "/posting_date")) body["AccountingDate"] = *v;
    body["BusinessUnit"] = business_unit(p, ctx.config);
    body["Supplier"] = supplier.value("Supplier", "");
    if (!ctx.config.supplier_site.empty()) body["SupplierSite"] = ctx.config.supplier_site;
    body["InvoiceType"] = credit ? "Credit Memo" : "Standard";
    if (const auto it = p.find("payment_terms"); it != p.end() && it->is_object()) {
      body["PaymentTerms"] = mapped(ctx.config.maps.payment_terms,
                                    fields.required_text(*it, "code", "/payment_terms/code"),
                                    "/payment_terms/code");
    }
    if (auto v = fields.text(p, "notes", "/notes")) body["Description"] = *v;
    const auto lines = p.find("lines");
    if (lines == p.end() || !lines->is_array() || lines->empty()) {
      fields.invalid("/lines", "oracle_fusion.required", "at least one line");
    }
    const int sign = credit ? -1 : 1;
    auto signed_amount = [sign](const decimal& d) { return make_decimal(sign < 0 ? -d : d); };
    nlohmann::json out = nlohmann::json::array();
    decimal gross_total;
    for (std::size_t i = 0; i < lines->size(); ++i) {
      const auto& line = (*lines)[i];
      const std::string at = "/lines/" + std::to_string(i);
      fields.refuse_present(line, {"item", "quantity", "unit_price", "unit_of_measure", "po_reference", "dimensions"},
                     at, "is not carried to an Oracle Fusion invoice line by this adapter");
      const auto net = fields.money_amount(line.value("net", nlohmann::json()), at + "/net", currency);
      const auto tax = fields.money_amount(line.value("tax", nlohmann::json()), at + "/tax", currency);
      const auto gross = fields.money_amount(line.value("gross", nlohmann::json()), at + "/gross", currency);
      if (net + tax != gross) {
        fields.invalid(at + "/gross", "oracle_fusion.gross_mismatch", "gross must be net + tax");
      }
      gross_total += gross;
      nlohmann::json item = {{"LineNumber", static_cast<std::int64_t>(2 * i + 1)},
                             {"LineType", "Item"},
                             {"LineAmount", signed_amount(net)}};
      item["DistributionCombination"] =
          mapped(ctx.config.maps.accounts, fields.required_text(line, "account", at + "/account"),
                 at + "/account");
      std::string tax_class;
      if (auto v = fields.text(line, "tax_code", at + "/tax_code")) {
        tax_class = mapped(ctx.config.maps.tax_codes, *v, at + "/tax_code");
        item["TaxClassification"] = tax_class;
      }
      if (auto v = fields.text(line, "description", at + "/description")) item["Description"] = *v;
      out.push_back(std::move(item));
      nlohmann::json tax_line = {{"LineNumber", static_cast<std::int64_t>(2 * i + 2)},
                                 {"LineType", "Tax"},
                                 {"LineAmount", signed_amount(tax)}};
      if (!tax_class.empty()) tax_line["TaxClassification"] = tax_class;
      out.push_back(std::move(tax_line));
    }
    if (const auto totals = p.find("totals"); totals != p.end() && totals->contains("gross")) {
      if (fields.money_amount((*totals)["gross"], "/totals/gross", currency) != gross_total) {
        fields.invalid("/totals/gross", "oracle_fusion.total_mismatch", "totals.gross must be the sum of the lines' gross");
      }
    }
    body["InvoiceAmount"] = signed_amount(gross_total);
    body["invoiceLines"] = std::move(out);
    return body;
  }

  nlohmann::json from_vendor(const nlohmann::json& r, const connection_config& config) const override {
    const auto id = vendor_id_of(*this, r);
    const bool credit = text_of(r, "InvoiceType") == "Credit Memo";
    const auto currency = text_of(r, "InvoiceCurrency");
    if (currency.empty()) {
      throw error(error_class::internal, "oracle_fusion.malformed_response",
                  "the Oracle Fusion invoice " + id + " has no InvoiceCurrency");
    }
    auto unsign = [credit](const decimal& d) { return credit ? -d : d; };
    nlohmann::json doc = {
        {"id", id},
        {"external_refs", {{"oracle_fusion", id}}},
        {"source", {{"system", "oracle_fusion"}, {"id", "invoices/" + id}}},
        {"document_type", credit ? "credit_note" : "invoice"},
        {"direction", "payable"},
        {"invoice_number", text_of(r, "InvoiceNumber")},
        {"invoice_date", text_of(r, "InvoiceDate")},
        {"currency", currency}};
    nlohmann::json supplier = {{"name", text_of(r, "Supplier")}};
    if (auto n = text_of(r, "SupplierNumber"); !n.empty()) supplier["number"] = n;
    doc["supplier"] = supplier;
    if (auto a = text_of(r, "AccountingDate"); !a.empty() && a != text_of(r, "InvoiceDate")) {
      doc["posting_date"] = a;
    }
    if (auto le = legal_entity_of(text_of(r, "BusinessUnit"), config)) doc["legal_entity"] = *le;
    if (auto t = text_of(r, "PaymentTerms"); !t.empty()) {
      doc["payment_terms"] = {{"code", code_for(config.maps.payment_terms, t, "payment terms")}};
    }
    if (auto d = text_of(r, "Description"); !d.empty()) doc["notes"] = d;
    std::vector<nlohmann::json> sorted;
    if (const auto it = r.find("invoiceLines"); it != r.end() && it->is_array()) {
      sorted.assign(it->begin(), it->end());
    }
    auto number = [](const nlohmann::json& l) {
      const auto n = l.find("LineNumber");
      return n != l.end() && n->is_number_integer() ? n->get<std::int64_t>() : 0;
    };
    std::stable_sort(sorted.begin(), sorted.end(),
                     [&](const auto& a, const auto& b) { return number(a) < number(b); });
    decimal net_total, tax_total;
    nlohmann::json lines = nlohmann::json::array();
    for (std::size_t i = 0; i < sorted.size(); ++i) {
      const auto& item = sorted[i];
      const auto type = text_of(item, "LineType");
      if (type == "Tax") {
        if (lines.empty()) {
          // A Tax line with no Item before it: its amount still belongs to the invoice.
          tax_total += unsign(fields.read_amount(item, "LineAmount").value_or(decimal{}));
        }
        continue;
      }
      const auto net = unsign(fields.read_amount(item, "LineAmount").value_or(decimal{}));
      decimal tax;
      if (i + 1 < sorted.size() && text_of(sorted[i + 1], "LineType") == "Tax") {
        tax = unsign(fields.read_amount(sorted[i + 1], "LineAmount").value_or(decimal{}));
      }
      net_total += net;
      tax_total += tax;
      nlohmann::json line = {{"line_number", static_cast<std::int64_t>(lines.size() + 1)},
                             {"net", money_json(net, currency)},
                             {"tax", money_json(tax, currency)},
                             {"gross", money_json(net + tax, currency)}};
      if (auto dc = text_of(item, "DistributionCombination"); !dc.empty()) {
        line["account"] = code_for(config.maps.accounts, dc, "distribution combination");
      }
      if (auto tc = text_of(item, "TaxClassification"); !tc.empty()) {
        line["tax_code"] = code_for(config.maps.tax_codes, tc, "tax classification");
      }
      if (auto d = text_of(item, "Description"); !d.empty()) line["description"] = d;
      lines.push_back(std::move(line));
    }
    doc["lines"] = std::move(lines);
    doc["totals"] = {{"net", money_json(net_total, currency)},
                     {"tax", money_json(tax_total, currency)},
                     {"gross", money_json(net_total + tax_total, currency)}};
    return doc;
  }

  std::string natural_query(const nlohmann::json& body) const override {
    return "InvoiceNumber=" + q_value(text_of(body, "InvoiceNumber"), "/invoice_number") +
           ";Supplier=" + q_value(text_of(body, "Supplier"), "/supplier");
  }

  std::string natural_key(const nlohmann::json& body) const override {
    return text_of(body, "Supplier") + "/" + text_of(body, "InvoiceNumber");
  }

  nlohmann::json compared_fields(const nlohmann::json& b) const override {
    auto member = [](const nlohmann::json& o, const char* name) {
      return o.is_object() && o.contains(name) ? o[name] : nlohmann::json();
    };
    std::vector<nlohmann::json> lines;
    if (const auto it = b.find("invoiceLines"); it != b.end() && it->is_array()) {
      for (const auto& l : *it) {
        lines.push_back({{"LineNumber", norm_text(member(l, "LineNumber"))},
                         {"LineType", norm_text(member(l, "LineType"))},
                         {"LineAmount", norm_amount(member(l, "LineAmount"))},
                         {"DistributionCombination", norm_text(member(l, "DistributionCombination"))},
                         {"TaxClassification", norm_text(member(l, "TaxClassification"))}});
      }
    }
    std::sort(lines.begin(), lines.end(), [](const auto& x, const auto& y) {
      return x["LineNumber"].dump() < y["LineNumber"].dump();
    });
    return {{"Supplier", norm_text(member(b, "Supplier"))},
            {"InvoiceNumber", norm_text(member(b, "InvoiceNumber"))},
            {"InvoiceDate", norm_text(member(b, "InvoiceDate"))},
            {"InvoiceCurrency", norm_text(member(b, "InvoiceCurrency"))},
            {"InvoiceAmount", norm_amount(member(b, "InvoiceAmount"))},
            {"InvoiceType", norm_text(member(b, "InvoiceType"))},
            {"BusinessUnit", norm_text(member(b, "BusinessUnit"))},
            {"invoiceLines", lines}};
  }

  std::string pointer_for(std::string_view path) const override {
    if (auto i = item_index(path, "invoiceLines[")) {
      const std::string at = "/lines/" + std::to_string(*i / 2);
      const bool tax_line = *i % 2 == 1;
      const auto field = path.substr(path.find(']') + 1);
      if (field == ".LineAmount") return at + (tax_line ? "/tax" : "/net");
      if (field == ".DistributionCombination") return at + "/account";
      if (field == ".TaxClassification") return at + "/tax_code";
      if (field == ".Description") return at + "/description";
      return at;
    }
    static const std::pair<std::string_view, std::string_view> table[] = {
        {"Supplier", "/supplier"},          {"SupplierSite", "/supplier"},
        {"InvoiceNumber", "/invoice_number"}, {"InvoiceDate", "/invoice_date"},
        {"AccountingDate", "/posting_date"}, {"InvoiceCurrency", "/currency"},
        {"BusinessUnit", "/legal_entity"},  {"PaymentTerms", "/payment_terms/code"},
        {"Description", "/notes"},          {"InvoiceAmount", "/totals/gross"},
        {"InvoiceType", "/document_type"}};
    for (const auto& [vendor, pointer] : table) {
      if (path == vendor) return std::string(pointer);
    }
    return "";
  }
};

}  // namespace

std::unique_ptr<resource_mapping> make_invoice_mapping() {
  return std::make_unique<invoice_mapping>();
}

}  // namespace erpc::oracle_fusion
