// SPDX-License-Identifier: Apache-2.0
// The in-process NetSuite simulator behind a small facade: the simulator headers bring the
// host server's erpc::http_request/http_response, which clash with the SDK client's types of
// the same names, so a test that drives the adapter includes only this.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <memory>
#include <string>

namespace erpc::netsuite::testing {

class netsuite_sim {
 public:
  netsuite_sim();  // started on an ephemeral port
  ~netsuite_sim();
  netsuite_sim(const netsuite_sim&) = delete;
  netsuite_sim& operator=(const netsuite_sim&) = delete;

  std::string base_url() const;
  void apply_settings(const nlohmann::json& values);
  std::size_t requests_in_flight() const;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace erpc::netsuite::testing
