// `erpc pay run` and `erpc pay settle`: the pay-and-settle flow (docs/pay-and-settle.md) on the
// configured connections, through the durable outbox, the idempotency ledger and the audit
// trail of the host configuration (--config / $ERPC_CONFIG). The flow's own settings (which
// connection is the ERP, which the bank, accounts) are in --flow FILE.
#include "cli_output.hpp"
#include "commands.hpp"
#include "flow_session.hpp"

#include <erpc/host/pay_settle_flow.hpp>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

namespace erpc::cli {
namespace {

struct pay_args {
  std::string flow_file;
  std::string run_id;
  std::string execution_date;
  std::string short_payments_file;
  int write_wait_s = 60;
};

int pay(command_environment& env, const pay_args& a, bool settle) {
  const auto flow_config = pay_flow_config::from_json(read_json_file(a.flow_file, env.options.max_json_bytes));
  flow_session session(env, "erpc-pay-", {flow_config.erp, flow_config.bank},
                       std::chrono::seconds(a.write_wait_s));
  pay_store store(session.runtime().db());
  pay_settle_flow flow(flow_config, session.gateway(), store);
  pay_run_request request{a.run_id, a.execution_date, {}};
  if (!a.short_payments_file.empty()) {
    request.short_payments =
        short_payments_from_json(read_json_file(a.short_payments_file, env.options.max_json_bytes));
  }
  const auto summary = settle ? flow.settle() : flow.run(request);
  print_json(summary);
  const bool attention = settle && (!summary["ambiguous"].empty());
  return attention ? exit_failed : exit_ok;
}

}  // namespace

void add_pay_command(CLI::App& app, command_environment& env) {
  auto* pay_cmd = app.add_subcommand("pay", "The pay-and-settle flow (docs/pay-and-settle.md)");
  pay_cmd->require_subcommand(1);
  auto a = std::make_shared<pay_args>();

  auto* run = pay_cmd->add_subcommand(
      "run", "Pay open approved invoices: PaymentBatch to the bank, ERP payment against in-transit");
  run->add_option("--flow", a->flow_file, "Flow configuration (JSON file)")
      ->required()
      ->check(CLI::ExistingFile);
  run->add_option("--run-id", a->run_id, "Payment run id ([A-Za-z0-9_-]{1,40}); keys derive from it")
      ->required();
  run->add_option("--execution-date", a->execution_date, "Requested execution date YYYY-MM-DD")
      ->required();
  run->add_option("--short-payments", a->short_payments_file,
                  "Deliberate short payments: JSON [{invoice, amount, reason_code, reason}]")
      ->check(CLI::ExistingFile);
  run->add_option("--write-wait-s", a->write_wait_s, "How long one write may wait in the outbox")
      ->check(CLI::Range(1, 3600));
  run->callback([&env, a] { env.exit_code = pay(env, *a, false); });

  auto* settle = pay_cmd->add_subcommand(
      "settle", "Read pain.002 statuses and statements: settle, or void rejected/returned payments");
  settle->add_option("--flow", a->flow_file, "Flow configuration (JSON file)")
      ->required()
      ->check(CLI::ExistingFile);
  settle->add_option("--write-wait-s", a->write_wait_s, "How long one write may wait in the outbox")
      ->check(CLI::Range(1, 3600));
  settle->callback([&env, a] { env.exit_code = pay(env, *a, true); });
}

}  // namespace erpc::cli
