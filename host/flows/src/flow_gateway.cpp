#include "erpc/host/flow_gateway.hpp"

#include <erpc/host/audit_trail.hpp>
#include <erpc/host/document_member.hpp>

#include <optional>
#include <thread>

namespace erpc {

error error_from_stored_json(const nlohmann::json& stored) {
  if (!stored.is_object()) {
    return error(error_class::internal, "flow.unreadable_error", "a stored error was not an object");
  }
  const auto cls = error_class_from_string(stored.value("class", "")).value_or(error_class::internal);
  error e(cls, stored.value("code", "flow.unknown"), stored.value("message", ""));
  if (auto eff = effect_from_string(stored.value("effect", ""))) e.with_effect(*eff);
  return e;
}

dispatcher_gateway::dispatcher_gateway(dispatcher& dispatch, exception_queues& queues,
                                       reader open_for_read, audit_trail* audit,
                                       dispatcher_gateway_options options)
    : dispatch_(dispatch),
      queues_(queues),
      open_for_read_(std::move(open_for_read)),
      audit_(audit),
      options_(options) {}

namespace {

nlohmann::json result_of(const std::string& response_text) {
  const auto response = nlohmann::json::parse(response_text);
  return response.value("result", nlohmann::json(nullptr));
}

}  // namespace

nlohmann::json dispatcher_gateway::write(const std::string& connection, const std::string& object,
                                         const std::string& op, const std::string& key,
                                         const nlohmann::json& document,
                                         const std::string& correlation_id) {
  nlohmann::json envelope = {{"connection", connection}, {"object", object}, {"op", op},
                             {"idempotency_key", key}, {"correlation_id", correlation_id}};
  envelope[std::string(document_member_for(op))] = document;
  const auto outcome = dispatch_.submit(envelope);
  if (outcome.refused) throw *outcome.refused;
  if (outcome.accepted.kind == accept_kind::replay && outcome.accepted.stored_response) {
    return result_of(*outcome.accepted.stored_response);
  }
  // Accepted now or earlier (pending, unresolved, in flight): work the outbox until this
  // message is finished. Other due messages are processed too; that is the outbox's job.
  const auto until = std::chrono::steady_clock::now() + options_.write_wait;
  while (true) {
    const auto message = queues_.get_message(outcome.accepted.message_id);
    if (!message) {
      throw error(error_class::internal, "flow.message_lost",
                  "the outbox has no message " + outcome.accepted.message_id);
    }
    if (message->state == message_state::succeeded && message->response) {
      return result_of(*message->response);
    }
    if (message->state == message_state::queued || message->state == message_state::discarded) {
      if (message->last_error) throw error_from_stored_json(nlohmann::json::parse(*message->last_error));
      throw error(error_class::internal, "flow.write_failed",
                  object + " " + op + " " + key + " failed without an error");
    }
    if (std::chrono::steady_clock::now() > until) {
      throw error(error_class::in_progress, "flow.write_pending",
                  object + " " + op + " " + key +
                      " is still in the outbox; run the step again to resume it")
          .with_effect(effect::possible);
    }
    if (dispatch_.run_once() == 0) std::this_thread::sleep_for(options_.poll);
  }
}

nlohmann::json dispatcher_gateway::read(const std::string& connection, const std::string& object,
                                        const std::string& op, const nlohmann::json& query,
                                        const std::string& correlation_id) {
  auto it = readers_.find(connection);
  if (it == readers_.end()) it = readers_.emplace(connection, open_for_read_(connection)).first;
  const nlohmann::json envelope = {{"contract", "1.0"},      {"op", op},
                                   {"object", object},       {"attempt", 1},
                                   {"deadline_ms", options_.read_deadline_ms},
                                   {"correlation_id", correlation_id},
                                   {"connection", connection}, {"query", query}};
  const auto outcome = it->second(envelope);
  if (!outcome.ok) throw *outcome.failure;
  return outcome.response->value("result", nlohmann::json(nullptr));
}

bool dispatcher_gateway::raise(const std::string& connection, const std::string& object,
                               const std::string& op, const std::string& key,
                               const nlohmann::json& query, const error& why,
                               const std::string& correlation_id) {
  const nlohmann::json envelope = {{"connection", connection}, {"object", object},
                                   {"op", op},                 {"idempotency_key", key},
                                   {"correlation_id", correlation_id}, {"query", query}};
  const auto outcome = dispatch_.raise(envelope, why, exception_queue::technical);
  if (outcome.refused) throw *outcome.refused;
  return outcome.accepted.kind == accept_kind::accepted;
}

bool dispatcher_gateway::resolve(const std::string& connection, const std::string& object,
                                 const std::string& op, const std::string& key,
                                 const std::string& reason) {
  const auto id = dispatch_.message_of({connection, object, op, key});
  if (!id) return false;
  const auto message = queues_.get_message(*id);
  if (!message || message->state != message_state::queued) return false;
  queues_.discard(*id, pay_flow_audit_chain, reason);
  return true;
}

void dispatcher_gateway::note(const std::string& correlation_id, const std::string& event,
                              const nlohmann::json& detail) {
  if (audit_) audit_->append(pay_flow_audit_chain, correlation_id, event, detail);
}

std::vector<nlohmann::json> list_all(flow_gateway& gateway, const std::string& connection,
                                     const std::string& object, const std::string& correlation_id,
                                     nlohmann::json query) {
  std::vector<nlohmann::json> items;
  std::optional<std::string> cursor;
  for (int page = 0; page < 10'000; ++page) {
    query["limit"] = 100;
    if (cursor) query["cursor"] = *cursor;
    const auto result = gateway.read(connection, object, "list", query, correlation_id);
    for (const auto& item : result.value("items", nlohmann::json::array())) items.push_back(item);
    const auto next = result.value("next_cursor", nlohmann::json());
    if (!next.is_string() || next.get<std::string>().empty() || (cursor && next == *cursor)) break;
    cursor = next.get<std::string>();
  }
  return items;
}

std::string created_id(const nlohmann::json& result) {
  if (!result.is_object()) return {};
  if (const auto id = result.find("id"); id != result.end() && id->is_string() && !id->get<std::string>().empty()) {
    return id->get<std::string>();
  }
  if (const auto refs = result.find("external_refs"); refs != result.end() && refs->is_object()) {
    for (const auto& [system, id] : refs->items()) {
      if (id.is_string()) return id.get<std::string>();
    }
  }
  return {};
}

}  // namespace erpc
