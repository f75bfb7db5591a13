// SPDX-License-Identifier: Apache-2.0
// The NetSuite simulator for the adapter's integration tests, run as a child process and driven
// through its /_sim/ control API over HTTP (the shared erpc::sim::testing::sim_process says why).
#pragma once

#include <erpc/sim/testing/sim_process.hpp>

namespace erpc::netsuite::testing {

class netsuite_sim : public erpc::sim::testing::sim_process {
 public:
  netsuite_sim() : sim_process("netsuite") {}
};

}  // namespace erpc::netsuite::testing
