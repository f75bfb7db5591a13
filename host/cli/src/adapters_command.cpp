#include "cli_output.hpp"
#include "commands.hpp"

#include <erpc/certify/certification_record.hpp>
#include <erpc/error_abi.hpp>
#include <erpc/host/child_probe.hpp>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <iostream>

namespace erpc::cli {
namespace {

std::string contract_range(const nlohmann::json& manifest) {
  const auto& c = manifest.value("contract", nlohmann::json::object());
  return c.value("min", "?") + ".." + c.value("max", "?");
}

// The adapter's certification as `erpc certify --record` left it beside the library.
nlohmann::json certification_json(const adapter_library& lib) {
  const auto found = certify::look_up_record(lib.path(), lib.sha256());
  nlohmann::json out = {{"state", std::string(certify::to_string(found.state))},
                        {"level", found.level_text()}};
  if (found.record) {
    out["certified_level"] = found.record->level;
    out["certified_at"] = found.record->certified_at;
    out["profile"] = found.record->profile;
    out["summary"] = {{"passed", found.record->passed}, {"failed", found.record->failed},
                      {"skipped", found.record->skipped}};
  }
  return out;
}

nlohmann::json library_json(const adapter_library& lib) {
  return {{"id", lib.id()},
          {"path", lib.path().string()},
          {"sha256", lib.sha256()},
          {"abi", std::to_string(lib.abi().major) + "." + std::to_string(lib.abi().minor)},
          {"manifest", lib.manifest()},
          {"certification", certification_json(lib)}};
}

int list(command_environment& env, bool as_json) {
  auto& registry = env.host().registry();
  if (as_json) {
    nlohmann::json out = {{"adapter_dirs", nlohmann::json::array()},
                          {"loaded", nlohmann::json::array()},
                          {"refused", nlohmann::json::array()}};
    for (const auto& d : env.host().adapter_dirs()) out["adapter_dirs"].push_back(d.string());
    for (const auto& lib : registry.loaded()) out["loaded"].push_back(library_json(*lib));
    for (const auto& r : registry.refused()) {
      out["refused"].push_back({{"path", r.path.string()}, {"error", error_to_json(r.reason)}});
    }
    print_json(out);
    return exit_ok;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& lib : registry.loaded()) {
    const auto& m = lib->manifest();
    rows.push_back({lib->id(), m.value("version", ""), m.value("status", ""),
                    certify::look_up_record(lib->path(), lib->sha256()).level_text(),
                    m.value("vendor", ""), contract_range(m), lib->path().string()});
  }
  if (rows.empty()) {
    std::cout << "no adapters loaded\n";
  } else {
    print_table({"ID", "VERSION", "STATUS", "LEVEL", "VENDOR", "CONTRACT", "PATH"}, rows);
  }
  if (!registry.refused().empty()) {
    std::cout << "\nrefused:\n";
    std::vector<std::vector<std::string>> refused;
    for (const auto& r : registry.refused()) {
      refused.push_back({r.path.string(), r.reason.code(), r.reason.what()});
    }
    print_table({"PATH", "CODE", "REASON"}, refused);
  }
  return exit_ok;
}

int describe(command_environment& env, const std::string& id, bool as_json) {
  auto lib = env.host().adapter(id);
  if (as_json) {
    print_json(library_json(*lib));
    return exit_ok;
  }
  const auto& m = lib->manifest();
  std::cout << "id:        " << lib->id() << "\n"
            << "name:      " << m.value("name", "") << "\n"
            << "vendor:    " << m.value("vendor", "") << "\n"
            << "version:   " << m.value("version", "") << " (" << m.value("status", "") << ")\n"
            << "abi:       " << lib->abi().major << "." << lib->abi().minor << "\n"
            << "contract:  " << contract_range(m) << "\n"
            << "mapping:   " << m.value("mapping_version", "") << "\n"
            << "certified: " << certify::look_up_record(lib->path(), lib->sha256()).level_text() << "\n"
            << "path:      " << lib->path().string() << "\n"
            << "sha256:    " << lib->sha256() << "\n"
            << "objects:\n";
  const auto objects = m.value("objects", nlohmann::json::object());
  for (const auto& [object, ops] : objects.items()) {
    std::string joined;
    for (const auto& op : ops) joined += (joined.empty() ? "" : ", ") + op.get<std::string>();
    std::cout << "  " << object << ": " << joined << "\n";
  }
  if (const auto caps = m.value("capabilities", nlohmann::json::array()); !caps.empty()) {
    std::cout << "capabilities:\n";
    for (const auto& c : caps) std::cout << "  " << c.get<std::string>() << "\n";
  }
  return exit_ok;
}

}  // namespace

void add_adapters_command(CLI::App& app, command_environment& env) {
  auto* adapters = app.add_subcommand("adapters", "List and inspect adapters");
  adapters->require_subcommand(1);

  auto* list_cmd = adapters->add_subcommand(
      "list", "Load every adapter in the adapter folders; show what loaded and what was refused");
  auto list_json = std::make_shared<bool>(false);
  auto no_probe = std::make_shared<bool>(false);
  list_cmd->add_flag("--json", *list_json, "Machine-readable output");
  list_cmd->add_flag("--no-probe", *no_probe,
                     "Load libraries in-process directly, without a child-process probe first");
  list_cmd->callback([&env, list_json, no_probe] {
    env.options.probe_in_child = !*no_probe;
    env.exit_code = list(env, *list_json);
  });

  auto* describe_cmd = adapters->add_subcommand("describe", "Show one adapter's manifest");
  auto id = std::make_shared<std::string>();
  auto describe_json = std::make_shared<bool>(false);
  describe_cmd->add_option("adapter", *id, "Adapter id or path to a library")->required();
  describe_cmd->add_flag("--json", *describe_json, "Machine-readable output");
  describe_cmd->callback(
      [&env, id, describe_json] { env.exit_code = describe(env, *id, *describe_json); });

  // Hidden: the child side of the probe (adapter_registry starts `erpc __probe <path>`).
  auto* probe = app.add_subcommand("__probe", "")->group("");
  auto path = std::make_shared<std::string>();
  probe->add_option("library", *path)->required();
  probe->callback([&env, path] { env.exit_code = run_probe_main(*path); });
}

}  // namespace erpc::cli
