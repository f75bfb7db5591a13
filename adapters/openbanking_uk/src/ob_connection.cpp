// SPDX-License-Identifier: Apache-2.0
// Creating a payment exactly once (BANKING.md "UK Open Banking"; vendors.md §8.2):
//
//   1. POST /domestic-payment-consents with x-idempotency-key K(consent). Within the key's
//      validity (24 h) the bank answers the first consent again; the same key with another
//      payment is refused (→ IDEMPOTENCY_KEY_REUSE, zero writes).
//   2. GET the consent: its *current* status says what happened before. Authorised → go on;
//      Consumed → a payment was already made on it: this call is a replay; AwaitingAuthorisation
//      → IN_PROGRESS (the PSU has not acted yet; retried later); Rejected → CONFLICT.
//   3. POST /domestic-payments with x-idempotency-key K(payment): a new payment, or within the
//      validity the first payment again (same DomesticPaymentId), replayed when step 2 saw
//      Consumed.
//   After the validity the bank no longer knows the key, and the consumed consent is the guard:
//   the payment POST is refused UK.OBIE.Resource.InvalidConsentStatus. The adapter then reads
//   the consent back by its id: Consumed with the same initiation means the payment exists;
//   v3.1.11 offers no lookup from a consent to its payment, so it is named only when the
//   request carries the payment's id (external_refs.openbanking_uk of the first result) and
//   otherwise answered CONFLICT openbanking_uk.payment_already_made, effect none — never a
//   second payment. Past the validity a consent POST is new too (a second consent, which needs
//   the PSU's authorisation again): README "Limits".
#include "ob_connection.hpp"

#include "idempotency_key.hpp"
#include "payment_mapping.hpp"

namespace erpc::openbanking {

namespace {

using nlohmann::json;

std::string query_text(const json& q, const char* name) {
  if (!q.is_object()) return {};
  const auto it = q.find(name);
  return it != q.end() && it->is_string() ? it->get<std::string>() : std::string();
}

json data_of(const http_response& res, call_step step) {
  json doc;
  try {
    doc = json::parse(res.body);
  } catch (const std::exception&) {
    throw malformed_answer("its body is not JSON", step, res.status);
  }
  if (!doc.is_object() || !doc.contains("Data") || !doc["Data"].is_object()) {
    throw malformed_answer("its body has no Data object", step, res.status);
  }
  return doc["Data"];
}

std::string required_text(const json& data, const char* name, call_step step, int status) {
  const auto it = data.find(name);
  if (it == data.end() || !it->is_string() || it->get<std::string>().empty()) {
    throw malformed_answer(std::string("its Data has no ") + name, step, status);
  }
  return it->get<std::string>();
}

bool is_invalid_consent_status(const http_response& res) {
  const auto body = parse_ob_error(res.body);
  return res.status == 400 && body &&
         body->errors.front().error_code == "UK.OBIE.Resource.InvalidConsentStatus";
}

// Only ids the bank could have issued go into a URL path.
std::string checked_id(const std::string& id, const char* what) {
  const bool ok = !id.empty() && id.size() <= 128 &&
                  id.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                       "0123456789-_.:") == std::string::npos;
  if (!ok) {
    throw error(error_class::validation, "openbanking_uk.id_invalid",
                std::string("the ") + what + " id is not one the bank issues")
        .with_effect(effect::none)
        .with_field("/id", "openbanking_uk.id_invalid", "letters, digits, - _ . : only");
  }
  return id;
}

}  // namespace

ob_connection::ob_connection(host_ref host, connection_config config, call_context& ctx)
    : client_(host, std::move(config), ctx) {}

result ob_connection::execute(const request& req, call_context& ctx) {
  if (req.object == "Payment" && req.op == "create") return create_payment(req, ctx);
  if (req.object == "Payment" && (req.op == "get" || req.op == "status")) {
    if (!query_text(req.query, "natural_key").empty()) {
      throw error(error_class::unsupported, "openbanking_uk.natural_key_lookup_unsupported",
                  "UK Open Banking v3.1.11 offers no lookup of a payment by the idempotency key; "
                  "get it by its DomesticPaymentId")
          .with_effect(effect::none);
    }
    auto id = query_text(req.query, "vendor_id");
    if (id.empty()) id = query_text(req.query, "id");
    if (id.empty()) id = query_text(req.query, "payment_id");
    if (id.empty()) {
      throw error(error_class::validation, "openbanking_uk.query_id_missing",
                  "get needs query.id (the DomesticPaymentId)")
          .with_effect(effect::none)
          .with_field("/id", "openbanking_uk.query_id_missing", "required");
    }
    const auto data = read_payment(checked_id(id, "payment"), ctx);
    return {req.op == "get" ? payment_from_ob(data) : status_from_ob(data), false};
  }
  throw error(error_class::unsupported, "openbanking_uk.op_unsupported",
              "the UK Open Banking adapter offers create, get and status of a Payment, not " +
                  req.op + " " + req.object)
      .with_effect(effect::none);
}

json ob_connection::read_consent(const std::string& consent_id, call_context& ctx) {
  const auto res = client_.send("/domestic-payment-consents/" + consent_id, "", "",
                                call_step::read, ctx);
  if (res.status != 200) throw map_ob_error(res, call_step::read, client_.now_ms(ctx));
  return data_of(res, call_step::read);
}

