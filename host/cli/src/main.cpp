// erpc — the erpconnect host command line.
#include "cli_output.hpp"
#include "commands.hpp"

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <optional>

int main(int argc, char** argv) {
  using namespace erpc::cli;
  CLI::App app{"erpc — the erpconnect host: load adapters, validate and move finance records"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("erpc ") + ERPC_VERSION + " (ABI 1.0, contract 1.0)");

  command_environment env;
  std::optional<host_context> host;
  env.host = [&]() -> host_context& {
    if (!host) host.emplace(env.options);
    return *host;
  };
  app.add_option("--adapters-dir", env.options.adapter_dirs,
                 "Adapter folder to scan (repeatable; default: $ERPC_ADAPTER_PATH, then the "
                 "folders next to erpc)");
  app.add_option("--trust-key", env.options.trusted_keys,
                 "Trusted Ed25519 key KEY_ID=PUBLIC_KEY.pem; adapters must then be signed");
  app.add_flag("--require-signatures", env.options.require_signatures,
               "Load only adapters with a valid signature by a trusted key");
  app.add_option("--log-level", env.options.log_level, "trace|debug|info|warn|error|off")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "off"}));
  app.add_option("--log-format", env.options.log_format, "text|json (default text)")
      ->check(CLI::IsMember({"text", "json"}));
  app.add_option("--config", env.config_file,
                 "Host configuration file for the durable commands (default: $ERPC_CONFIG)");
  app.add_option("--max-json-bytes", env.options.max_json_bytes,
                 "Largest JSON document accepted at the adapter boundary");

  add_adapters_command(app, env);
  add_validate_command(app, env);
  add_invoke_command(app, env);
  add_submit_command(app, env);
  add_run_command(app, env);
  add_queue_command(app, env);
  add_audit_command(app, env);
  add_serve_command(app, env);
  add_proxy_command(app, env);
  add_worker_command(app, env);
  add_sim_command(app, env);
  add_certify_command(app, env);
  add_pay_command(app, env);
  add_ap_command(app, env);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? exit_ok : exit_usage;
  } catch (const erpc::error& e) {
    print_error(e, false);
    env.exit_code = e.cls() == erpc::error_class::configuration ? exit_usage : exit_failed;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    env.exit_code = exit_usage;
  }
  std::cout.flush();
  std::cerr.flush();
  if (host && host->has_abandoned_calls()) {
    // An adapter call abandoned at its deadline may still be running: unloading its library
    // under it would crash. Leave without running destructors.
    spdlog::shutdown();
    std::_Exit(env.exit_code);
  }
  return env.exit_code;
}
