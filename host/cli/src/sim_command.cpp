// erpc sim <vendor>: serve a vendor simulator (docs/simulators.md) until SIGINT or SIGTERM.
#include "cli_output.hpp"
#include "commands.hpp"

#include <erpc/sim/simulator_registry.hpp>
#include <erpc/sim/simulator_server.hpp>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <thread>

namespace erpc::cli {
namespace {

std::atomic<bool> stop_simulating{false};
extern "C" void on_sim_signal(int) { stop_simulating = true; }

struct sim_args {
  std::string vendor;
  std::string address = "127.0.0.1";
  int port = 0;
  std::string settings_file;
  std::string port_file;
};

// Written whole and renamed into place, so a reader never sees half a number.
void write_port_file(const std::string& path, std::uint16_t port) {
  const std::string partial = path + ".partial";
  std::ofstream(partial) << port << "\n";
  if (std::rename(partial.c_str(), path.c_str()) != 0) {
    throw error(error_class::configuration, "cli.port_file", "cannot write the port file " + path);
  }
}

int simulate(const sim_args& a) {
  sim::simulator_options options;
  options.address = a.address;
  options.port = static_cast<std::uint16_t>(a.port);
  sim::simulator_server server(sim::make_simulator(a.vendor), options);
  if (!a.settings_file.empty()) {
    // Validated like PUT /_sim/settings: an unknown name or a bad value stops here.
    server.context().settings().apply(read_json_file(a.settings_file, 1024 * 1024));
  }
  server.start();
  std::cout << "erpc sim " << a.vendor << " serving on " << server.base_url() << std::endl;
  if (!a.port_file.empty()) write_port_file(a.port_file, server.port());
  std::signal(SIGINT, on_sim_signal);
  std::signal(SIGTERM, on_sim_signal);
  while (!stop_simulating) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  server.stop();
  return exit_ok;
}

}  // namespace

void add_sim_command(CLI::App& app, command_environment& env) {
  std::string vendors;
  for (const auto& s : sim::registered_simulators()) {
    vendors += "\n  " + std::string(s.vendor) + "  " + std::string(s.summary);
  }
  auto* cmd =
      app.add_subcommand("sim", "Serve a vendor simulator with the /_sim/ control API" + vendors);
  auto a = std::make_shared<sim_args>();
  cmd->add_option("vendor", a->vendor, "Which simulator")->required();
  cmd->add_option("--port", a->port, "Port to listen on (0: any free port)")
      ->check(CLI::Range(0, 65535));
  cmd->add_option("--address", a->address, "Address to listen on (default 127.0.0.1)");
  cmd->add_option("--settings", a->settings_file,
                  "JSON file of settings {name: value} applied before serving");
  cmd->add_option("--port-file", a->port_file, "Write the bound port here once listening");
  cmd->callback([&env, a] { env.exit_code = simulate(*a); });
}

}  // namespace erpc::cli