json ob_connection::read_payment(const std::string& payment_id, call_context& ctx) {
  const auto res =
      client_.send("/domestic-payments/" + payment_id, "", "", call_step::read, ctx);
  if (res.status != 200) throw map_ob_error(res, call_step::read, client_.now_ms(ctx));
  auto data = data_of(res, call_step::read);
  (void)required_text(data, "DomesticPaymentId", call_step::read, res.status);
  (void)required_text(data, "Status", call_step::read, res.status);
  return data;
}

result ob_connection::create_payment(const request& req, call_context& ctx) {
  if (req.idempotency_key.empty()) {
    throw error(error_class::validation, "openbanking_uk.idempotency_key_required",
                "a payment is created only with an idempotency key")
        .with_effect(effect::none);
  }
  const auto& config = client_.config();
  const auto initiation = initiation_from_payment(req.payload, req.idempotency_key, config);
  const auto risk = risk_for(config);
  const auto pointers = [&](const std::string& path) {
    return payment_pointer(path, req.payload);
  };

  // 1. The consent: the one the request names (a resubmission carrying the first result's
  //    external_refs.openbanking_uk_consent, so the consumed consent guards it at any age), or
  //    the one of this key.
  auto consent_id = query_text(req.payload.value("external_refs", json::object()), consent_ref);
  if (!consent_id.empty()) {
    (void)checked_id(consent_id, "consent");
  } else {
    const json consent_body = {{"Data", {{"Initiation", initiation}}}, {"Risk", risk}};
    const auto consent_res =
        client_.send("/domestic-payment-consents", consent_body.dump(),
                     derived_key(consent_step, req.idempotency_key), call_step::consent, ctx);
    if (consent_res.status != 201 && consent_res.status != 200) {
      throw map_ob_error(consent_res, call_step::consent, client_.now_ms(ctx), pointers);
    }
    consent_id = checked_id(required_text(data_of(consent_res, call_step::consent), "ConsentId",
                                          call_step::consent, consent_res.status),
                            "consent");
  }

  // 2. Its current status (the POST's answer may be the first answer again).
  const auto consent = read_consent(consent_id, ctx);
  const auto status = required_text(consent, "Status", call_step::read, 200);
  if (status == "AwaitingAuthorisation") {
    throw error(error_class::in_progress, "openbanking_uk.awaiting_authorisation",
                "consent " + consent_id + " awaits the PSU's authorisation; retry later")
        .with_effect(effect::none);
  }
  if (status == "Rejected") {
    throw error(error_class::conflict, "openbanking_uk.consent_rejected",
                "the PSU rejected consent " + consent_id + "; no payment was made")
        .with_effect(effect::none);
  }
  if (status != "Authorised" && status != "Consumed") {
    throw malformed_answer("consent " + consent_id + " has an unknown status", call_step::read, 200);
  }
  const bool replay = status == "Consumed";

  // 3. The payment.
  const json payment_body = {{"Data", {{"ConsentId", consent_id}, {"Initiation", initiation}}},
                             {"Risk", risk}};
  const auto payment_res =
      client_.send("/domestic-payments", payment_body.dump(),
                   derived_key(payment_step, req.idempotency_key), call_step::payment, ctx);
  if (payment_res.status == 201 || payment_res.status == 200) {
    const auto data = data_of(payment_res, call_step::payment);
    (void)required_text(data, "DomesticPaymentId", call_step::payment, payment_res.status);
    if (required_text(data, "ConsentId", call_step::payment, payment_res.status) != consent_id) {
      throw malformed_answer("the payment names another consent", call_step::payment,
                             payment_res.status);
    }
    return {payment_from_ob(data), replay};
  }
  if (is_invalid_consent_status(payment_res)) {
    return consumed_consent(consent_id, initiation, req, ctx);
  }
  throw map_ob_error(payment_res, call_step::payment, client_.now_ms(ctx), pointers);
}

result ob_connection::consumed_consent(const std::string& consent_id, const json& initiation,
                                       const request& req, call_context& ctx) {
  const auto consent = read_consent(consent_id, ctx);
  const auto status = required_text(consent, "Status", call_step::read, 200);
  if (status != "Consumed") {
    throw error(error_class::conflict, "openbanking_uk.consent_unusable",
                "the bank refused a payment on consent " + consent_id + " (status " +
                    status.substr(0, 40) + ", possibly expired)")
        .with_effect(effect::none);
  }
  if (!consent.contains("Initiation") || consent["Initiation"] != initiation) {
    // Cannot happen through the key (the consent came back for this key's initiation), but a
    // changed payment is never reported as its replay.
    throw error(error_class::idempotency_key_reuse, "openbanking_uk.consent_initiation_differs",
                "consent " + consent_id + " was made for another payment")
        .with_effect(effect::none);
  }
  const auto known = query_text(req.payload.value("external_refs", json::object()), system_name);
  if (!known.empty()) {
    auto data = read_payment(checked_id(known, "payment"), ctx);
    if (data.value("ConsentId", "") == consent_id) return {payment_from_ob(data), true};
  }
  throw error(error_class::conflict, "openbanking_uk.payment_already_made",
              "the payment of this key was already made on consent " + consent_id +
                  " (consent Consumed); v3.1.11 cannot name it from the consent, so it is not "
                  "made again — look it up by the DomesticPaymentId of the first result")
      .with_effect(effect::none);
}

}  // namespace erpc::openbanking
