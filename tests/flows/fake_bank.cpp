#include "fake_bank.hpp"

#include <erpc/error.hpp>

namespace erpc::testing {

namespace {

execute_outcome ok(const nlohmann::json& result, bool replayed) {
  execute_outcome out;
  out.ok = true;
  out.response = std::make_shared<const nlohmann::json>(
      nlohmann::json{{"status", "ok"}, {"replayed", replayed}, {"result", result}});
  return out;
}

execute_outcome fail(error e) {
  execute_outcome out;
  out.failure = std::make_shared<const error>(std::move(e));
  return out;
}

// ≤ 35 characters of the ISO reference set, from the key (BANKING.md Identifiers).
std::string ident(const std::string& prefix, const std::string& key) {
  std::string s = prefix;
  for (const char c : key) s += (c == '.' || c == ':') ? '-' : c;
  return s.size() > 35 ? s.substr(s.size() - 35) : s;
}

nlohmann::json page(const std::vector<nlohmann::json>& items, const nlohmann::json& query) {
  std::size_t from = 0;
  if (query.is_object() && query.contains("cursor")) from = std::stoul(query["cursor"].get<std::string>());
  nlohmann::json out = {{"items", nlohmann::json::array()}};
  for (std::size_t i = from; i < items.size(); ++i) out["items"].push_back(items[i]);
  out["next_cursor"] = std::to_string(items.size());
  return out;
}

}  // namespace

execute_outcome fake_bank::operator()(const nlohmann::json& envelope) {
  const std::string op = envelope.value("op", "");
  const std::string object = envelope.value("object", "");
  if (op == "submit" && object == "PaymentBatch") {
    const std::string key = envelope.value("idempotency_key", "");
    if (refuse_next) {
      refuse_next = false;
      return fail(error(error_class::validation, "pain001.iban_invalid", "creditor IBAN fails mod-97")
                      .with_effect(effect::none));
    }
    const auto payload = envelope.value("payload", nlohmann::json());
    if (auto it = batches_.find(key); it != batches_.end()) {
      if (it->second.first != payload.dump()) {
        return fail(error(error_class::idempotency_key_reuse, "bank.key_reuse", "other content")
                        .with_effect(effect::none));
      }
      return ok(it->second.second, true);
    }
    auto result = payload;
    const std::string msg = ident("M", key);
    result["message_id"] = msg;
    result["external_refs"] = {{"bank_iso20022", msg}};
    int n = 0;
    for (auto& p : result["payments"]) {
      ++n;
      if (!echo_ids) p.erase("id");
      p["references"] = {{"message_id", msg},
                         {"payment_information_id", ident("PI", key + "-1")},
                         {"instruction_id", ident("I", key + "-" + std::to_string(n))},
                         {"end_to_end_id", ident("E", key + "-" + std::to_string(n))}};
    }
    batches_[key] = {payload.dump(), result};
    last_batch_ = result;
    ++submits_;
    return ok(result, false);
  }
  if (op == "status" && object == "PaymentBatch") {
    // As the bank file adapter: the latest status pushed for that MsgId, else IN_PROGRESS.
    ++status_asks_;
    const auto message_id = envelope["query"]["natural_key"].value("message_id", "");
    for (auto it = statuses_.rbegin(); it != statuses_.rend(); ++it) {
      if ((*it)["references"].value("message_id", "") == message_id) return ok(*it, false);
    }
    return fail(error(error_class::in_progress, "bank_file.status_not_received",
                      "no pain.002 for MsgId " + message_id)
                    .with_effect(effect::none)
                    .with_retry_after_ms(60'000));
  }
  if (op == "list" && object == "PaymentStatus") return ok(page(statuses_, envelope["query"]), false);
  if (op == "list" && object == "BankStatement") return ok(page(statements_, envelope["query"]), false);
  return fail(error(error_class::unsupported, "bank.op_unsupported", op + " " + object));
}

nlohmann::json fake_bank::status_for(const nlohmann::json& payment, const std::string& state,
                                     const std::string& bank_status, const std::string& reason) const {
  nlohmann::json s = {{"external_refs", nlohmann::json::object()},
                      {"source", {{"system", "bank"}}},
                      {"level", "transaction"},
                      {"status", state},
                      {"bank_status", bank_status},
                      {"references", payment["references"]},
                      {"amount", payment["amount"]}};
  if (!reason.empty()) s["reasons"] = {{{"code", reason}}};
  return s;
}

nlohmann::json fake_bank::statement(const std::string& id, std::vector<nlohmann::json> entries) const {
  return {{"external_refs", nlohmann::json::object()},
          {"source", {{"system", "bank"}}},
          {"kind", "statement"},
          {"statement_id", id},
          {"account", {{"iban", "DE89370400440532013000"}}},
          {"balances", nlohmann::json::array()},
          {"entries", entries}};
}

}  // namespace erpc::testing
