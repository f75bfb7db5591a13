// SPDX-License-Identifier: Apache-2.0
// Invoice (payable) ↔ NetSuite `vendorBill`, credit note ↔ `vendorCredit` (vendors.md §1.1).
//   supplier → entity (by external_refs.netsuite, else by supplier number = vendor entityId)
//   invoice_number → tranId      invoice_date → tranDate      due_date → dueDate (bills)
//   currency → currency (value map)          legal_entity → subsidiary (value map)
//   payment_block → paymentHold (bills)     notes → memo
//   amount_open ← amountRemaining (bills, read back only: NetSuite's own bookkeeping)
//   lines[i] → expense.items[i]: account (value map, required), net → amount, tax → tax1Amt,
//              gross → grossAmt, tax_code → taxCode (value map), description → memo
// Read back, totals are the sums of the lines. Receivable invoices are UNSUPPORTED (this
// adapter covers accounts payable). Not carried: tax_lines, withholding, po_references,
// payment_reference, remit_to, posting_date, original_invoice (documented in README.md).
#include "mapping_support.hpp"
#include "record_mapping.hpp"

#include <erpc/adapters/exact_json.hpp>

namespace erpc::netsuite {

namespace {

using namespace mapping;

class invoice_mapping final : public record_mapping {
 public:
  std::string_view object() const noexcept override { return "Invoice"; }
  std::vector<std::string> record_types() const override { return {"vendorBill", "vendorCredit"}; }

  vendor_record to_vendor(const nlohmann::json& p, mapping_context& ctx) const override {
    const auto direction = required_text_at(p, "direction", "/direction");
    if (direction != "payable") {
      fields.unsupported("/direction", "only payable invoices (NetSuite vendor bills) are offered");
    }
    const auto type = required_text_at(p, "document_type", "/document_type");
    if (type != "invoice" && type != "credit_note") {
      fields.invalid("/document_type", "netsuite.document_type", "invoice or credit_note");
    }
    const bool credit = type == "credit_note";
    const auto currency = required_text_at(p, "currency", "/currency");
    // Members are placed into the body's map directly (as body["…"] = … would, without the
    // lookups and the copies initializer lists make); the body is the same DOM.
    nlohmann::json body(nlohmann::json::value_t::object);
    auto& members = *body.get_ptr<nlohmann::json::object_t*>();
    const auto supplier = p.find("supplier");
    if (supplier == p.end()) fields.invalid("/supplier", "netsuite.required", "required");
    members.emplace("entity", reference_id(ctx.resolve_supplier(*supplier, "/supplier")));
    members.emplace("tranId", required_text_at(p, "invoice_number", "/invoice_number"));
    members.emplace("tranDate", required_text_at(p, "invoice_date", "/invoice_date"));
    if (auto v = text_at(p, "due_date", "/due_date"); v && !credit) {
      members.emplace("dueDate", std::move(*v));
    }
    members.emplace("currency", reference(ctx.maps.currencies, currency, "/currency"));
    if (auto v = text_at(p, "legal_entity", "/legal_entity")) {
      members.emplace("subsidiary", reference(ctx.maps.subsidiaries, *v, "/legal_entity"));
    }
    if (const auto it = p.find("payment_block"); it != p.end() && it->is_boolean() && !credit) {
      members.emplace("paymentHold", it->get<bool>());
    }
    if (auto v = text_at(p, "notes", "/notes")) members.emplace("memo", std::move(*v));
    const auto lines = p.find("lines");
    if (lines == p.end() || !lines->is_array() || lines->empty()) {
      fields.invalid("/lines", "netsuite.required", "at least one line");
    }
    nlohmann::json items(nlohmann::json::value_t::array);
    auto& item_list = *items.get_ptr<nlohmann::json::array_t*>();
    item_list.reserve(lines->size());
    for (std::size_t i = 0; i < lines->size(); ++i) {
      const auto& line = (*lines)[i];
      const std::string at = "/lines/" + std::to_string(i);
      // Member pointers are built only where a reader needs one: for its error, or (text) to
      // hand it on. A line that is not an object is refused by required_text below.
      auto pointer = [&at](const char* member) { return at + member; };
      nlohmann::json item(nlohmann::json::value_t::object);
      auto& fields_of_item = *item.get_ptr<nlohmann::json::object_t*>();
      const auto account = required_text_lazy(line, "account", [&] { return pointer("/account"); });
      fields_of_item.emplace("account", reference_lazy(ctx.maps.accounts, account,
                                                       [&] { return pointer("/account"); }));
      // `line` is an object here (required_text refused anything else), so a missing member
      // reads as null, as value() gave, without copying each Money object.
      auto money_of = [&line](const char* name) -> const nlohmann::json& {
        static const nlohmann::json missing;
        const auto it = line.find(name);
        return it == line.end() ? missing : *it;
      };
      fields_of_item.emplace("amount", amount_node(money_of("net"), pointer("/net"), currency));
      fields_of_item.emplace("tax1Amt", amount_node(money_of("tax"), pointer("/tax"), currency));
      fields_of_item.emplace("grossAmt",
                             amount_node(money_of("gross"), pointer("/gross"), currency));
      if (auto v = text_lazy(line, "tax_code", [&] { return pointer("/tax_code"); })) {
        fields_of_item.emplace("taxCode", reference_lazy(ctx.maps.tax_codes, *v,
                                                         [&] { return pointer("/tax_code"); }));
      }
      if (auto v = text_lazy(line, "description", [&] { return pointer("/description"); })) {
        fields_of_item.emplace("memo", std::move(*v));
      }
      item_list.push_back(std::move(item));
    }
    nlohmann::json expense(nlohmann::json::value_t::object);
    expense.get_ptr<nlohmann::json::object_t*>()->emplace("items", std::move(items));
    members.emplace("expense", std::move(expense));
    return {credit ? "vendorCredit" : "vendorBill", std::move(body)};
  }

