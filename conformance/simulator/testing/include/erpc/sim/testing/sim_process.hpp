// SPDX-License-Identifier: Apache-2.0
// A bundled vendor simulator in a child process (sim_runner.cpp), for adapter integration tests,
// driven through its /_sim/ control API over HTTP — as `erpc certify` drives it. The simulator
// runs outside the test executable because its server library and the SDK client both define
// erpc::http_request/erpc::http_response: one executable holding both would merge their inline
// members (an ODR violation that crashed the first NetSuite adapter tests).
//
//   erpc::sim::testing::sim_process sim("sap_s4hana");   // any name `erpc sim` takes
//   … point the adapter at sim.base_url(), count sim.effects("A_SupplierInvoice") …
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace erpc::sim::testing {

class sim_process {
 public:
  explicit sim_process(const std::string& vendor);  // started on an ephemeral port
  ~sim_process();                                    // stopped with this object
  sim_process(const sim_process&) = delete;
  sim_process& operator=(const sim_process&) = delete;

  std::uint16_t port() const;
  std::string base_url() const;
  void apply_settings(const nlohmann::json& values);               // PUT /_sim/settings
  nlohmann::json effects(const std::string& record_type) const;    // GET /_sim/effects
  void reset();                                                    // POST /_sim/reset
  std::size_t requests_in_flight() const;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace erpc::sim::testing
