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
  std::function<host_context&()> host;  // built on first use, after parsing
  int exit_code = 0;
};

void add_adapters_command(CLI::App& app, command_environment& env);
void add_validate_command(CLI::App& app, command_environment& env);
void add_invoke_command(CLI::App& app, command_environment& env);
void add_worker_command(CLI::App& app, command_environment& env);

// Reads a whole file and parses it with the boundary's strict JSON rules.
nlohmann::json read_json_file(const std::string& path, std::size_t max_bytes);

}  // namespace erpc::cli
