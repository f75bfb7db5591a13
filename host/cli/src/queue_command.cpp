#include "cli_output.hpp"
#include "commands.hpp"
#include "message_json.hpp"
#include "runtime_context.hpp"

#include <erpc/host/strict_json.hpp>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <iostream>

namespace erpc::cli {
namespace {

exception_queue queue_named(const std::string& name) {
  if (auto q = exception_queue_from_string(name)) return *q;
  throw error(error_class::validation, "cli.bad_queue", "queue is business or technical");
}

int list(command_environment& env, const std::string& queue, int limit, bool as_json) {
  runtime_context rt(env.host(), required_config_file(env));
  const auto page = rt.queues().list_queue(queue_named(queue), limit);
  if (as_json) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& m : page.items) items.push_back(message_json(m));
    print_json({{"queue", queue}, {"items", items},
                {"next_cursor", page.next_cursor ? nlohmann::json(*page.next_cursor)
                                                 : nlohmann::json(nullptr)}});
    return exit_ok;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& m : page.items) {
    std::string error_text;
    if (m.last_error) {
      const auto e = nlohmann::json::parse(*m.last_error);
      error_text = e.value("class", "") + " " + e.value("code", "");
    }
    rows.push_back({m.id, m.key.connection, m.key.object + "/" + m.key.op, m.key.idempotency_key,
                    std::to_string(m.attempt), error_text});
  }
  if (rows.empty()) {
    std::cout << "the " << queue << " queue is empty\n";
  } else {
    print_table({"MESSAGE", "CONNECTION", "OBJECT/OP", "KEY", "ATTEMPTS", "ERROR"}, rows);
  }
  return exit_ok;
}

int show(command_environment& env, const std::string& id) {
  runtime_context rt(env.host(), required_config_file(env));
  const auto m = rt.queues().get_message(id);
  if (!m) throw error(error_class::not_found, "cli.message_not_found", "no message " + id);
  auto j = message_json(*m);
  j["payload"] = nlohmann::json::parse(m->payload);
  nlohmann::json versions = nlohmann::json::array();
  for (const auto& v : rt.queues().payload_versions(m->id)) {
    versions.push_back({{"version", v.version}, {"reason", v.reason}, {"actor", v.actor},
                        {"fingerprint", v.fingerprint}});
  }
  j["payload_versions"] = versions;
  print_json(j);
  return exit_ok;
}

int replay(command_environment& env, const std::string& id, const std::string& payload_file,
           const std::string& actor) {
  runtime_context rt(env.host(), required_config_file(env));
  std::optional<std::string> corrected;
  if (!payload_file.empty()) {
    corrected = read_json_file(payload_file, env.options.max_json_bytes).dump();
  }
  const auto r = rt.queues().replay(id, corrected, actor);
  print_json({{"message_id", r.message_id}, {"payload_version", r.payload_version},
              {"key", std::string(to_string(r.key))}});
  return exit_ok;
}

int discard(command_environment& env, const std::string& id, const std::string& actor,
            const std::string& reason) {
  runtime_context rt(env.host(), required_config_file(env));
  const auto key = rt.queues().discard(id, actor, reason);
  print_json({{"message_id", id}, {"discarded", true}, {"key", std::string(to_string(key))}});
  return exit_ok;
}

}  // namespace

void add_queue_command(CLI::App& app, command_environment& env) {
  auto* queue = app.add_subcommand("queue", "Inspect and resolve the exception queues");
  queue->require_subcommand(1);

  auto* list_cmd = queue->add_subcommand("list", "Messages waiting in a queue");
  auto name = std::make_shared<std::string>();
  auto limit = std::make_shared<int>(100);
  auto as_json = std::make_shared<bool>(false);
  list_cmd->add_option("queue", *name, "business or technical")->required();
  list_cmd->add_option("--limit", *limit, "At most this many")->check(CLI::Range(1, 1000));
  list_cmd->add_flag("--json", *as_json, "Machine-readable output");
  list_cmd->callback([&env, name, limit, as_json] {
    env.exit_code = list(env, *name, *limit, *as_json);
  });

  auto* show_cmd = queue->add_subcommand("show", "One message: state, error, payload versions");
  auto id = std::make_shared<std::string>();
  show_cmd->add_option("message", *id, "Message id or correlation id")->required();
  show_cmd->callback([&env, id] { env.exit_code = show(env, *id); });

  auto* replay_cmd = queue->add_subcommand(
      "replay", "Send a queued message again, optionally with a corrected payload");
  auto replay_id = std::make_shared<std::string>();
  auto payload = std::make_shared<std::string>();
  auto actor = std::make_shared<std::string>("cli");
  replay_cmd->add_option("message", *replay_id, "Message id")->required();
  replay_cmd->add_option("--payload", *payload, "Corrected payload (becomes a new version)")
      ->check(CLI::ExistingFile);
  replay_cmd->add_option("--actor", *actor, "Who replays, for the audit trail");
  replay_cmd->callback([&env, replay_id, payload, actor] {
    env.exit_code = replay(env, *replay_id, *payload, *actor);
  });

  auto* discard_cmd = queue->add_subcommand("discard", "Give a queued message up");
  auto discard_id = std::make_shared<std::string>();
  auto reason = std::make_shared<std::string>();
  auto discard_actor = std::make_shared<std::string>("cli");
  discard_cmd->add_option("message", *discard_id, "Message id")->required();
  discard_cmd->add_option("--reason", *reason, "Why, for the audit trail")->required();
  discard_cmd->add_option("--actor", *discard_actor, "Who discards, for the audit trail");
  discard_cmd->callback([&env, discard_id, discard_actor, reason] {
    env.exit_code = discard(env, *discard_id, *discard_actor, *reason);
  });
}

}  // namespace erpc::cli
