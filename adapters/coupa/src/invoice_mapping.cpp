// SPDX-License-Identifier: Apache-2.0
// Invoice (payable) ↔ Coupa `invoices` with inline `invoice-lines` (vendors.md §10.1; field
// names hyphenated).
//   supplier → supplier{id} (by external_refs.coupa, else by number, else by name); read back
//              as {name, number, external_refs.coupa}
//   invoice_number → invoice-number (natural key with the supplier)
//   invoice_date → invoice-date (read: its date part)     currency → currency{code}
//   document_type invoice|credit_note → document-type Invoice|Credit Note; a credit note's
//   amounts are sent negative and read back positive (the contract's credit notes are positive,
//   BANKING.md; Coupa's sign convention is unconfirmed, the simulator accepts either)
//   lines[k] → invoice-lines[k]: line-num k+1, total = net, tax-amount = tax, account{code} =
//              account (value_maps.accounts when the connection has one), description
//   totals.gross must be Σ gross; read back, totals are the lines' sums.
// Receivable invoices are UNSUPPORTED. Not carried (UNSUPPORTED): legal_entity, customer,
// document_number, original_invoice, posting_date, due_date, payment_terms, remit_to,
// payment_reference, payment_block, po_references, tax_lines, withholding, dimensions,
// amount_payable, line item/quantity/unit_price/unit_of_measure/tax_code/po_reference/dimensions.
// notes is display-only and not sent.
#include "mapping_support.hpp"
#include "resource_mapping.hpp"

#include <erpc/adapters/exact_json.hpp>

#include <algorithm>

namespace erpc::coupa {

namespace {

using namespace mapping;
using adapters::make_decimal;

nlohmann::json member(const nlohmann::json& o, const char* name) {
  return o.is_object() && o.contains(name) ? o[name] : nlohmann::json();
}

std::string date_part(const std::string& text) { return text.substr(0, std::min<std::size_t>(10, text.size())); }

class invoice_mapping final : public resource_mapping {
 public:
  std::string_view object() const noexcept override { return "Invoice"; }
  std::string_view resource() const noexcept override { return "invoices"; }

