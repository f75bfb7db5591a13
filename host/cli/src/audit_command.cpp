#include "cli_output.hpp"
#include "commands.hpp"
#include "runtime_context.hpp"

#include <erpc/host/audit_entry.hpp>
#include <erpc/host/audit_verify_report.hpp>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <iostream>

namespace erpc::cli {
namespace {

int show(command_environment& env, const std::string& correlation_id) {
  runtime_context rt(env.host(), required_config_file(env));
  const auto entries = rt.audit().show(correlation_id);
  nlohmann::json out = nlohmann::json::array();
  for (const auto& e : entries) out.push_back(to_json(e));
  print_json(out);
  return entries.empty() ? exit_failed : exit_ok;
}

int verify(command_environment& env, bool as_json) {
  runtime_context rt(env.host(), required_config_file(env));
  const auto report = rt.audit().verify();
  if (as_json) {
    print_json(to_json(report));
  } else {
    const auto j = to_json(report);
    for (const auto& c : j["connections"]) std::cout << c.dump() << "\n";
    for (const auto& p : j["problems"]) {
      std::cout << "PROBLEM " << p.value("kind", "") << " connection="
                << p.value("connection", "") << " seq=" << p.value("seq", 0) << ": "
                << p.value("message", "") << "\n";
    }
    std::cout << (report.ok() ? "audit trail verified" : "audit trail FAILED verification")
              << "\n";
  }
  return report.ok() ? exit_ok : exit_failed;
}

}  // namespace

void add_audit_command(CLI::App& app, command_environment& env) {
  auto* audit = app.add_subcommand("audit", "Read and verify the HMAC-chained audit trail");
  audit->require_subcommand(1);
  auto* show_cmd = audit->add_subcommand("show", "Every audit entry of one message");
  auto id = std::make_shared<std::string>();
  show_cmd->add_option("correlation_id", *id, "Correlation id")->required();
  show_cmd->callback([&env, id] { env.exit_code = show(env, *id); });

  auto* verify_cmd = audit->add_subcommand(
      "verify", "Recompute every chain; report edited, deleted and truncated entries");
  auto as_json = std::make_shared<bool>(false);
  verify_cmd->add_flag("--json", *as_json, "Machine-readable output");
  verify_cmd->callback([&env, as_json] { env.exit_code = verify(env, *as_json); });
}

}  // namespace erpc::cli
