#include "cli_output.hpp"
#include "commands.hpp"
#include "runtime_context.hpp"

#include <erpc/error_abi.hpp>
#include <erpc/host/document_member.hpp>
#include <erpc/host/strict_json.hpp>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <iostream>

namespace erpc::cli {

std::string required_config_file(const command_environment& env) {
  if (!env.config_file.empty()) return env.config_file;
  if (const char* c = std::getenv("ERPC_CONFIG"); c != nullptr && *c != '\0') return c;
  throw error(error_class::configuration, "cli.no_config",
              "this command needs the host configuration: --config FILE or $ERPC_CONFIG");
}

namespace {

struct submit_args {
  std::string connection;
  std::string object;
  std::string op = "create";
  std::string key;
  std::string payload_file;
  std::string batch_file;
  std::string ordering_key;
  std::vector<std::string> depends_on;
};

std::string_view kind_name(accept_kind k) {
  switch (k) {
    case accept_kind::accepted: return "accepted";
    case accept_kind::replay: return "replay";
    case accept_kind::reuse: return "reuse";
    case accept_kind::in_progress: return "in_progress";
    case accept_kind::existing: return "existing";
  }
  return "accepted";
}

nlohmann::json outcome_json(const submit_outcome& out) {
  if (out.refused) return {{"status", "error"}, {"error", error_to_json(*out.refused)}};
  nlohmann::json j = {{"status", kind_name(out.accepted.kind)},
                      {"message_id", out.accepted.message_id},
                      {"correlation_id", out.accepted.correlation_id}};
  if (out.accepted.stored_response) {
    j["response"] = nlohmann::json::parse(*out.accepted.stored_response);
    // The stored response is the first attempt's; this answer is its replay.
    if (out.accepted.kind == accept_kind::replay) j["response"]["replayed"] = true;
  }
  return j;
}

int submit(command_environment& env, const submit_args& a) {
  runtime_context rt(env.host(), required_config_file(env));
  const std::size_t limit = env.options.max_json_bytes;
  if (!a.batch_file.empty()) {
    // One envelope per line; each line is accepted on its own, and one line's refusal does
    // not stop the others.
    std::ifstream in(a.batch_file);
    if (!in) {
      throw error(error_class::configuration, "cli.file_unreadable", "cannot read " + a.batch_file);
    }
    std::string line;
    int refused = 0;
    long accepted = 0;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      const auto out = rt.dispatch().submit(parse_strict(line, json_limits{limit}));
      if (out.refused) {
        ++refused;
        std::cout << outcome_json(out).dump() << "\n";
      } else {
        ++accepted;
      }
    }
    std::cout << nlohmann::json{{"accepted_or_known", accepted}, {"refused", refused}}.dump()
              << "\n";
    return refused == 0 ? exit_ok : exit_failed;
  }
  // cancel and reverse name their target in `query`; the others carry the object in `payload`.
  nlohmann::json envelope = {{"contract", "1.0"}, {"connection", a.connection},
                             {"object", a.object}, {"op", a.op}, {"idempotency_key", a.key}};
  envelope[std::string(document_member_for(a.op))] = read_json_file(a.payload_file, limit);
  if (!a.ordering_key.empty()) envelope["ordering_key"] = a.ordering_key;
  if (!a.depends_on.empty()) envelope["depends_on"] = a.depends_on;
  const auto out = rt.dispatch().submit(envelope);
  print_json(outcome_json(out));
  return out.refused ? exit_failed : exit_ok;
}

}  // namespace

void add_submit_command(CLI::App& app, command_environment& env) {
  auto* cmd = app.add_subcommand(
      "submit", "Accept writes into the durable outbox (the ledger decides replay or reuse)");
  auto a = std::make_shared<submit_args>();
  cmd->add_option("--connection", a->connection, "Configured connection name");
  cmd->add_option("--object", a->object, "Canonical object, e.g. Invoice");
  cmd->add_option("--op", a->op, "Write operation")
      ->check(CLI::IsMember({"create", "update", "cancel", "reverse", "submit"}));
  cmd->add_option("--key", a->key, "Idempotency key");
  cmd->add_option("--payload", a->payload_file,
                  "Canonical document (JSON file); for cancel/reverse the target's query, "
                  "e.g. {\"id\": \"...\"}")
      ->check(CLI::ExistingFile);
  cmd->add_option("--ordering-key", a->ordering_key, "FIFO group, e.g. supplier:SUP-1");
  cmd->add_option("--depends-on", a->depends_on, "Keys that must complete first");
  cmd->add_option("--batch", a->batch_file, "JSON Lines file of request envelopes")
      ->check(CLI::ExistingFile);
  cmd->callback([&env, a] {
    if (a->batch_file.empty() &&
        (a->connection.empty() || a->object.empty() || a->key.empty() || a->payload_file.empty())) {
      throw CLI::ValidationError("submit",
                                 "give --batch, or --connection --object --key --payload");
    }
    env.exit_code = submit(env, *a);
  });
}

}  // namespace erpc::cli