  nlohmann::json to_vendor(const nlohmann::json& p, mapping_context& ctx) const override {
    if (fields.required_text(p, "direction", "/direction") != "payable") {
      fields.unsupported("/direction", "only payable invoices are offered");
    }
    const auto type = fields.required_text(p, "document_type", "/document_type");
    if (type != "invoice" && type != "credit_note") fields.invalid("/document_type", "coupa.document_type", "invoice or credit_note");
    fields.refuse_present(p, {"legal_entity", "customer", "document_number", "original_invoice", "posting_date", "due_date",
                       "payment_terms", "remit_to", "payment_reference", "payment_block", "payment_block_reason",
                       "po_references", "tax_lines", "withholding", "dimensions", "amount_payable"},
                   "", "is not carried to a Coupa invoice by this adapter");
    const bool credit = type == "credit_note";
    const auto currency = fields.required_text(p, "currency", "/currency");
    if (!p.contains("supplier")) fields.invalid("/supplier", "coupa.required", "required");
    const auto supplier = ctx.supplier(p["supplier"], "/supplier");
    nlohmann::json body = nlohmann::json::object();
    body["invoice-number"] = fields.required_text(p, "invoice_number", "/invoice_number");
    body["invoice-date"] = fields.required_text(p, "invoice_date", "/invoice_date");
    body["currency"] = {{"code", currency}};
    body["supplier"] = {{"id", supplier.at("id")}};
    body["document-type"] = credit ? "Credit Note" : "Invoice";
    const auto lines = p.find("lines");
    if (lines == p.end() || !lines->is_array() || lines->empty()) fields.invalid("/lines", "coupa.required", "at least one line");
    auto signed_amount = [credit](const decimal& d) { return make_decimal(credit ? -d : d); };
    nlohmann::json out = nlohmann::json::array();
    decimal gross_total;
    for (std::size_t i = 0; i < lines->size(); ++i) {
      const auto& line = (*lines)[i];
      const std::string at = "/lines/" + std::to_string(i);
      fields.refuse_present(line, {"item", "quantity", "unit_price", "unit_of_measure", "tax_code", "po_reference", "dimensions"},
                     at, "is not carried to a Coupa invoice line by this adapter");
      const auto net = fields.money_amount(member(line, "net"), at + "/net", currency);
      const auto tax = fields.money_amount(member(line, "tax"), at + "/tax", currency);
      const auto gross = fields.money_amount(member(line, "gross"), at + "/gross", currency);
      if (net + tax != gross) fields.invalid(at + "/gross", "coupa.gross_mismatch", "gross must be net + tax");
      gross_total += gross;
      nlohmann::json l = {{"line-num", static_cast<std::int64_t>(i + 1)},
                          {"total", signed_amount(net)},
                          {"tax-amount", signed_amount(tax)}};
      if (auto account = fields.text(line, "account", at + "/account")) {
        std::string code = *account;
        if (!ctx.config.accounts.empty()) {
          const auto it = ctx.config.accounts.find(*account);
          if (it == ctx.config.accounts.end()) {
            fields.invalid(at + "/account", "coupa.unmapped_value",
                    "'" + *account + "' has no Coupa account in value_maps.accounts of this connection");
          }
          code = it->second;
        }
        l["account"] = {{"code", code}};
      }
      if (auto v = fields.text(line, "description", at + "/description")) l["description"] = *v;
      out.push_back(std::move(l));
    }
    if (const auto totals = p.find("totals"); totals != p.end() && totals->contains("gross")) {
      if (fields.money_amount((*totals)["gross"], "/totals/gross", currency) != gross_total) {
        fields.invalid("/totals/gross", "coupa.total_mismatch", "totals.gross must be the sum of the lines' gross");
      }
    }
    body["invoice-lines"] = std::move(out);
    return body;
  }

  nlohmann::json from_vendor(const nlohmann::json& r, const connection_config& config) const override {
    const auto id = vendor_id_of(r);
    const bool credit = text_of(r, "document-type") == "Credit Note";
    const auto currency = text_of(member(r, "currency"), "code");
    if (currency.empty()) throw malformed_response("the invoice " + id + " has no currency code", call_kind::read, 200);
    auto unsign = [credit](const decimal& d) { return credit ? -d : d; };
    nlohmann::json doc = {{"id", id},
                          {"external_refs", {{"coupa", id}}},
                          {"source", {{"system", "coupa"}, {"id", "invoices/" + id}}},
                          {"document_type", credit ? "credit_note" : "invoice"},
                          {"direction", "payable"},
                          {"invoice_number", text_of(r, "invoice-number")},
                          {"invoice_date", date_part(text_of(r, "invoice-date"))},
                          {"currency", currency}};
    const auto s = member(r, "supplier");
    nlohmann::json supplier = nlohmann::json::object();
    if (auto n = text_of(s, "name"); !n.empty()) supplier["name"] = n;
    if (auto n = text_of(s, "number"); !n.empty()) supplier["number"] = n;
    if (auto sid = text_of(s, "id"); !sid.empty()) supplier["external_refs"] = {{"coupa", sid}};
    doc["supplier"] = supplier;
    std::vector<nlohmann::json> sorted;
    if (const auto it = r.find("invoice-lines"); it != r.end() && it->is_array()) sorted.assign(it->begin(), it->end());
    auto number = [](const nlohmann::json& l) {
      const auto n = l.find("line-num");
      return n != l.end() && n->is_number_integer() ? n->get<std::int64_t>() : 0;
    };
    std::stable_sort(sorted.begin(), sorted.end(), [&](const auto& a, const auto& b) { return number(a) < number(b); });
    decimal net_total, tax_total;
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& item : sorted) {
      const auto net = unsign(fields.read_amount(item, "total").value_or(decimal{}));
      const auto tax = unsign(fields.read_amount(item, "tax-amount").value_or(decimal{}));
      net_total += net;
      tax_total += tax;
      nlohmann::json line = {{"line_number", static_cast<std::int64_t>(lines.size() + 1)},
                             {"net", money_json(net, currency)},
                             {"tax", money_json(tax, currency)},
                             {"gross", money_json(net + tax, currency)}};
      if (auto code = text_of(member(item, "account"), "code"); !code.empty()) {
        line["account"] = code;
        for (const auto& [canonical, coupa_code] : config.accounts) {
          if (coupa_code == code) line["account"] = canonical;
        }
      }
      if (auto d = text_of(item, "description"); !d.empty()) line["description"] = d;
      lines.push_back(std::move(line));
    }
    if (lines.empty()) throw malformed_response("the invoice " + id + " has no invoice-lines", call_kind::read, 200);
    doc["lines"] = std::move(lines);
    doc["totals"] = {{"net", money_json(net_total, currency)},
                     {"tax", money_json(tax_total, currency)},
                     {"gross", money_json(net_total + tax_total, currency)}};
    return doc;
  }

