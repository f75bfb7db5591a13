// SPDX-License-Identifier: Apache-2.0
// A vendor simulator on the host's HTTP server base, in-process (tests) or under `erpc sim`.
//
//   auto sim = erpc::sim::simulator_server(std::make_unique<netsuite_simulator>());
//   sim.start();                       // port 0 → the OS picks; sim.port() tells which
//   sim.context().settings().apply({{"concurrency.limit", 1}});
//   … drive sim.base_url() over HTTP …
//   sim.context().effects().snapshot();
//
// The control API it serves (every simulator, docs/simulators.md):
//   GET  /_sim/effects[?record_type=&natural_key=&after=]  the effects log (+ created/updated
//   counts) POST /_sim/reset[?settings=defaults]   forget records, effects and requests (and
//   settings) GET  /_sim/settings                    values + definitions PUT  /_sim/settings
//   {name: value, …}; all or nothing; 400 sim.* codes GET  /_sim/requests                    the
//   request log GET  /_sim/health                      {"vendor": …, "status": "ok"}
// Control errors are the host's canonical error body with a stable code.
#pragma once

#include <erpc/sim/vendor_simulator.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace spdlog {
class logger;
}

namespace erpc::sim {

struct simulator_options {
  std::string address = "127.0.0.1";
  std::uint16_t port = 0;  // 0: ephemeral
  // Enough handler threads that a test can hold requests open (throttling) and still reach
  // the control API.
  std::size_t handler_threads = 8;
  std::size_t max_queued_requests = 256;
  std::size_t max_body_bytes = 16u * 1024u * 1024u;
  std::size_t request_log_capacity = 1000;
  std::shared_ptr<spdlog::logger> logger;  // nullptr: the router's default
};

class simulator_server {
 public:
  // Asks `vendor` for its settings and routes; throws what its settings or routes throw.
  explicit simulator_server(std::unique_ptr<vendor_simulator> vendor,
                            simulator_options options = {});
  ~simulator_server();  // stop()
  simulator_server(const simulator_server&) = delete;
  simulator_server& operator=(const simulator_server&) = delete;

  // Throws erpc::error(CONFIGURATION, "http.bind_failed") when the port is taken.
  void start();
  void stop();  // graceful; idempotent
  std::uint16_t port() const noexcept;
  std::string base_url() const;

  // What POST /_sim/reset does.
  void reset(bool restore_default_settings);

  simulator_context& context() noexcept { return *context_; }
  vendor_simulator& vendor() noexcept { return *vendor_; }
  std::size_t requests_in_flight() const noexcept;

 private:
  struct impl;
  std::unique_ptr<vendor_simulator> vendor_;
  std::unique_ptr<simulator_context> context_;
  std::unique_ptr<impl> impl_;
};

}  // namespace erpc::sim