  nlohmann::json from_vendor(std::string_view record_type, const nlohmann::json& r,
                             const value_maps& maps) const override {
    const std::string id = ref_id(nlohmann::json{{"id", r.value("id", nlohmann::json())}}, "id");
    const bool credit = record_type == "vendorCredit";
    const auto currency_id = ref_id(r, "currency");
    const std::string currency =
        currency_id.empty() ? std::string() : code_for(maps.currencies, currency_id, "currency");
    if (currency.empty()) {
      throw error(error_class::internal, "netsuite.malformed_response",
                  "the NetSuite " + std::string(record_type) + " " + id + " has no currency");
    }
    nlohmann::json doc = {
        {"id", id},
        {"external_refs", {{"netsuite", id}}},
        {"source", {{"system", "netsuite"}, {"id", std::string(record_type) + "/" + id}}},
        {"document_type", credit ? "credit_note" : "invoice"},
        {"direction", "payable"},
        {"invoice_number", r.value("tranId", id)},
        {"invoice_date", r.value("tranDate", "")},
        {"currency", currency}};
    if (auto e = ref_id(r, "entity"); !e.empty()) {
      doc["supplier"] = {{"external_refs", {{"netsuite", e}}}};
    }
    if (r.contains("dueDate") && r["dueDate"].is_string()) doc["due_date"] = r["dueDate"];
    if (auto s = ref_id(r, "subsidiary"); !s.empty()) {
      doc["legal_entity"] = code_for(maps.subsidiaries, s, "subsidiary");
    }
    if (r.contains("paymentHold") && r["paymentHold"].is_boolean()) {
      doc["payment_block"] = r["paymentHold"];
    }
    if (r.contains("memo") && r["memo"].is_string()) doc["notes"] = r["memo"];
    decimal net, tax, gross;
    nlohmann::json lines = nlohmann::json::array();
    std::int64_t n = 0;
    for (const auto& item : sublist_items(r, "expense")) {
      const auto a = fields.read_amount(item, "amount").value_or(decimal{});
      const auto t = fields.read_amount(item, "tax1Amt").value_or(decimal{});
      const auto g = fields.read_amount(item, "grossAmt").value_or(a + t);
      net += a;
      tax += t;
      gross += g;
      nlohmann::json line = {{"line_number", ++n},
                             {"net", money_json(a, currency)},
                             {"tax", money_json(t, currency)},
                             {"gross", money_json(g, currency)}};
      if (auto acc = ref_id(item, "account"); !acc.empty()) {
        line["account"] = code_for(maps.accounts, acc, "account");
      }
      if (auto tc = ref_id(item, "taxCode"); !tc.empty()) {
        line["tax_code"] = code_for(maps.tax_codes, tc, "tax code");
      }
      if (item.contains("memo") && item["memo"].is_string()) line["description"] = item["memo"];
      lines.push_back(std::move(line));
    }
    doc["lines"] = std::move(lines);
    doc["totals"] = {{"net", money_json(net, currency)},
                     {"tax", money_json(tax, currency)},
                     {"gross", money_json(gross, currency)}};
    // Open for payment? NetSuite's amountRemaining (read-only) is what is still owed of the
    // bill: `amount_open` (contract 1.1; this adapter carries no withholding, so what is owed
    // is the gross). A bill NetSuite will not take a payment for reads as payment-blocked,
    // with the reason: not approved (approvalStatus id 2 = Approved) or paid in full. A partly
    // paid bill is open for its amount_open. Both fields are read-only in NetSuite and
    // unconfirmed in vendors.md §1 (simulator: payables.*, amountRemaining derived from the
    // payments applied).
    if (!credit) {
      std::string reason;
      const auto approval = ref_id(r, "approvalStatus");
      const auto remaining = fields.read_amount(r, "amountRemaining");
      const bool remaining_valid = remaining && !remaining->is_negative() && !(gross < *remaining);
      if (remaining_valid) doc["amount_open"] = money_json(*remaining, currency);
      if (!approval.empty() && approval != "2") {
        reason = "approval status " + approval + " (not approved)";
      } else if (remaining && !remaining_valid) {
        reason = "amountRemaining " + money_text(*remaining, currency) + " " + currency +
                 " is not between 0 and the total";
      } else if (remaining && remaining->is_zero()) {
        reason = "paid in full";
      }
      if (!reason.empty()) {
        doc["payment_block"] = true;
        doc["payment_block_reason"] = reason;
      }
    }
    return doc;
  }

