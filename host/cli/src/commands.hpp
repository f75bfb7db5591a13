#pragma once
// Each command group registers its subcommands on the app. A command runs after parsing and
// returns the process exit code through `exit_code`.

#include "host_context.hpp"

#include <functional>

namespace CLI {
class App;
}

namespace erpc::cli {

struct command_environment {
  host_options options;
  std::string config_file;  // --config, else $ERPC_CONFIG
  std::function<host_context&()> host;  // built on first use, after parsing
  int exit_code = 0;
};

void add_adapters_command(CLI::App& app, command_environment& env);
void add_validate_command(CLI::App& app, command_environment& env);
void add_invoke_command(CLI::App& app, command_environment& env);
void add_submit_command(CLI::App& app, command_environment& env);
void add_run_command(CLI::App& app, command_environment& env);
void add_queue_command(CLI::App& app, command_environment& env);
void add_audit_command(CLI::App& app, command_environment& env);
void add_serve_command(CLI::App& app, command_environment& env);
void add_proxy_command(CLI::App& app, command_environment& env);

// The configuration file the durable commands use; throws cli.no_config when none was given.
std::string required_config_file(const command_environment& env);
void add_worker_command(CLI::App& app, command_environment& env);
void add_sim_command(CLI::App& app, command_environment& env);
void add_certify_command(CLI::App& app, command_environment& env);
void add_pay_command(CLI::App& app, command_environment& env);
void add_ap_command(CLI::App& app, command_environment& env);

// Reads a whole file and parses it with the boundary's strict JSON rules.
nlohmann::json read_json_file(const std::string& path, std::size_t max_bytes);

}  // namespace erpc::cli
