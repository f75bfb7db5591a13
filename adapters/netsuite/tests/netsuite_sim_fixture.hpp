// SPDX-License-Identifier: Apache-2.0
// The NetSuite simulator for the adapter's integration tests, run as a child process
// (netsuite_sim_runner.cpp says why) and driven through its /_sim/ control API over HTTP.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <memory>
#include <string>

namespace erpc::netsuite::testing {

class netsuite_sim {
 public:
  netsuite_sim();  // started on an ephemeral port; ends with this object
  ~netsuite_sim();
  netsuite_sim(const netsuite_sim&) = delete;
  netsuite_sim& operator=(const netsuite_sim&) = delete;

  std::string base_url() const;
  void apply_settings(const nlohmann::json& values);     // PUT /_sim/settings
  nlohmann::json effects(const std::string& record_type) const;  // GET /_sim/effects
  std::size_t requests_in_flight() const;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace erpc::netsuite::testing
