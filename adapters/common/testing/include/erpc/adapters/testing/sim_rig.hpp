// SPDX-License-Identifier: Apache-2.0
// The frame every adapter integration test drives: the vendor's simulator in a child process
// (erpc::sim::testing::sim_process), the host's real HTTP service in front of it, and a fake
// host with the adapter loaded and one connection open. Each adapter's rig keeps what is its
// own — its configuration, its secrets, the faults it injects into the HTTP script — and asks
// this class for the rest: opening afresh, the call envelope, ok/failed, counting effects.
//
//   sim_rig rig("business_central", erpc_adapter_entry);
//   rig.open({{"env:BC_CLIENT_SECRET", "…"}}, config, [&](const auto& req, auto* call) {
//     return rig.forward(req, call);        // or a canned / lost answer
//   });
//   rig.ok(rig.call("create", "Supplier", "k-1", payload));  CHECK(rig.created("vendor") == 1);
#pragma once

#include <erpc/host/http_service.hpp>
#include <erpc/http_client.hpp>
#include <erpc/sim/testing/sim_process.hpp>
#include <erpc/testing/fake_host.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>

namespace erpc::adapters::testing {

// Now on the wall clock: the real HTTP service reads deadlines on it, so the fake host's clock
// is set to it before every call.
std::int64_t wall_ms();

// A write the vendor committed whose reply never arrived (R4): sent, then the connection reset.
http_response lost_reply();

class sim_rig {
 public:
  using http_script = erpc::testing::fake_http::script;

  // Starts the simulator `vendor` (any name `erpc sim` takes); nothing is open yet.
  sim_rig(const std::string& vendor, const erpc_adapter_entry_v1& entry);
  sim_rig(const sim_rig&) = delete;
  sim_rig& operator=(const sim_rig&) = delete;

  // A new fake host and connection: no memory of earlier calls (R5b: no ledger, no cache, no
  // session). Its clock is the wall clock, `secrets` are what it resolves, its HTTP goes
  // through `script` (empty: straight to the simulator) and the connection is opened with
  // `config`. Throws the adapter's error when open() refuses the configuration.
  void open(const std::map<std::string, std::string>& secrets, const nlohmann::json& config,
            http_script script = {});

  // Sends one request to the simulator through the host's HTTP service (for scripts).
  http_response forward(const http_request& request, const erpc_call_v1* call);

  // The request envelope of one call: contract 1.0, correlation id "c-<key>", the idempotency
  // key when `key` is not "" and the prior outcome when given.
  static nlohmann::json envelope(const std::string& op, const std::string& object,
                                 const std::string& key, int attempt = 1,
                                 const char* prior_outcome = nullptr);
  // Executes an envelope; the adapter must answer exactly once.
  erpc::testing::call_result execute(const nlohmann::json& envelope);
  // One call whose payload (create, update, submit) or query (every other op) is
  // `payload_or_query`.
  erpc::testing::call_result call(const std::string& op, const std::string& object,
                                  const std::string& key, const nlohmann::json& payload_or_query,
                                  int attempt = 1, const char* prior_outcome = nullptr);
  // One call from any thread: no clock update, no Catch assertion inside.
  erpc::testing::call_result execute_raw(const std::string& envelope_json);

  // The answer of a call that must have succeeded / failed.
  nlohmann::json ok(const erpc::testing::call_result& r);
  const erpc::error& failed(const erpc::testing::call_result& r);

  // What the simulator did (GET /_sim/effects): the whole record, its created and updated counts.
  nlohmann::json effects(const std::string& record_type) const;
  std::size_t created(const std::string& record_type) const;
  std::size_t updated(const std::string& record_type) const;
  void settings(const nlohmann::json& values);  // PUT /_sim/settings

  erpc::sim::testing::sim_process& sim() noexcept { return sim_; }
  erpc::testing::fake_host& host();
  const erpc_adapter_v1* adapter() const noexcept { return adapter_; }  // for host().check()

 private:
  erpc::sim::testing::sim_process sim_;
  erpc::http_service http_{erpc::http_service_options{}};
  const erpc_adapter_entry_v1& entry_;
  std::unique_ptr<erpc::testing::fake_host> host_;
  const erpc_adapter_v1* adapter_ = nullptr;
  erpc_connection* connection_ = nullptr;
};

}  // namespace erpc::adapters::testing
