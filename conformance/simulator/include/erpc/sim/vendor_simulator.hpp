// SPDX-License-Identifier: Apache-2.0
// What a vendor simulator implements. The framework (simulator_server) owns the HTTP server,
// the control API under /_sim/, the settings, the effects log and the request log; a vendor
// simulator adds the vendor's own routes and keeps the vendor's records.
//
// Writing one (adapters/<vendor>/simulator/):
//   1. declare every setting in settings() — each unconfirmed vendors.md behaviour, with its
//      default and source line;
//   2. in install(), add the vendor's routes (and middleware, e.g. auth) to the router; read
//      settings per request through context.settings(), so PUT /_sim/settings takes effect on
//      the next request;
//   3. call context.effects().record_write(...) for every record created or updated;
//   4. forget all records in reset().
// Handlers run on several threads at once: guard the vendor's state with its own mutex.
// Middleware a vendor adds also sees control requests; skip them with is_control_path().
#pragma once

#include <erpc/host/http_router.hpp>
#include <erpc/sim/effects_log.hpp>
#include <erpc/sim/request_log.hpp>
#include <erpc/sim/simulator_settings.hpp>

#include <cstddef>
#include <string_view>
#include <vector>

namespace erpc::sim {

// The state the framework shares with a vendor simulator; lives as long as the server.
class simulator_context {
 public:
  simulator_context(std::vector<setting_spec> specs, std::size_t request_log_capacity)
      : settings_(std::move(specs)), requests_(request_log_capacity) {}

  simulator_settings& settings() noexcept { return settings_; }
  effects_log& effects() noexcept { return effects_; }
  request_log& requests() noexcept { return requests_; }

 private:
  simulator_settings settings_;
  effects_log effects_;
  request_log requests_;
};

// "/_sim" and everything under "/_sim/".
bool is_control_path(std::string_view path) noexcept;

class vendor_simulator {
 public:
  virtual ~vendor_simulator() = default;

  // The name `erpc sim <vendor>` takes, e.g. "netsuite".
  virtual std::string_view vendor() const = 0;
  // Every setting, with its default; called once, before install().
  virtual std::vector<setting_spec> settings() const = 0;
  // Called once, before the server starts. `context` outlives every request.
  virtual void install(http_router& router, simulator_context& context) = 0;
  // Forget every record, job and session (POST /_sim/reset; the framework clears the effects
  // and request logs itself). Runs while requests may be in flight.
  virtual void reset() = 0;
  // Bring time-driven state up to date (finish async jobs that are due) before the control API
  // reports effects, so a count never misses work that has already happened.
  virtual void settle() {}
};

}  // namespace erpc::sim
