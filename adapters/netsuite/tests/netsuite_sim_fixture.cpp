// SPDX-License-Identifier: Apache-2.0
#include "netsuite_sim_fixture.hpp"

#include <erpc/sim/netsuite/netsuite_simulator.hpp>
#include <erpc/sim/simulator_server.hpp>

namespace erpc::netsuite::testing {

struct netsuite_sim::impl {
  erpc::sim::simulator_server server{erpc::sim::netsuite::make_netsuite_simulator()};
};

netsuite_sim::netsuite_sim() : impl_(std::make_unique<impl>()) { impl_->server.start(); }
netsuite_sim::~netsuite_sim() = default;

std::string netsuite_sim::base_url() const { return impl_->server.base_url(); }

void netsuite_sim::apply_settings(const nlohmann::json& values) {
  impl_->server.context().settings().apply(values);
}

std::size_t netsuite_sim::requests_in_flight() const {
  return impl_->server.requests_in_flight();
}

}  // namespace erpc::netsuite::testing
