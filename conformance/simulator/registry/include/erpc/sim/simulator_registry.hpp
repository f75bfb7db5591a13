// SPDX-License-Identifier: Apache-2.0
// Every vendor simulator the build bundles, by the name `erpc sim <vendor>` (and `erpc certify
// --target sim`) takes. Adding a simulator is one line in simulator_registry.cpp plus linking
// its library to erpc_simulator_registry.
#pragma once

#include <erpc/sim/vendor_simulator.hpp>

#include <memory>
#include <span>
#include <string_view>

namespace erpc::sim {

struct registered_simulator {
  std::string_view vendor;   // "netsuite"
  std::string_view summary;  // one line for --help
  std::unique_ptr<vendor_simulator> (*make)();
};

std::span<const registered_simulator> registered_simulators();

// Throws erpc::error(CONFIGURATION, "sim.unknown_vendor") naming the vendors there are.
std::unique_ptr<vendor_simulator> make_simulator(std::string_view vendor);

}  // namespace erpc::sim
