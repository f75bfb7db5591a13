// SPDX-License-Identifier: Apache-2.0
// Payment (outbound) ↔ Fusion `payablesPayments` with the `relatedInvoices` child (vendors.md
// §3.1: manual payments only; PaymentAmount, CheckId, PaymentStatus are read-only).
//   document_number → PaymentNumber (required: the natural key, with the bank account and
//                     payment document; its uniqueness is a simulator setting, §3.1 unconfirmed)
//   requested_execution_date | value_date → PaymentDate     amount.currency → PaymentCurrency
//   creditor → Supplier (name, as for invoices) + the connection's SupplierSite
//   clearing_account → DisbursementBankAccountName (value map bank_accounts, required)
//   legal_entity → BusinessUnit      notes → PaymentDescription
//   PaymentType Manual; PaymentMethodCode and PaymentDocument from the connection
//   applications[] → relatedInvoices[]: InvoiceNumber, AmountPaid (negative for a credit
//                    note: Oracle credit memos are negative), DiscountTaken
// Fusion derives PaymentAmount from what is applied, so amount must be invoices minus credit
// notes (VALIDATION otherwise); a payment with no application is UNSUPPORTED. Not carried
// (UNSUPPORTED): debit_amount, fx, debtor, debtor_account, creditor_account, ultimate parties,
// charge_bearer, references, remittance, purpose_code, category_purpose, method.
#include "mapping_support.hpp"
#include "resource_api.hpp"
#include "resource_mapping.hpp"

#include <erpc/adapters/exact_json.hpp>

#include <algorithm>

namespace erpc::oracle_fusion {

namespace {

using namespace mapping;
using adapters::make_decimal;

class payment_mapping final : public resource_mapping {
 public:
  std::string_view object() const noexcept override { return "Payment"; }
  std::string_view resource() const noexcept override { return "payablesPayments"; }
  std::string_view child() const noexcept override { return "relatedInvoices"; }
  std::string_view id_attribute() const noexcept override { return "CheckId"; }