  nlohmann::json compared_fields(const nlohmann::json& b) const override {
    auto member = [](const nlohmann::json& o, const char* name) {
      return o.is_object() && o.contains(name) ? o[name] : nlohmann::json(nullptr);
    };
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& item : sublist_items(b, "expense")) {
      lines.push_back({{"account", norm_ref(member(item, "account"))},
                       {"amount", norm_amount(member(item, "amount"))},
                       {"tax1Amt", norm_amount(member(item, "tax1Amt"))},
                       {"grossAmt", norm_amount(member(item, "grossAmt"))},
                       {"taxCode", norm_ref(member(item, "taxCode"))}});
    }
    return {{"entity", norm_ref(member(b, "entity"))},
            {"tranId", norm_text(member(b, "tranId"))},
            {"tranDate", norm_text(member(b, "tranDate"))},
            {"currency", norm_ref(member(b, "currency"))},
            {"subsidiary", norm_ref(member(b, "subsidiary"))},
            {"expense", std::move(lines)}};
  }

  std::string pointer_for(std::string_view path) const override {
    if (auto i = item_index(path, "expense.items[")) {
      const std::string at = "/lines/" + std::to_string(*i);
      const auto field = path.substr(path.find(']') + 1);
      if (field == ".account") return at + "/account";
      if (field == ".amount") return at + "/net";
      if (field == ".tax1Amt") return at + "/tax";
      if (field == ".grossAmt") return at + "/gross";
      if (field == ".taxCode") return at + "/tax_code";
      return at;
    }
    static const std::pair<std::string_view, std::string_view> table[] = {
        {"entity", "/supplier"},       {"tranId", "/invoice_number"},
        {"tranDate", "/invoice_date"}, {"dueDate", "/due_date"},
        {"currency", "/currency"},     {"subsidiary", "/legal_entity"},
        {"memo", "/notes"},            {"paymentHold", "/payment_block"}};
    for (const auto& [vendor, pointer] : table) {
      if (path == vendor || path.substr(0, vendor.size() + 1) == std::string(vendor) + ".") {
        return std::string(pointer);
      }
    }
    return "";
  }
};

}  // namespace

std::unique_ptr<record_mapping> make_invoice_mapping() {
  return std::make_unique<invoice_mapping>();
}

}  // namespace erpc::netsuite
