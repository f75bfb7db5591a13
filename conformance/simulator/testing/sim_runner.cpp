// SPDX-License-Identifier: Apache-2.0
// A bundled vendor simulator in its own process for adapter integration tests
// (erpc/sim/testing/sim_process.hpp says why). Usage: erpc_test_sim_runner <vendor>.
// Protocol on stdio: prints "port <n>" once listening; then answers each "inflight" line with
// the number of vendor requests holding a concurrency slot; ends at EOF.
#include <erpc/sim/simulator_registry.hpp>
#include <erpc/sim/simulator_server.hpp>

#include <exception>
#include <iostream>
#include <string>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: erpc_test_sim_runner <vendor>\n";
    return 2;
  }
  try {
    erpc::sim::simulator_server server(erpc::sim::make_simulator(argv[1]));
    server.start();
    std::cout << "port " << server.port() << std::endl;
    std::string line;
    while (std::getline(std::cin, line)) {
      if (line == "inflight") std::cout << server.requests_in_flight() << std::endl;
    }
    server.stop();
  } catch (const std::exception& e) {
    std::cerr << "simulator failed: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