  nlohmann::json to_vendor(const nlohmann::json& p, mapping_context& ctx) const override {
    if (fields.required_text(p, "direction", "/direction") != "outbound") {
      fields.unsupported("/direction", "only outbound payments (Fusion payables payments) are offered");
    }
    fields.refuse_present(p, {"debit_amount", "fx", "debtor", "debtor_account", "creditor_account",
                       "ultimate_debtor", "ultimate_creditor", "charge_bearer", "references",
                       "remittance", "purpose_code", "category_purpose", "method"},
                   "", "is not carried to an Oracle Fusion payment by this adapter");
    const auto& amount = p.value("amount", nlohmann::json());
    const auto currency = fields.money_currency(amount, "/amount");
    const auto total = fields.money_amount(amount, "/amount");
    nlohmann::json body = nlohmann::json::object();
    body["PaymentNumber"] = fields.required_text(p, "document_number", "/document_number");
    auto date = fields.text(p, "requested_execution_date", "/requested_execution_date");
    if (!date) date = fields.text(p, "value_date", "/value_date");
    if (!date) fields.invalid("/requested_execution_date", "oracle_fusion.required", "a payment date is required");
    body["PaymentDate"] = *date;
    body["PaymentType"] = "Manual";
    body["PaymentCurrency"] = currency;
    body["BusinessUnit"] = business_unit(p, ctx.config);
    if (!p.contains("creditor")) fields.invalid("/creditor", "oracle_fusion.required", "required");
    body["Supplier"] = ctx.supplier(p["creditor"], "/creditor").value("Supplier", "");
    if (!ctx.config.supplier_site.empty()) body["SupplierSite"] = ctx.config.supplier_site;
    body["DisbursementBankAccountName"] =
        mapped(ctx.config.maps.bank_accounts, fields.required_text(p, "clearing_account", "/clearing_account"),
               "/clearing_account");
    body["PaymentMethodCode"] = ctx.config.payment_method;
    if (!ctx.config.payment_document.empty()) body["PaymentDocument"] = ctx.config.payment_document;
    if (auto v = fields.text(p, "notes", "/notes")) body["PaymentDescription"] = *v;
    const auto apps = p.find("applications");
    if (apps == p.end() || !apps->is_array() || apps->empty()) {
      fields.unsupported("/applications", "a Fusion manual payment pays invoices; prepayments are not offered");
    }
    nlohmann::json related = nlohmann::json::array();
    decimal sum;
    for (std::size_t i = 0; i < apps->size(); ++i) {
      const auto& app = (*apps)[i];
      const std::string at = "/applications/" + std::to_string(i);
      const auto type = fields.required_text(app, "document_type", at + "/document_type");
      if (type != "invoice" && type != "credit_note") {
        fields.invalid(at + "/document_type", "oracle_fusion.document_type", "invoice or credit_note");
      }
      const bool credit = type == "credit_note";
      const auto& doc = app.value("document", nlohmann::json::object());
      const auto number = fields.required_text(doc, "number", at + "/document/number");
      const auto a = fields.money_amount(app.value("amount", nlohmann::json()), at + "/amount", currency);
      nlohmann::json rel = {{"InvoiceNumber", number}, {"AmountPaid", make_decimal(credit ? -a : a)}};
      if (const auto d = app.find("discount_taken"); d != app.end() && !d->is_null()) {
        if (credit) fields.unsupported(at + "/discount_taken", "no discount is taken on a credit memo");
        rel["DiscountTaken"] = make_decimal(fields.money_amount(*d, at + "/discount_taken", currency));
      }
      sum += credit ? -a : a;
      related.push_back(std::move(rel));
    }
    if (sum != total) {
      fields.invalid("/amount", "oracle_fusion.amount_mismatch",
              "amount must equal the invoices applied minus the credit notes (" + sum.to_string() + ")");
    }
    body["relatedInvoices"] = std::move(related);
    return body;
  }

  nlohmann::json from_vendor(const nlohmann::json& r, const connection_config& config) const override {
    const auto id = vendor_id_of(*this, r);
    const auto currency = text_of(r, "PaymentCurrency");
    if (currency.empty()) {
      throw error(error_class::internal, "oracle_fusion.malformed_response",
                  "the Oracle Fusion payment " + id + " has no PaymentCurrency");
    }
    nlohmann::json doc = {
        {"id", id},
        {"external_refs", {{"oracle_fusion", id}}},
        {"source", {{"system", "oracle_fusion"}, {"id", "payablesPayments/" + id}}},
        {"direction", "outbound"},
        {"document_number", text_of(r, "PaymentNumber")},
        {"amount", money_json(fields.read_amount(r, "PaymentAmount").value_or(decimal{}), currency)},
        {"requested_execution_date", text_of(r, "PaymentDate")},
        {"creditor", {{"name", text_of(r, "Supplier")}}}};
    if (auto le = legal_entity_of(text_of(r, "BusinessUnit"), config)) doc["legal_entity"] = *le;
    if (auto b = text_of(r, "DisbursementBankAccountName"); !b.empty()) {
      doc["clearing_account"] = code_for(config.maps.bank_accounts, b, "disbursement bank account");
    }
    std::string notes = text_of(r, "PaymentDescription");
    if (text_of(r, "PaymentStatus") == "Voided") {
      // The canonical payment has no status member; a void is said in the notes.
      notes = "Voided in Oracle Fusion on " + text_of(r, "VoidDate") + (notes.empty() ? "" : ". " + notes);
    }
    if (!notes.empty()) doc["notes"] = notes;
    nlohmann::json apps = nlohmann::json::array();
    if (const auto it = r.find("relatedInvoices"); it != r.end() && it->is_array()) {
      for (const auto& rel : *it) {
        const auto paid = fields.read_amount(rel, "AmountPaid").value_or(decimal{});
        const bool credit = paid.is_negative();
        nlohmann::json app = {{"document_type", credit ? "credit_note" : "invoice"},
                              {"document", {{"number", text_of(rel, "InvoiceNumber")}}},
                              {"amount", money_json(credit ? -paid : paid, currency)}};
        if (auto d = fields.read_amount(rel, "DiscountTaken"); d && !d->is_zero()) {
          app["discount_taken"] = money_json(*d, currency);
        }
        apps.push_back(std::move(app));
      }
    }
    doc["applications"] = std::move(apps);
    return doc;
  }

