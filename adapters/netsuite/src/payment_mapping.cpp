// SPDX-License-Identifier: Apache-2.0
// Payment (outbound) ↔ NetSuite `vendorPayment` (vendors.md §1.1, Oracle's sample: an `apply`
// sublist of bills with amounts).
//   creditor → entity (external_refs.netsuite, else supplier number)
//   amount.currency → currency (value map)   requested_execution_date | value_date → tranDate
//   clearing_account → account (value map)   legal_entity → subsidiary (value map)
//   applications to invoices → apply.items[]: doc (the bill), apply true, amount,
//                                             discount_taken → disc
//   applications to credit notes → credit.items[]: doc (the vendor credit), apply true, amount
//   short_payment → (nothing: NetSuite keeps it open on the bill; not read back)
//   withholding → UNSUPPORTED
//   fx.rate → exchangeRate (the rate to the subsidiary's base currency; without it NetSuite
//             takes its rate table's rate on tranDate). Read back, a payment whose currency is
//             not the legal entity's functional currency (functional_currencies) carries
//             fx {rate: exchangeRate, source_currency: its currency, target_currency: functional}.
// NetSuite derives the payment total from what it applies, so amount must equal invoices minus
// credit notes (VALIDATION otherwise), and a payment with no application (a prepayment) is
// UNSUPPORTED. Read back, amount is that difference.
#include "mapping_support.hpp"
#include "record_mapping.hpp"

#include <erpc/adapters/exact_json.hpp>

namespace erpc::netsuite {

namespace {

using namespace mapping;

class payment_mapping final : public record_mapping {
 public:
  std::string_view object() const noexcept override { return "Payment"; }
  std::vector<std::string> record_types() const override { return {"vendorPayment"}; }

  vendor_record to_vendor(const nlohmann::json& p, mapping_context& ctx) const override {
    if (fields.required_text(p, "direction", "/direction") != "outbound") {
      fields.unsupported("/direction", "only outbound payments (NetSuite vendor payments) are offered");
    }
    const auto& amount = p.value("amount", nlohmann::json());
    const auto currency = fields.required_text(amount, "currency", "/amount/currency");
    const auto total = fields.amount_member(amount, "/amount");
    nlohmann::json body = nlohmann::json::object();
    if (!p.contains("creditor")) fields.invalid("/creditor", "netsuite.required", "required");
    const auto entity = ctx.resolve_supplier(p["creditor"], "/creditor");
    body["entity"] = reference_id(entity);
    body["currency"] = reference(ctx.maps.currencies, currency, "/amount/currency");
    auto date = fields.text(p, "requested_execution_date", "/requested_execution_date");
    if (!date) date = fields.text(p, "value_date", "/value_date");
    if (!date) fields.invalid("/requested_execution_date", "netsuite.required", "a payment date is required");
    body["tranDate"] = *date;
    if (auto v = fields.text(p, "clearing_account", "/clearing_account")) {
      body["account"] = reference(ctx.maps.accounts, *v, "/clearing_account");
    }
    if (auto v = fields.text(p, "legal_entity", "/legal_entity")) {
      body["subsidiary"] = reference(ctx.maps.subsidiaries, *v, "/legal_entity");
    }
    if (auto v = fields.text(p, "notes", "/notes")) body["memo"] = *v;
    if (const auto fx = p.find("fx"); fx != p.end() && fx->is_object()) {
      if (fx->value("source_currency", "") != currency) {
        fields.invalid("/fx/source_currency", "netsuite.fx_currency",
                "the rate must convert from the payment's currency " + currency);
      }
      const auto rate = decimal::parse(fx->value("rate", ""));
      if (!rate || !(decimal{} < *rate)) fields.invalid("/fx/rate", "netsuite.amount", "not a positive decimal");
      body["exchangeRate"] = adapters::make_decimal(*rate);
    }
    const auto apps = p.find("applications");
    if (apps == p.end() || !apps->is_array() || apps->empty()) {
      fields.unsupported("/applications", "a NetSuite vendor payment applies to bills; prepayments are not offered");
    }
    nlohmann::json bills = nlohmann::json::array();
    nlohmann::json credits = nlohmann::json::array();
    decimal sum;
    for (std::size_t i = 0; i < apps->size(); ++i) {
      const auto& app = (*apps)[i];
      const std::string at = "/applications/" + std::to_string(i);
      const auto type = fields.required_text(app, "document_type", at + "/document_type");
      const bool is_credit = type == "credit_note";
      const auto& doc = app.value("document", nlohmann::json::object());
      nlohmann::json item = {
          {"doc", reference_id(ctx.resolve_document(is_credit ? "vendorCredit" : "vendorBill",
                                                    doc, entity, at + "/document"))},
          {"apply", true},
          {"amount", amount_node(app.value("amount", nlohmann::json()), at + "/amount", currency)}};
      const auto a = fields.amount_member(app["amount"], at + "/amount");
      if (is_credit) {
        sum -= a;
        credits.push_back(std::move(item));
      } else {
        sum += a;
        if (const auto d = app.find("discount_taken"); d != app.end()) {
          item["disc"] = amount_node(*d, at + "/discount_taken", currency);
        }
        bills.push_back(std::move(item));
      }
      // A short payment is NetSuite's own partial application: the bill keeps the rest open
      // (amountRemaining), so nothing more is sent. Withholding lives on the bill in NetSuite
      // (the Withholding Tax SuiteApp, not in vendors.md): a payment cannot carry it.
      if (app.contains("withholding")) {
        fields.unsupported(at + "/withholding", "withholding is not carried to NetSuite by this adapter");
      }
    }
    if (sum != total) {
      fields.invalid("/amount", "netsuite.payment_amount_mismatch",
              "amount " + total.to_string() + " is not the applied invoices minus credit notes (" +
                  sum.to_string() + ")");
    }
    body["apply"] = {{"items", std::move(bills)}};
    if (!credits.empty()) body["credit"] = {{"items", std::move(credits)}};
    return {"vendorPayment", std::move(body)};
  }

