// SPDX-License-Identifier: Apache-2.0
#include "payment_create.hpp"

#include "bc_mapping.hpp"
#include "journal_batch.hpp"
#include "mapping_support.hpp"
#include "purchase_document_create.hpp"

namespace erpc::bc {

using namespace mapping;

namespace {

nlohmann::json collection(bc_client& client, const std::string& url, call_context& ctx) {
  const auto page = client.get_json(url, ctx);
  const auto value = page.find("value");
  if (value == page.end() || !value->is_array()) {
    throw malformed_response("its collection has no value array", call_kind::read, 200);
  }
  return *value;
}

[[noreturn]] void no_invoice(const payment_plan::application_target& t, const std::string& what) {
  throw error(error_class::validation, "bc.application_document",
              "Business Central has no posted purchase invoice " + what + " of this vendor to apply the payment to")
      .with_field(t.pointer + "/document", "bc.application_document", "no posted purchase invoice " + what)
      .with_effect(effect::none);
}

}  // namespace

void payment_create::resolve(payment_plan& plan, call_context& ctx) const {
  if (plan.vendor_number.empty()) {
    // The line is compared by vendorNumber after a read-back: learn the number of the id.
    const auto res = client_.send("GET", client_.company_url("/vendors(" + plan.vendor_id + ")"), call_kind::read, ctx);
    if (res.status == 404) {
      throw error(error_class::validation, "bc.party_unidentified", "Business Central has no vendor " + plan.vendor_id)
          .with_field("/creditor/external_refs/business_central", "bc.party_unidentified", "no such vendor")
          .with_effect(effect::none);
    }
    if (res.status != 200) throw map_odata_error(res, call_kind::read, client_.now_ms(ctx));
    plan.vendor_number = string_member(body_of(res, call_kind::read), "number");
  }
  for (std::size_t i = 0; i < plan.lines.size(); ++i) {
    auto& line = plan.lines[i];
    line["vendorNumber"] = plan.vendor_number;
    const auto& t = plan.targets[i];
    if (t.invoice_id.empty() && t.invoice_number.empty()) continue;
    std::string id;
    if (!t.invoice_id.empty()) {
      const auto res = client_.send("GET", client_.company_url("/purchaseInvoices(" + t.invoice_id + ")"),
                                    call_kind::read, ctx);
      if (res.status != 200 && res.status != 404) throw map_odata_error(res, call_kind::read, client_.now_ms(ctx));
      if (res.status == 200) {
        const auto inv = body_of(res, call_kind::read);
        if (string_member(inv, "status") != "Draft" && string_member(inv, "vendorNumber") == plan.vendor_number) id = t.invoice_id;
      }
    } else {
      // document.number is BC's own (posted) number; invoice_number the supplier's.
      const auto filter = std::string(t.bc_number ? "number" : "vendorInvoiceNumber") + " eq " +
                          odata_literal(t.invoice_number) + " and vendorNumber eq " + odata_literal(plan.vendor_number);
      for (const auto& inv :
           collection(client_, client_.company_url("/purchaseInvoices", url_query({{"$filter", filter}})), ctx)) {
        if (string_member(inv, "status") != "Draft") id = string_member(inv, "id");
      }
    }
    if (id.empty()) no_invoice(t, t.invoice_id.empty() ? t.invoice_number : t.invoice_id);
    line["appliesToInvoiceId"] = id;
  }
}

result payment_create::create(const request& req, call_context& ctx) const {
  if (req.idempotency_key.empty()) {
    throw error(error_class::validation, "bc.idempotency_key_required", "a create needs an idempotency key")
        .with_effect(effect::none);
  }
  const auto keys = keys_for(req.idempotency_key, 'P');
  auto plan = payment_to_vendor(req.payload, client_.config(), keys.document_number);
  resolve(plan, ctx);
  journal_batch_kind kind;
  kind.journals_path = "/vendorPaymentJournals";
  kind.lines_url = [this](const std::string& batch) {
    return client_.company_url("/vendorPaymentJournals(" + batch + ")/vendorPayments");
  };
  // vendors.md §4.1: POST …/vendorPayments with the batch's journalId.
  kind.line_post_url = [this](const std::string&) { return client_.company_url("/vendorPayments"); };
  kind.line_body = [](const nlohmann::json& line, const std::string& batch) {
    auto body = line;
    body["journalId"] = batch;
    return body;
  };
  kind.line_signature = [](const nlohmann::json& l) {
    return std::vector<std::string>{string_member(l, "vendorNumber"), decimal_member(l, "amount").normalized().to_string(),
                                    string_member(l, "postingDate"), string_member(l, "appliesToInvoiceId")};
  };
  kind.ledger_equal = [&plan](const nlohmann::json& entries) {
    decimal credited;
    for (const auto& e : entries) {
      if (string_member(e, "postingDate") != plan.posting_date) return false;
      if (string_member(e, "accountNumber") == plan.balancing_account) credited += decimal_member(e, "creditAmount");
    }
    return credited == plan.amount;
  };
  kind.what = "vendor payment";
  const nlohmann::json batch_body = {{"code", keys.batch_code},
                                     {"displayName", fields.fits("erpconnect " + req.idempotency_key, 100, "/", "Description")},
                                     {"balancingAccountNumber", plan.balancing_account}};
  const bool replayed = post_batch_once(client_, ctx, kind, keys, batch_body, plan.lines);
  auto doc = created_document(req.payload, keys.document_number);
  doc["document_number"] = keys.document_number;
  return result{std::move(doc), replayed};
}

result payment_create::get(const std::string& document_number, call_context& ctx) const {
  const auto entries = ledger_entries(client_, document_number, ctx);
  if (entries.empty()) {
    throw error(error_class::not_found, "bc.not_found", "Business Central has no G/L entries of " + document_number)
        .with_effect(effect::none);
  }
  return {payment_from_ledger(entries, document_number, client_.config()), false};
}

}  // namespace erpc::bc
