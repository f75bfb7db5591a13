#include "cli_output.hpp"
#include "commands.hpp"

#include <erpc/host/strict_json.hpp>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

namespace erpc::cli {

nlohmann::json read_json_file(const std::string& path, std::size_t max_bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw error(error_class::configuration, "cli.file_unreadable", "cannot read " + path);
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse_strict(text.str(), json_limits{max_bytes});
}

namespace {

int validate(command_environment& env, const std::string& object, const std::string& file,
             bool as_json) {
  nlohmann::json document;
  try {
    document = read_json_file(file, env.options.max_json_bytes);
  } catch (const error& e) {
    if (e.cls() != error_class::validation) throw;
    print_error(e, as_json);
    return exit_failed;
  }
  const auto fields = env.host().contract().validate(object, document);
  if (as_json) {
    nlohmann::json out = {{"object", object}, {"valid", fields.empty()},
                          {"field_errors", nlohmann::json::array()}};
    for (const auto& f : fields) {
      out["field_errors"].push_back({{"pointer", f.pointer}, {"code", f.code},
                                     {"message", f.message}});
    }
    print_json(out);
  } else if (fields.empty()) {
    std::cout << file << ": valid " << object << "\n";
  } else {
    print_error(error(error_class::validation, "contract.invalid",
                      file + " is not a valid " + object)
                    .with_fields(fields),
                false);
  }
  return fields.empty() ? exit_ok : exit_failed;
}

}  // namespace

void add_validate_command(CLI::App& app, command_environment& env) {
  auto* cmd = app.add_subcommand(
      "validate", "Check a canonical document against the contract (schema and invariants)");
  auto object = std::make_shared<std::string>();
  auto file = std::make_shared<std::string>();
  auto as_json = std::make_shared<bool>(false);
  cmd->add_option("object", *object, "Canonical object name, e.g. Invoice")->required();
  cmd->add_option("file", *file, "JSON document")->required()->check(CLI::ExistingFile);
  cmd->add_flag("--json", *as_json, "Machine-readable output");
  cmd->callback([&env, object, file, as_json] {
    env.exit_code = validate(env, *object, *file, *as_json);
  });
}

}  // namespace erpc::cli
