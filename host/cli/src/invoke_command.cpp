#include "cli_output.hpp"
#include "commands.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <iostream>
#include <random>

namespace erpc::cli {
namespace {

struct invoke_args {
  std::string adapter;
  std::string connection;
  std::string config_file;
  std::string op;
  std::string object;
  std::string key;
  std::string payload_file;
  std::string query_file;
  std::string id;
  std::string correlation_id;
  std::string traceparent;
  std::int64_t deadline_ms = 30000;
  int attempt = 1;
  std::string prior_outcome;
  bool as_json = false;
};

std::string new_correlation_id() {
  std::random_device rd;
  std::uniform_int_distribution<unsigned> hex(0, 15);
  std::string id = "cli-";
  for (int i = 0; i < 16; ++i) id += "0123456789abcdef"[hex(rd)];
  return id;
}

int invoke(command_environment& env, const invoke_args& a) {
  auto& host = env.host();
  const std::size_t limit = env.options.max_json_bytes;
  auto library = host.adapter(a.adapter);

  nlohmann::json envelope = {{"contract", "1.0"},
                             {"op", a.op},
                             {"object", a.object},
                             {"attempt", a.attempt},
                             {"deadline_ms", a.deadline_ms},
                             {"correlation_id", a.correlation_id.empty() ? new_correlation_id()
                                                                         : a.correlation_id},
                             {"connection", a.connection.empty() ? library->id() : a.connection}};
  if (!a.key.empty()) envelope["idempotency_key"] = a.key;
  envelope["prior_outcome"] = a.prior_outcome.empty() ? nlohmann::json(nullptr)
                                                      : nlohmann::json(a.prior_outcome);
  if (!a.traceparent.empty()) envelope["traceparent"] = a.traceparent;
  if (!a.payload_file.empty()) envelope["payload"] = read_json_file(a.payload_file, limit);
  if (!a.query_file.empty()) envelope["query"] = read_json_file(a.query_file, limit);
  if (!a.id.empty()) envelope["query"]["id"] = a.id;

  const nlohmann::json config =
      a.config_file.empty() ? nlohmann::json::object() : read_json_file(a.config_file, limit);
  auto connection = adapter_connection::open(library->shared_table(),
                                             envelope["connection"].get<std::string>(), config,
                                             host.environment(),
                                             config.value("files", nlohmann::json::object())
                                                 .value("root", ""));
  const auto outcome = connection->execute(envelope);
  if (!outcome.ok) {
    print_error(*outcome.failure, a.as_json);
    if (!a.as_json) std::cerr << "  correlation id: " << envelope["correlation_id"] << "\n";
    return exit_failed;
  }
  print_json(*outcome.response);
  return exit_ok;
}

}  // namespace

void add_invoke_command(CLI::App& app, command_environment& env) {
  auto* cmd = app.add_subcommand(
      "invoke", "Call an adapter directly with one request (no ledger, no retries)");
  auto a = std::make_shared<invoke_args>();
  cmd->add_option("--adapter", a->adapter, "Adapter id or path to a library")->required();
  cmd->add_option("--op", a->op, "Operation")
      ->required()
      ->check(CLI::IsMember({"create", "get", "list", "update", "cancel", "reverse", "submit",
                             "status"}));
  cmd->add_option("--object", a->object, "Canonical object, e.g. Invoice")->required();
  cmd->add_option("--key", a->key, "Idempotency key ([A-Za-z0-9_.:-]{1,64}); required for writes");
  cmd->add_option("--payload", a->payload_file, "Canonical document (JSON file)")
      ->check(CLI::ExistingFile);
  cmd->add_option("--query", a->query_file, "get/list parameters (JSON file)")
      ->check(CLI::ExistingFile);
  cmd->add_option("--id", a->id, "Shorthand for a get by canonical id");
  cmd->add_option("--config", a->config_file, "Connection configuration (JSON file)")
      ->check(CLI::ExistingFile);
  cmd->add_option("--connection", a->connection, "Connection name (default: the adapter id)");
  cmd->add_option("--deadline-ms", a->deadline_ms, "Deadline for the call")
      ->check(CLI::Range(1, 3'600'000));
  cmd->add_option("--attempt", a->attempt, "Attempt number (a retry is 2 or more)")
      ->check(CLI::Range(1, 1000));
  cmd->add_option("--prior-outcome", a->prior_outcome,
                  "Outcome of the previous attempt, e.g. unknown");
  cmd->add_option("--correlation-id", a->correlation_id, "Correlation id (default: generated)");
  cmd->add_option("--traceparent", a->traceparent, "W3C traceparent to propagate");
  cmd->add_flag("--json", a->as_json, "Print errors as JSON on stdout too");
  cmd->callback([&env, a] { env.exit_code = invoke(env, *a); });
}

}  // namespace erpc::cli
