// SPDX-License-Identifier: Apache-2.0
#include <erpc/adapters/testing/sim_rig.hpp>

#include <catch2/catch.hpp>

#include <chrono>

namespace erpc::adapters::testing {

std::int64_t wall_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

http_response lost_reply() {
  http_response lost;
  lost.transport = http_transport::failed;
  lost.request_sent = true;
  lost.transport_message = "connection reset while reading the reply";
  return lost;
}

sim_rig::sim_rig(const std::string& vendor, const erpc_adapter_entry_v1& entry)
    : sim_(vendor), entry_(entry) {}

void sim_rig::open(const std::map<std::string, std::string>& secrets, const nlohmann::json& config,
                   http_script script) {
  // The old host goes first: its connection is closed before a new one is opened.
  host_.reset();
  host_ = std::make_unique<erpc::testing::fake_host>();
  host_->clock().set(wall_ms());
  for (const auto& [reference, value] : secrets) host_->secrets().set(reference, value);
  if (!script) {
    script = [this](const http_request& req, const erpc_call_v1* call) { return forward(req, call); };
  }
  host_->http().scripted(std::move(script));
  adapter_ = host_->init(entry_);
  connection_ = host_->open(adapter_, config.dump());
}

http_response sim_rig::forward(const http_request& request, const erpc_call_v1* call) {
  return http_client(http_.table()).send(request, call);
}

nlohmann::json sim_rig::envelope(const std::string& op, const std::string& object,
                                 const std::string& key, int attempt, const char* prior_outcome) {
  nlohmann::json e = {{"contract", "1.0"}, {"op", op}, {"object", object},
                      {"attempt", attempt}, {"correlation_id", "c-" + key}};
  if (!key.empty()) e["idempotency_key"] = key;
  if (prior_outcome) e["prior_outcome"] = prior_outcome;
  return e;
}

erpc::testing::call_result sim_rig::execute(const nlohmann::json& envelope) {
  host().clock().set(wall_ms());
  auto r = host_->execute(adapter_, connection_, envelope.dump());
  REQUIRE(r.answers == 1);
  return r;
}

erpc::testing::call_result sim_rig::call(const std::string& op, const std::string& object,
                                         const std::string& key,
                                         const nlohmann::json& payload_or_query, int attempt,
                                         const char* prior_outcome) {
  auto e = envelope(op, object, key, attempt, prior_outcome);
  const bool carries_payload = op == "create" || op == "update" || op == "submit";
  e[carries_payload ? "payload" : "query"] = payload_or_query;
  return execute(e);
}

erpc::testing::call_result sim_rig::execute_raw(const std::string& envelope_json) {
  return host_->execute(adapter_, connection_, envelope_json);  // no Catch macro off the main thread
}

nlohmann::json sim_rig::ok(const erpc::testing::call_result& r) {
  INFO((r.error ? std::string(r.error->code()) + ": " + r.error->message() : r.json));
  REQUIRE(r.ok);
  return nlohmann::json::parse(r.json);
}

const erpc::error& sim_rig::failed(const erpc::testing::call_result& r) {
  INFO(r.json);
  REQUIRE_FALSE(r.ok);
  REQUIRE(r.error);
  return *r.error;
}

nlohmann::json sim_rig::effects(const std::string& record_type) const {
  return sim_.effects(record_type);
}

std::size_t sim_rig::created(const std::string& record_type) const {
  return effects(record_type).at("created").get<std::size_t>();
}

std::size_t sim_rig::updated(const std::string& record_type) const {
  return effects(record_type).at("updated").get<std::size_t>();
}

void sim_rig::settings(const nlohmann::json& values) { sim_.apply_settings(values); }

erpc::testing::fake_host& sim_rig::host() {
  REQUIRE(host_ != nullptr);  // open() first
  return *host_;
}

}  // namespace erpc::adapters::testing
