// `erpc ap import`: approved invoices from an AP system (Coupa) into the ERP, then marked
// exported at the source (docs/ap-import.md), through the durable outbox, the idempotency
// ledger and the audit trail of the host configuration. The flow's settings are in --flow FILE.
#include "cli_output.hpp"
#include "commands.hpp"
#include "flow_session.hpp"

#include <erpc/host/ap_import_flow.hpp>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

namespace erpc::cli {
namespace {

struct ap_args {
  std::string flow_file;
  int write_wait_s = 60;
};

int import_invoices(command_environment& env, const ap_args& a) {
  const auto config = ap_import_config::from_json(read_json_file(a.flow_file, env.options.max_json_bytes));
  flow_session session(env, "erpc-ap-", {config.source, config.erp}, std::chrono::seconds(a.write_wait_s));
  ap_import_flow flow(config, session.gateway());
  const auto summary = flow.run();
  print_json(summary);
  // Something a person must look at: an invoice that could not be imported or marked.
  return summary["failed"].empty() && summary["skipped"].empty() ? exit_ok : exit_failed;
}

}  // namespace

void add_ap_command(CLI::App& app, command_environment& env) {
  auto* ap = app.add_subcommand("ap", "Accounts-payable flows (docs/ap-import.md)");
  ap->require_subcommand(1);
  auto a = std::make_shared<ap_args>();
  auto* import = ap->add_subcommand(
      "import", "Approved invoices from the AP system into the ERP, then marked exported at the source");
  import->add_option("--flow", a->flow_file, "AP import configuration (JSON file)")
      ->required()
      ->check(CLI::ExistingFile);
  import->add_option("--write-wait-s", a->write_wait_s, "How long one write may wait in the outbox")
      ->check(CLI::Range(1, 3600));
  import->callback([&env, a] { env.exit_code = import_invoices(env, *a); });
}

}  // namespace erpc::cli
