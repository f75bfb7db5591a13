// erpc proxy: the conformance suite's fault-injecting proxy on its own (docs/fault-proxy.md),
// for running a fault script by hand between an adapter and a simulator or sandbox.
#include "cli_output.hpp"
#include "commands.hpp"

#include <erpc/conformance/fault_proxy.hpp>

#include <CLI/CLI.hpp>

#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

namespace erpc::cli {
namespace {

std::atomic<bool> stop_proxying{false};
extern "C" void on_proxy_signal(int) { stop_proxying = true; }

struct proxy_args {
  std::string upstream;
  std::string script;
  std::string address = "127.0.0.1";
  int port = 0;
  std::string port_file;
  std::int64_t upstream_timeout_ms = 30'000;
  std::string upstream_ca_file;
  bool upstream_insecure = false;
};

int run_proxy(const proxy_args& a) {
  conformance::fault_proxy_options options;
  options.upstream = a.upstream;
  options.address = a.address;
  options.port = static_cast<std::uint16_t>(a.port);
  options.upstream_timeout = std::chrono::milliseconds(a.upstream_timeout_ms);
  options.upstream_ca_file = a.upstream_ca_file;
  options.upstream_insecure_skip_verify = a.upstream_insecure;
  conformance::fault_script script;
  if (!a.script.empty()) {
    script = conformance::load_fault_script(a.script);
    const std::filesystem::path file(a.script);
    options.script_dir = file.has_parent_path() ? file.parent_path() : ".";
  }
  const auto rules = script.rules.size();
  conformance::fault_proxy proxy(options, std::move(script));
  proxy.start();
  std::cout << "erpc proxy on " << proxy.base_url() << " -> " << a.upstream << " (" << rules
            << (rules == 1 ? " rule" : " rules") << "; control API under /_proxy/)"
            << std::endl;
  if (!a.port_file.empty()) {
    // Written whole under a temporary name, then renamed: a reader never sees half a port.
    const std::string partial = a.port_file + ".partial";
    std::ofstream(partial) << proxy.port() << "\n";
    std::filesystem::rename(partial, a.port_file);
  }
  std::signal(SIGINT, on_proxy_signal);
  std::signal(SIGTERM, on_proxy_signal);
  while (!stop_proxying) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  proxy.stop();
  return exit_ok;
}

}  // namespace

void add_proxy_command(CLI::App& app, command_environment& env) {
  auto* cmd = app.add_subcommand(
      "proxy", "Run the fault-injecting HTTP proxy in front of one upstream (docs/fault-proxy.md)");
  auto a = std::make_shared<proxy_args>();
  cmd->add_option("--upstream", a->upstream, "Base URL every request is forwarded to")
      ->required();
  cmd->add_option("--script", a->script, "Fault script (JSON); none: pass everything through");
  cmd->add_option("--address", a->address, "Address to listen on (default 127.0.0.1)");
  cmd->add_option("--port", a->port, "Port to listen on; 0 lets the OS pick")
      ->check(CLI::Range(0, 65535));
  cmd->add_option("--port-file", a->port_file, "Write the bound port here once listening");
  cmd->add_option("--upstream-timeout-ms", a->upstream_timeout_ms,
                  "Bound on one forwarded exchange")
      ->check(CLI::Range(1, 3'600'000));
  cmd->add_option("--upstream-ca-file", a->upstream_ca_file,
                  "PEM bundle trusted for a TLS upstream, besides the system store");
  cmd->add_flag("--upstream-insecure", a->upstream_insecure,
                "Do not verify a TLS upstream's certificate (test sandboxes only)");
  cmd->callback([&env, a] { env.exit_code = run_proxy(*a); });
}

}  // namespace erpc::cli