  query_params natural_query(const nlohmann::json& body) const override {
    return {{"invoice-number", text_of(body, "invoice-number")},
            {"supplier[id]", text_of(member(body, "supplier"), "id")}};
  }

  std::string natural_key(const nlohmann::json& body) const override {
    return "supplier " + text_of(member(body, "supplier"), "id") + " / " + text_of(body, "invoice-number");
  }

  nlohmann::json compared_fields(const nlohmann::json& b) const override {
    std::vector<nlohmann::json> lines;
    if (const auto it = b.find("invoice-lines"); it != b.end() && it->is_array()) {
      for (const auto& l : *it) {
        lines.push_back({{"line-num", norm_text(member(l, "line-num"))},
                         {"total", norm_amount(member(l, "total"))},
                         {"tax-amount", norm_amount(l.contains("tax-amount") ? l["tax-amount"] : nlohmann::json("0"))},
                         {"account", norm_text(member(member(l, "account"), "code"))}});
      }
    }
    std::sort(lines.begin(), lines.end(), [](const auto& x, const auto& y) { return x["line-num"].dump() < y["line-num"].dump(); });
    return {{"supplier", norm_text(member(member(b, "supplier"), "id"))},
            {"invoice-number", norm_text(member(b, "invoice-number"))},
            {"invoice-date", date_part(text_of(b, "invoice-date"))},
            {"currency", norm_text(member(member(b, "currency"), "code"))},
            {"document-type", b.contains("document-type") ? norm_text(b["document-type"]) : nlohmann::json("Invoice")},
            {"invoice-lines", lines}};
  }

  std::string pointer_for(std::string_view field) const override {
    if (auto i = item_index(field, "invoice-lines[")) {
      const std::string at = "/lines/" + std::to_string(*i);
      const auto rest = field.substr(field.find(']') + 1);
      if (rest == ".total") return at + "/net";
      if (rest == ".tax-amount") return at + "/tax";
      if (rest.rfind(".account", 0) == 0) return at + "/account";
      if (rest == ".description") return at + "/description";
      return at;
    }
    static const std::pair<std::string_view, std::string_view> table[] = {
        {"invoice-number", "/invoice_number"}, {"invoice-date", "/invoice_date"}, {"currency", "/currency"},
        {"supplier", "/supplier"},             {"document-type", "/document_type"}, {"invoice-lines", "/lines"}};
    for (const auto& [vendor, pointer] : table) {
      if (field == vendor) return std::string(pointer);
    }
    return "";
  }
};

}  // namespace

std::unique_ptr<resource_mapping> make_invoice_mapping() { return std::make_unique<invoice_mapping>(); }

}  // namespace erpc::coupa
