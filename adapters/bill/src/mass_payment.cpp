// SPDX-License-Identifier: Apache-2.0
#include "mass_payment.hpp"

#include "key_memo.hpp"
#include "mapping_support.hpp"
#include "read_back_create.hpp"

#include <erpc/adapters/exact_json.hpp>

namespace erpc::bill {

namespace {

using mapping::text_of;

// The same refusal with its field pointers under `prefix` ("/payments/3").
error under(const error& e, const std::string& prefix) {
  error out(e.cls(), e.code(), e.message());
  out.with_effect(e.effect());
  for (const auto& f : e.field_errors()) out.with_field(prefix + f.pointer, f.code, f.message);
  return out;
}

std::string clip(std::string text, std::size_t max) {
  if (text.size() > max) text = text.substr(0, max);
  return text;
}

}  // namespace

std::optional<std::string> batch_state(const std::string& s) {
  if (s == "IN_PROGRESS") return "pending";
  if (s == "COMPLETED") return "accepted";
  if (s == "PARTIALLY_COMPLETED") return "partially_accepted";
  if (s == "FAILED") return "rejected";
  return std::nullopt;
}

std::optional<std::string> item_state(const std::string& s) {
  if (s == "PENDING") return "pending";
  if (s == "SCHEDULED") return "accepted";
  if (s == "PAID") return "settled";
  if (s == "FAILED") return "rejected";
  return std::nullopt;
}

result submit_mass_payment(bill_api& api, const record_mapping& payment_mapping,
                           const mapping_context& base, const request& req, call_context& ctx) {
  if (req.idempotency_key.empty()) {
    throw error(error_class::validation, "bill.idempotency_key_required", "a submit needs an idempotency key")
        .with_effect(effect::none);
  }
  const auto& p = req.payload;
  mapping::refuse_present(p, {"message_id", "batch_booking", "debtor", "debtor_account", "charge_bearer"}, "",
                          "is not carried to a BILL mass payment by this adapter");
  const auto payments = p.find("payments");
  if (payments == p.end() || !payments->is_array() || payments->empty()) {
    mapping::invalid("/payments", "bill.required", "at least one payment");
  }
  if (const auto n = p.find("number_of_transactions");
      n != p.end() && (!n->is_number_integer() || n->get<std::size_t>() != payments->size())) {
    mapping::invalid("/number_of_transactions", "bill.count_mismatch", "must be the number of payments");
  }
  const auto batch_date = mapping::text(p, "requested_execution_date", "/requested_execution_date");
  std::vector<nlohmann::json> bodies;
  decimal sum;
  for (std::size_t i = 0; i < payments->size(); ++i) {
    auto payment = (*payments)[i];
    const std::string at = "/payments/" + std::to_string(i);
    if (batch_date && payment.is_object() && !payment.contains("requested_execution_date") &&
        !payment.contains("value_date")) {
      payment["requested_execution_date"] = *batch_date;
    }
    mapping_context item_ctx = base;
    item_ctx.idempotency_key = req.idempotency_key + "/" + std::to_string(i);
    try {
      bodies.push_back(payment_mapping.to_vendor(payment, item_ctx));
    } catch (const error& e) {
      throw under(e, at);
    }
    sum += *adapters::to_decimal(bodies.back()["amount"]);
    if (text_of(bodies.back(), "processDate") != text_of(bodies.front(), "processDate")) {
      mapping::invalid(at + "/requested_execution_date", "bill.batch_date",
                       "one BILL mass payment has one process date");
    }
    if (bodies.back()["fundingAccount"] != bodies.front()["fundingAccount"]) {
      mapping::invalid(at + "/clearing_account", "bill.batch_funding_account",
                       "one BILL mass payment has one funding account");
    }
  }
  if (const auto c = p.find("control_sum"); c != p.end()) {
    const auto given = c->is_string() ? decimal::parse(c->get<std::string>()) : std::nullopt;
    if (!given || *given != sum) mapping::invalid("/control_sum", "bill.control_sum", "must be the sum of the amounts");
  }

  // Read back: the payments this key's batch made, bill by bill.
  std::size_t found = 0;
  std::string batch_id;
  for (std::size_t i = 0; i < bodies.size(); ++i) {
    const auto key = req.idempotency_key + "/" + std::to_string(i);
    for (const auto& record : api.list_all("payments", {{"billId", text_of(bodies[i], "billId")}}, ctx)) {
      if (key_in_memo(text_of(record, "description")) != key) continue;
      if (!differing_fields(payment_mapping, bodies[i], record).empty()) {
        throw error(error_class::idempotency_key_reuse, "bill.key_reuse",
                    "the idempotency key already made a BILL mass payment whose payment " + std::to_string(i) +
                        " differs")
            .with_effect(effect::none);
      }
      ++found;
      if (batch_id.empty()) batch_id = text_of(record, "paymentBatchId");
      break;
    }
  }
  if (found > 0) {
    ctx.log(log_level::info, "replayed a BILL mass payment found through its payments' memos");
    auto doc = req.payload;
    if (!batch_id.empty()) doc = created_document(std::move(doc), batch_id);
    return {std::move(doc), true};
  }
  if (req.attempt > 1 || req.prior_outcome == "unknown") {
    throw error(error_class::outcome_unknown, "bill.batch_unresolved",
                "no payment of a BILL mass payment under this key is visible, and BILL lists no mass "
                "payments by a client key: the earlier attempt may be queued or may never have arrived. "
                "Not re-posted; check the batch status, or submit under a new key once sure")
        .with_effect(effect::possible);
  }
  nlohmann::json items = nlohmann::json::array();
  for (const auto& b : bodies) {
    items.push_back({{"billId", b["billId"]}, {"amount", b["amount"]}, {"description", b["description"]}});
  }
  const nlohmann::json body = {{"processDate", bodies.front()["processDate"]},
                               {"fundingAccount", bodies.front()["fundingAccount"]},
                               {"payments", std::move(items)}};
  const auto res = api.post("payments/mass", body, ctx);
  if (res.status != 200 && res.status != 201 && res.status != 202) {
    throw map_vendor_error(res, call_kind::write, api.now_ms(ctx));
  }
  const auto answer = parse_record(res, call_kind::write);
  const auto id = text_of(answer, "paymentBatchId");
  if (!is_plain_token(id)) throw malformed_response("the answer has no paymentBatchId", call_kind::write, res.status);
  return {created_document(req.payload, id), false};
}

result mass_payment_statuses(bill_api& api, const request& req, call_context& ctx) {
  std::string id;
  if (req.query.is_object()) {
    for (const char* name : {"payment_batch_id", "id"}) {
      if (const auto it = req.query.find(name); it != req.query.end() && it->is_string()) id = *it;
    }
  }
  if (!is_plain_token(id)) {
    throw error(error_class::validation, "bill.query_id",
                "list PaymentStatus needs query.payment_batch_id: the BILL paymentBatchId")
        .with_field("/query/payment_batch_id", "bill.query_id", "no BILL paymentBatchId")
        .with_effect(effect::none);
  }
  const auto batch = api.get("payments/mass", id, ctx);
  if (!batch) {
    throw error(error_class::not_found, "bill.not_found", "no BILL mass payment " + id).with_effect(effect::none);
  }
  const auto currency = api.client().config().currency;
  auto unknown = [](const std::string& what, const std::string& name) {
    return error(error_class::internal, "bill.unknown_status",
                 "BILL answered a " + what + " status this adapter does not know: " + clip(name, 40))
        .with_effect(effect::none);
  };
  const auto group_state = batch_state(text_of(*batch, "status"));
  if (!group_state) throw unknown("mass payment", text_of(*batch, "status"));
  nlohmann::json items = nlohmann::json::array();
  items.push_back({{"id", id},
                   {"external_refs", {{"bill", id}}},
                   {"source", {{"system", "bill"}, {"id", id}}},
                   {"level", "group"},
                   {"status", *group_state}});
  const auto payments = batch->find("payments");
  if (payments == batch->end() || !payments->is_array()) {
    throw malformed_response("the mass payment has no payments array", call_kind::read, 200);
  }
  for (std::size_t i = 0; i < payments->size(); ++i) {
    const auto& item = (*payments)[i];
    const auto state = item_state(text_of(item, "status"));
    if (!state) throw unknown("mass payment item", text_of(item, "status"));
    const auto payment_id = text_of(item, "paymentId");
    const auto own_id = payment_id.empty() ? id + "-" + std::to_string(i) : payment_id;
    nlohmann::json s = {{"id", own_id},
                        {"external_refs", {{"bill", own_id}}},
                        {"source", {{"system", "bill"}, {"id", id}}},
                        {"level", "transaction"},
                        {"status", *state},
                        {"amount", mapping::money_json(mapping::read_amount(item, "amount"), currency)}};
    if (!payment_id.empty()) s["payment"] = {{"external_refs", {{"bill", payment_id}}}};
    if (const auto why = text_of(item, "error"); !why.empty()) {
      s["reasons"] = nlohmann::json::array(
          {{{"proprietary", "BILL_FAILED"}, {"additional_information", {clip(why, 105)}}}});
    }
    items.push_back(std::move(s));
  }
  return {{{"items", std::move(items)}}, false};
}

}  // namespace erpc::bill
