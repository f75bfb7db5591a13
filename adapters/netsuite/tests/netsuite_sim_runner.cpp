// SPDX-License-Identifier: Apache-2.0
// The NetSuite simulator in its own process for the adapter's integration tests, so the adapter
// talks to it over real HTTP from outside, as certification does. Protocol on stdio: prints
// "port <n>" once listening; then answers each "inflight" line with the number of vendor
// requests holding a concurrency slot; ends at EOF.
#include <erpc/sim/netsuite/netsuite_simulator.hpp>
#include <erpc/sim/simulator_server.hpp>

#include <iostream>
#include <string>

int main() {
  erpc::sim::simulator_server server(erpc::sim::netsuite::make_netsuite_simulator());
  server.start();
  std::cout << "port " << server.port() << std::endl;
  std::string line;
  while (std::getline(std::cin, line)) {
    if (line == "inflight") std::cout << server.requests_in_flight() << std::endl;
  }
  server.stop();
  return 0;
}
