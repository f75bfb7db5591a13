// SPDX-License-Identifier: Apache-2.0
// Payment (outbound) ↔ BILL `payments`: one payment against one bill (vendors.md §10.2
// POST /v3/payments).
//   applications[0].document → billId (external_refs.bill = the bill id, else the invoice
//                number of the creditor's bill); applications[0].amount = amount → amount
//   requested_execution_date (else value_date) → processDate
//   clearing_account → fundingAccount {type: the connection's funding_account_type,
//                id: value map bank_accounts}
//   creditor (optional) must be the bill's vendor; currency must be the connection's
//   notes + the idempotency key → description (the memo: BILL has no idempotency key, §10.2)
// Natural key: the bill + the key in the memo, compared on amount, process date and funding
// account (BANKING.md "Vendor duplicate semantics" BILL).
// More than one application, credit notes, discounts, withholding and short payments are
// UNSUPPORTED (a mass payment pays many bills, PaymentBatch). Not carried (UNSUPPORTED):
// document_number, method, debit_amount, fx, debtor, debtor_account, creditor_account, ultimate
// parties, charge_bearer, references, remittance, purpose_code, category_purpose.
#include "key_memo.hpp"
#include "mapping_support.hpp"
#include "record_mapping.hpp"

#include <erpc/adapters/exact_json.hpp>

namespace erpc::bill {

namespace {

using namespace mapping;
using adapters::make_decimal;

class payment_mapping final : public record_mapping {
 public:
  std::string_view object() const noexcept override { return "Payment"; }
  std::string_view resource() const noexcept override { return "payments"; }

  nlohmann::json to_vendor(const nlohmann::json& p, mapping_context& ctx) const override {
    if (required_text(p, "direction", "/direction") != "outbound") {
      unsupported("/direction", "only outbound payments (BILL payments of bills) are offered");
    }
    refuse_present(p, {"document_number", "method", "debit_amount", "fx", "debtor", "debtor_account",
                       "creditor_account", "ultimate_debtor", "ultimate_creditor", "charge_bearer",
                       "references", "remittance", "purpose_code", "category_purpose"},
                   "", "is not carried to a BILL payment by this adapter");
    const auto& config = ctx.config;
    if (auto le = text(p, "legal_entity", "/legal_entity"); le && *le != config.legal_entity) {
      invalid("/legal_entity", "bill.legal_entity", "this BILL organisation is legal entity '" + config.legal_entity + "'");
    }
    const auto amount = money_amount(p.value("amount", nlohmann::json()), "/amount", config);
    if (amount.signum() <= 0) invalid("/amount/amount", "bill.amount", "a payment amount must be positive");
    const auto apps = p.find("applications");
    if (apps == p.end() || !apps->is_array() || apps->empty()) {
      invalid("/applications", "bill.required", "a BILL payment pays one bill: one application is required");
    }
    if (apps->size() > 1) {
      unsupported("/applications/1", "a BILL payment pays one bill; several bills are a mass payment (PaymentBatch)");
    }
    const auto& app = (*apps)[0];
    refuse_present(app, {"discount_taken", "withholding", "short_payment"}, "/applications/0",
                   "is not carried to a BILL payment by this adapter");
    if (text(app, "document_type", "/applications/0/document_type").value_or("invoice") != "invoice") {
      unsupported("/applications/0/document_type", "BILL vendor credits are not offered by this adapter");
    }
    if (money_amount(app.value("amount", nlohmann::json()), "/applications/0/amount", config) != amount) {
      invalid("/applications/0/amount", "bill.amount_mismatch", "must equal the payment amount");
    }
    std::string vendor;
    if (p.contains("creditor")) vendor = ctx.vendor_id(p["creditor"], "/creditor");
    if (!app.contains("document")) invalid("/applications/0/document", "bill.required", "required");
    const auto bill = ctx.bill(app["document"], vendor, "/applications/0/document");
    if (!vendor.empty() && text_of(bill, "vendorId") != vendor) {
      invalid("/creditor", "bill.creditor_mismatch", "the bill paid belongs to another BILL vendor");
    }
    auto date = text(p, "requested_execution_date", "/requested_execution_date");
    if (!date) date = text(p, "value_date", "/value_date");
    if (!date) invalid("/requested_execution_date", "bill.required", "a process date is required");
    nlohmann::json body = {{"billId", text_of(bill, "id")},
                           {"amount", make_decimal(amount)},
                           {"processDate", *date}};
    body["fundingAccount"] = {
        {"type", config.funding_account_type},
        {"id", mapped(config.bank_accounts, required_text(p, "clearing_account", "/clearing_account"),
                      "/clearing_account", "funding account")}};
    body["description"] = memo_with_key(text(p, "notes", "/notes").value_or(""), ctx.idempotency_key);
    return body;
  }

  nlohmann::json from_vendor(const nlohmann::json& r, const connection_config& config) const override {
    auto doc = canonical_base(text_of(r, "id"));
    const auto amount = read_amount(r, "amount");
    doc["direction"] = "outbound";
    if (!config.legal_entity.empty()) doc["legal_entity"] = config.legal_entity;
    doc["amount"] = money_json(amount, config.currency);
    if (const auto d = text_of(r, "processDate"); !d.empty()) doc["requested_execution_date"] = d;
    if (const auto v = text_of(r, "vendorId"); !v.empty()) doc["creditor"] = {{"external_refs", {{"bill", v}}}};
    const auto funding = r.value("fundingAccount", nlohmann::json::object());
    if (auto code = config.bank_accounts.code(text_of(funding, "id"))) doc["clearing_account"] = *code;
    doc["applications"] = nlohmann::json::array(
        {{{"document_type", "invoice"},
          {"document", {{"external_refs", {{"bill", text_of(r, "billId")}}}}},
          {"amount", money_json(amount, config.currency)}}});
    if (const auto notes = notes_of_memo(text_of(r, "description")); !notes.empty()) doc["notes"] = notes;
    return doc;
  }

  filter_list natural_filters(const nlohmann::json& body, const connection_config&) const override {
    return {{"billId", text_of(body, "billId")}};
  }

  bool bound_to_key() const noexcept override { return true; }

  nlohmann::json compared_fields(const nlohmann::json& body) const override {
    const auto amount = adapters::to_decimal(body.value("amount", nlohmann::json()));
    return {{"billId", text_of(body, "billId")},
            {"amount", amount ? amount->normalized().to_string() : std::string("?")},
            {"processDate", text_of(body, "processDate")},
            {"fundingAccount", text_of(body.value("fundingAccount", nlohmann::json::object()), "id")}};
  }

  std::string pointer_for(std::string_view field) const override {
    if (field == "billId") return "/applications/0/document";
    if (field == "amount") return "/amount";
    if (field == "processDate") return "/requested_execution_date";
    if (field.substr(0, 14) == "fundingAccount") return "/clearing_account";
    if (field == "description") return "/notes";
    return {};
  }
};

}  // namespace

std::unique_ptr<record_mapping> make_payment_mapping() { return std::make_unique<payment_mapping>(); }

}  // namespace erpc::bill
