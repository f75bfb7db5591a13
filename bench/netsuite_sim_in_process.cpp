#include "netsuite_sim_in_process.hpp"

#include <erpc/sim/netsuite/netsuite_simulator.hpp>
#include <erpc/sim/simulator_server.hpp>

struct netsuite_sim_in_process::impl {
  erpc::sim::simulator_server server{erpc::sim::netsuite::make_netsuite_simulator()};
};

netsuite_sim_in_process::netsuite_sim_in_process() : impl_(std::make_unique<impl>()) {
  impl_->server.start();
}

netsuite_sim_in_process::~netsuite_sim_in_process() = default;

std::string netsuite_sim_in_process::base_url() const { return impl_->server.base_url(); }
