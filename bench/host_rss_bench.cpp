// Host memory: the resident set of a host with every bundled adapter loaded through the host's
// loader (adapter_registry::scan of the bundled folder) and one connection open per adapter,
// next to the target of < 30 MB (issue 4). Prints VmRSS and VmHWM from /proc/self/status,
// before loading anything and after.
//
//   erpc_bench_host_rss [--adapters DIR] [--settings FILE]
//
// DIR defaults to the build's bundled folder (lib/erpconnect/adapters). FILE is a JSON object
// {"<adapter id>": {settings}} for adapters whose connection needs settings; others open with
// {}. Exit 1 when an adapter is refused or a connection does not open: the figure would then
// leave that adapter out.
#include <erpc/error.hpp>
#include <erpc/host/adapter_connection.hpp>
#include <erpc/host/adapter_registry.hpp>
#include <erpc/host/contract_validator.hpp>
#include <erpc/host/host_clock.hpp>
#include <erpc/host/host_services.hpp>
#include <erpc/host/host_table.hpp>
#include <erpc/host/http_service.hpp>
#include <erpc/host/secret_redactor.hpp>
#include <erpc/host/worker_pool.hpp>

#include <nlohmann/json.hpp>
#include <spdlog/sinks/null_sink.h>
#include <spdlog/spdlog.h>

#include "bundled_adapter_profile.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

// The target is in SI megabytes (10^6 bytes); /proc reports kB of 1024 bytes.
constexpr double target_mb = 30.0;

// VmRSS and VmHWM in kB from /proc/self/status.
std::map<std::string, long> memory_status() {
  std::map<std::string, long> kb;
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    for (const char* field : {"VmRSS", "VmHWM"}) {
      const std::string prefix = std::string(field) + ":";
      if (line.rfind(prefix, 0) == 0) kb[field] = std::stol(line.substr(prefix.size()));
    }
  }
  return kb;
}

double megabytes(long kb) { return static_cast<double>(kb) * 1024.0 / 1e6; }

int usage(const char* why) {
  std::fprintf(stderr, "%s\nusage: erpc_bench_host_rss [--adapters DIR] [--settings FILE]\n", why);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path adapters_dir = ERPC_ADAPTER_DIR;
  nlohmann::json settings = nlohmann::json::object();
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (i + 1 >= argc) return usage("missing value");
    if (arg == "--adapters") {
      adapters_dir = argv[++i];
    } else if (arg == "--settings") {
      std::ifstream in(argv[++i]);
      settings = nlohmann::json::parse(in, nullptr, false);
      if (!settings.is_object()) return usage("--settings: not a JSON object");
    } else {
      return usage("unknown option");
    }
  }
  const auto before = memory_status();

  // The parts every host process holds, as `erpc` builds them (host/cli/src/host_context.cpp).
  // Order matters for destruction: connections close before the services they may use.
  erpc::worker_pool workers(4, 256);
  erpc::system_host_clock clock;
  erpc::contract_validator contract;
  erpc::call_environment env;
  env.workers = &workers;
  env.clock = &clock;
  env.logger =
      std::make_shared<spdlog::logger>("rss", std::make_shared<spdlog::sinks::null_sink_mt>());
  env.validate_request = [&](const nlohmann::json& e) { return contract.validate_request(e); };
  env.validate_object = [&](std::string_view o, const nlohmann::json& d) {
    return contract.validate(o, d);
  };

  // The host services adapters get from `erpc`: log, secrets, clock, files and outbound HTTP.
  erpc::secret_redactor redactor;
  erpc::host_services services(env.logger, clock, redactor);
  erpc::http_service_options http_options;
  http_options.now_unix_ms = [&clock] { return clock.now_unix_ms(); };
  erpc::http_service http(http_options);
  auto table = std::make_shared<erpc::host_table>();
  for (const auto& [id, service] : services.tables()) table->register_service(id, service);
  table->register_service(ERPC_HOST_HTTP_V1, http.table());

  erpc::registry_options options;
  options.load.host = table;
  erpc::adapter_registry registry(options);
  registry.scan(adapters_dir);

  int failures = 0;
  for (const auto& refused : registry.refused()) {
    std::printf("refused: %s: %s\n", refused.path.c_str(), refused.reason.what());
    ++failures;
  }
  std::vector<std::shared_ptr<erpc::adapter_connection>> connections;
  std::string ids;
  for (const auto& library : registry.loaded()) {
    const std::string id(library->id());
    // --settings wins; else the adapter's certification profile, pointed at a closed port
    // (opening a connection sends nothing), its secret references answered from the
    // environment the profile's simulator credentials fill in.
    nlohmann::json config = settings.value(id, nlohmann::json());
    if (config.is_null()) {
      const auto profile = load_bundled_adapter_profile(ERPC_SOURCE_DIR, id, "http://127.0.0.1:9");
      config = profile ? profile->settings : nlohmann::json::object();
      for (const auto& assignment : profile ? profile->environment : std::vector<std::string>{}) {
        const auto eq = assignment.find('=');
        ::setenv(assignment.substr(0, eq).c_str(), assignment.substr(eq + 1).c_str(), 0);
      }
    }
    try {
      connections.push_back(
          erpc::adapter_connection::open(library->shared_table(), "rss-" + id, config, env));
      ids += (ids.empty() ? "" : ", ") + id;
    } catch (const erpc::error& e) {
      std::printf("connection of %s did not open (%s): give its settings with --settings\n",
                  id.c_str(), e.code().c_str());
      ++failures;
    }
  }
  const auto after = memory_status();

  std::printf("host RSS: %zu adapters loaded from %s, %zu connections open (%s)\n",
              registry.loaded().size(), adapters_dir.c_str(), connections.size(), ids.c_str());
  std::printf("VmRSS before loading: %ld kB = %.1f MB\n", before.at("VmRSS"),
              megabytes(before.at("VmRSS")));
  for (const char* field : {"VmRSS", "VmHWM"}) {
    const long kb = after.at(field);
    std::printf("%s: %ld kB = %.1f MB (%.1f MiB), target < 30 MB: %s\n", field, kb,
                megabytes(kb), static_cast<double>(kb) / 1024.0,
                megabytes(kb) < target_mb ? "met" : "MISSED");
  }
  if (registry.loaded().empty()) {
    std::printf("no adapter found in %s\n", adapters_dir.c_str());
    return 1;
  }
  return failures == 0 ? 0 : 1;
}