  std::string natural_query(const nlohmann::json& body) const override {
    std::string q = "PaymentNumber=" + q_value(text_of(body, "PaymentNumber"), "/document_number") +
                    ";DisbursementBankAccountName=" +
                    q_value(text_of(body, "DisbursementBankAccountName"), "/clearing_account");
    if (body.contains("PaymentDocument")) {
      q += ";PaymentDocument=" + q_value(text_of(body, "PaymentDocument"), "");
    }
    return q;
  }

  std::string natural_key(const nlohmann::json& body) const override {
    return text_of(body, "DisbursementBankAccountName") + "/" + text_of(body, "PaymentNumber");
  }

  nlohmann::json compared_fields(const nlohmann::json& b) const override {
    auto member = [](const nlohmann::json& o, const char* name) {
      return o.is_object() && o.contains(name) ? o[name] : nlohmann::json();
    };
    std::vector<nlohmann::json> related;
    if (const auto it = b.find("relatedInvoices"); it != b.end() && it->is_array()) {
      for (const auto& r : *it) {
        auto disc = norm_amount(member(r, "DiscountTaken"));
        if (disc == "0") disc = nullptr;
        related.push_back({{"InvoiceNumber", norm_text(member(r, "InvoiceNumber"))},
                           {"AmountPaid", norm_amount(member(r, "AmountPaid"))},
                           {"DiscountTaken", disc}});
      }
    }
    std::sort(related.begin(), related.end(),
              [](const auto& x, const auto& y) { return x.dump() < y.dump(); });
    return {{"PaymentNumber", norm_text(member(b, "PaymentNumber"))},
            {"PaymentDate", norm_text(member(b, "PaymentDate"))},
            {"PaymentCurrency", norm_text(member(b, "PaymentCurrency"))},
            {"Supplier", norm_text(member(b, "Supplier"))},
            {"BusinessUnit", norm_text(member(b, "BusinessUnit"))},
            {"DisbursementBankAccountName", norm_text(member(b, "DisbursementBankAccountName"))},
            {"relatedInvoices", related}};
  }

  std::string pointer_for(std::string_view path) const override {
    if (auto i = item_index(path, "relatedInvoices[")) {
      const std::string at = "/applications/" + std::to_string(*i);
      const auto field = path.substr(path.find(']') + 1);
      if (field == ".InvoiceNumber") return at + "/document/number";
      if (field == ".AmountPaid") return at + "/amount";
      if (field == ".DiscountTaken") return at + "/discount_taken";
      return at;
    }
    static const std::pair<std::string_view, std::string_view> table[] = {
        {"PaymentNumber", "/document_number"}, {"PaymentDate", "/requested_execution_date"},
        {"PaymentCurrency", "/amount/currency"}, {"Supplier", "/creditor"},
        {"SupplierSite", "/creditor"}, {"BusinessUnit", "/legal_entity"},
        {"DisbursementBankAccountName", "/clearing_account"}, {"PaymentDescription", "/notes"},
        {"relatedInvoices", "/applications"}};
    for (const auto& [vendor, pointer] : table) {
      if (path == vendor) return std::string(pointer);
    }
    return "";
  }
};

}  // namespace

std::unique_ptr<resource_mapping> make_payment_mapping() {
  return std::make_unique<payment_mapping>();
}

}  // namespace erpc::oracle_fusion
