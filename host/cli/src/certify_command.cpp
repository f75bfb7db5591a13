// erpc certify: run the conformance catalogue against an adapter (docs/certification.md).
// Exit 0: no check failed; 1: a check failed; 2: usage or profile errors (certify.*).
#include "cli_output.hpp"
#include "commands.hpp"

#include <erpc/certify/certification_record.hpp>
#include <erpc/certify/certify.hpp>

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace erpc::cli {
namespace {

struct certify_args {
  std::string adapter;
  std::string profile;
  std::string target = "sim";
  std::string level;
  std::vector<std::string> checks;
  std::string report_dir;
  std::vector<std::string> adapter_dirs;
  std::int64_t deadline_ms = 5000;
  std::string log_file;
  bool record = false;
};

int certify(command_environment& env, const certify_args& a) {
  certify::certify_options options;
  options.adapter = a.adapter;
  options.profile = a.profile;
  options.target = a.target;
  if (!a.level.empty()) options.requested_level = certify::level_from_string(a.level);
  options.selected_checks = a.checks;
  for (const auto& d : a.adapter_dirs) options.adapter_dirs.emplace_back(d);
  for (const auto& d : env.options.adapter_dirs) options.adapter_dirs.push_back(d);
  if (options.adapter_dirs.empty()) options.adapter_dirs = default_adapter_dirs();
  options.deadline_ms = a.deadline_ms;
  options.log_file = a.log_file;
  std::error_code ec;
  options.worker_executable = std::filesystem::read_symlink("/proc/self/exe", ec);

  int abandoned = 0;
  const auto report = certify::run_certification(options, &abandoned);
  certify::write_reports(report, a.report_dir);
  if (a.record) {
    certify::write_record(report);
    std::cout << "recorded: " << certify::record_path_for(report.adapter.library).string() << "\n";
  }
  std::cout << certify::summary_table(report) << "reports: " << a.report_dir
            << "/{certification.json,junit.xml,certification.md}" << std::endl;
  const int code = report.count(certify::check_status::failed) > 0 ? exit_failed : exit_ok;
  if (abandoned > 0) {
    // An adapter call that never returned still runs on a worker thread; unloading its library
    // under it would crash. Leave without running destructors.
    std::cout.flush();
    std::cerr.flush();
    spdlog::shutdown();
    std::_Exit(code);
  }
  return code;
}

}  // namespace

void add_certify_command(CLI::App& app, command_environment& env) {
  auto* cmd = app.add_subcommand(
      "certify", "Certify an adapter against its conformance profile (docs/certification.md)");
  auto a = std::make_shared<certify_args>();
  cmd->add_option("--adapter", a->adapter, "Adapter id or path to a library")->required();
  cmd->add_option("--profile", a->profile, "Conformance profile (adapters/<vendor>/conformance.json)")
      ->required();
  cmd->add_option("--target", a->target, "sim (the profile's simulator, default) or a base URL");
  cmd->add_option("--level", a->level, "basic | idempotent | native (default: the profile's)")
      ->check(CLI::IsMember({"basic", "idempotent", "native"}));
  auto* check = cmd->add_option("--check", a->checks, "Run only this check (repeatable); the others are skipped");
  cmd->add_flag("--record", a->record,
                "Keep the verdict beside the library (<library>.certification.json) for `adapters list`")
      ->excludes(check);
  cmd->add_option("--report", a->report_dir, "Folder for certification.json, junit.xml, certification.md")
      ->required();
  cmd->add_option("--adapter-dir", a->adapter_dirs, "Folder to find the adapter id in (repeatable)");
  cmd->add_option("--deadline-ms", a->deadline_ms, "Deadline of each adapter call")
      ->check(CLI::Range(100, 600'000));
  cmd->add_option("--log-file", a->log_file,
                  "Write the run's log lines here (unredacted: the adapter's own output)");
  cmd->callback([&env, a] { env.exit_code = certify(env, *a); });
}

}  // namespace erpc::cli