  nlohmann::json from_vendor(std::string_view, const nlohmann::json& r,
                             const value_maps& maps) const override {
    const std::string id = ref_id(nlohmann::json{{"id", r.value("id", nlohmann::json())}}, "id");
    const auto currency_id = ref_id(r, "currency");
    if (currency_id.empty()) {
      throw error(error_class::internal, "netsuite.malformed_response",
                  "the NetSuite vendorPayment " + id + " has no currency");
    }
    const std::string currency = code_for(maps.currencies, currency_id, "currency");
    nlohmann::json doc = {
        {"id", id},
        {"external_refs", {{"netsuite", id}}},
        {"source", {{"system", "netsuite"}, {"id", "vendorPayment/" + id}}},
        {"direction", "outbound"}};
    if (auto e = ref_id(r, "entity"); !e.empty()) {
      doc["creditor"] = {{"external_refs", {{"netsuite", e}}}};
    }
    if (r.contains("tranDate") && r["tranDate"].is_string()) {
      doc["requested_execution_date"] = r["tranDate"];
    }
    if (auto a = ref_id(r, "account"); !a.empty()) {
      doc["clearing_account"] = code_for(maps.accounts, a, "account");
    }
    if (auto s = ref_id(r, "subsidiary"); !s.empty()) {
      doc["legal_entity"] = code_for(maps.subsidiaries, s, "subsidiary");
    }
    if (r.contains("memo") && r["memo"].is_string()) doc["notes"] = r["memo"];
    decimal sum;
    nlohmann::json apps = nlohmann::json::array();
    for (const auto* sublist : {"apply", "credit"}) {
      const bool credit = std::string_view(sublist) == "credit";
      for (const auto& item : sublist_items(r, sublist)) {
        if (item.contains("apply") && item["apply"] == false) continue;
        const auto a = fields.read_amount(item, "amount").value_or(decimal{});
        sum += credit ? -a : a;
        nlohmann::json app = {
            {"document_type", credit ? "credit_note" : "invoice"},
            {"document", {{"external_refs", {{"netsuite", ref_id(item, "doc")}}}}},
            {"amount", money_json(a, currency)}};
        if (auto d = fields.read_amount(item, "disc")) app["discount_taken"] = money_json(*d, currency);
        apps.push_back(std::move(app));
      }
    }
    doc["amount"] = money_json(sum, currency);
    doc["applications"] = std::move(apps);
    if (const auto rate = fields.read_amount(r, "exchangeRate"); rate && doc.contains("legal_entity")) {
      const auto it = maps.functional_currencies.find(doc["legal_entity"].get<std::string>());
      if (it != maps.functional_currencies.end() && it->second != currency) {
        doc["fx"] = {{"rate", rate->to_string()},
                     {"source_currency", currency},
                     {"target_currency", it->second}};
      }
    }
    return doc;
  }

  nlohmann::json compared_fields(const nlohmann::json& b) const override {
    auto member = [](const nlohmann::json& o, const char* name) {
      return o.is_object() && o.contains(name) ? o[name] : nlohmann::json(nullptr);
    };
    auto items = [&](const char* sublist) {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& item : sublist_items(b, sublist)) {
        out.push_back({{"doc", norm_ref(member(item, "doc"))},
                       {"amount", norm_amount(member(item, "amount"))},
                       {"disc", norm_amount(member(item, "disc"))}});
      }
      return out;
    };
    return {{"entity", norm_ref(member(b, "entity"))},
            {"tranDate", norm_text(member(b, "tranDate"))},
            {"currency", norm_ref(member(b, "currency"))},
            {"account", norm_ref(member(b, "account"))},
            {"apply", items("apply")},
            {"credit", items("credit")}};
  }

  std::string pointer_for(std::string_view path) const override {
    if (auto i = item_index(path, "apply.items[")) {
      return "/applications/" + std::to_string(*i) + "/document";
    }
    if (path == "entity" || path.rfind("entity.", 0) == 0) return "/creditor";
    if (path == "account" || path.rfind("account.", 0) == 0) return "/clearing_account";
    if (path == "tranDate") return "/requested_execution_date";
    return "";
  }
};

}  // namespace

std::unique_ptr<record_mapping> make_payment_mapping() {
  return std::make_unique<payment_mapping>();
}

}  // namespace erpc::netsuite
