// Host memory of the host process as operators run it: `erpc serve` with one connection per
// bundled adapter, SQLite ledger and audit trail on, measured from outside in
// /proc/<pid>/status — idle, after one write per connection (a connection opens on its first
// write), and after more writes — next to the < 30 MB target (issue 4). host_rss_bench.cpp
// measures the loader and the connections alone, in-process.
//
//   erpc_bench_serve_rss [--adapters DIR] [--settings FILE] [--writes N]
//
// Each adapter gets one `create` write: of the first sample of its certification profile
// (adapters/<id>/conformance.json), against the profile's vendor simulator run in this
// benchmark's process (not in the measured one), with the profile's connection settings;
// an adapter without a profile writes the first object it declares with a canonical example
// in schemas/examples/v1. The N further writes go to the first adapter that answered.
// The hello adapter is a vendor stand-in that keeps every record in memory, so with it the
// last figure grows by what hello stores, not by what the host holds.
// Exit 1 when an adapter cannot be written to (refused, no create, a connection that does not
// open): the figure would then leave it out.
#include "bundled_adapter_profile.hpp"
#include "support/child_process.hpp"
#include "support/raw_http.hpp"

#include <erpc/host/adapter_registry.hpp>
#include <erpc/sim/simulator_registry.hpp>
#include <erpc/sim/simulator_server.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

namespace fs = std::filesystem;
using erpc::testing::child_process;
using erpc::testing::raw_http;

constexpr double target_mb = 30.0;  // SI megabytes; /proc reports kB of 1024 bytes

// A benchmark-only audit master key (64 hex digits).
constexpr const char* audit_key =
    "7c2e9a4b1d6f3e8a0c5b7d9f1e3a5c7b9d0f2e4a6c8b1d3f5e7a9c0b2d4f6e81";

std::map<std::string, long> memory_of(pid_t pid) {
  std::map<std::string, long> kb;
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line)) {
    for (const char* field : {"VmRSS", "VmHWM", "RssAnon", "RssFile", "Threads"}) {
      const std::string prefix = std::string(field) + ":";
      if (line.rfind(prefix, 0) == 0) kb[field] = std::stol(line.substr(prefix.size()));
    }
  }
  return kb;
}

// The files whose mapped pages weigh most in the process's RSS (from /proc/<pid>/smaps), so
// a figure over target says where the memory is.
void report_largest_mappings(pid_t pid, std::size_t count) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/smaps");
  std::map<std::string, long> rss_of;
  std::string line, current;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    if (std::isxdigit(static_cast<unsigned char>(line[0])) && line.find('-') != std::string::npos &&
        line.find(':') > line.find(' ')) {
      const auto slash = line.find('/');
      const auto bracket = line.find('[');
      current = slash != std::string::npos     ? line.substr(slash)
                : bracket != std::string::npos ? line.substr(bracket)
                                               : "[anonymous]";
    } else if (line.rfind("Rss:", 0) == 0) {
      rss_of[current] += std::stol(line.substr(4));
    }
  }
  std::vector<std::pair<long, std::string>> sorted;
  for (const auto& [name, kb] : rss_of) sorted.emplace_back(kb, name);
  std::sort(sorted.rbegin(), sorted.rend());
  std::printf("largest mappings:\n");
  for (std::size_t i = 0; i < sorted.size() && i < count; ++i) {
    std::printf("  %6ld kB  %s\n", sorted[i].first, sorted[i].second.c_str());
  }
}

double megabytes(long kb) { return static_cast<double>(kb) * 1024.0 / 1e6; }

void report(const char* stage, pid_t pid) {
  const auto m = memory_of(pid);
  std::printf("%-34s VmRSS %6ld kB = %5.1f MB (%s), VmHWM %6ld kB = %5.1f MB (%s), %ld threads\n"
              "%-34s (RssAnon %ld kB: heap and stacks; RssFile %ld kB: mapped code and data)\n",
              stage, m.at("VmRSS"), megabytes(m.at("VmRSS")),
              megabytes(m.at("VmRSS")) < target_mb ? "met" : "MISSED", m.at("VmHWM"),
              megabytes(m.at("VmHWM")), megabytes(m.at("VmHWM")) < target_mb ? "met" : "MISSED",
              m.at("Threads"), "", m.at("RssAnon"), m.at("RssFile"));
}

// The first object the adapter creates that has a canonical example, or "".
std::string writable_object(const nlohmann::json& manifest) {
  const nlohmann::json objects = manifest.value("objects", nlohmann::json::object());
  for (const auto& [object, ops] : objects.items()) {
    bool creates = false;
    for (const auto& op : ops) creates = creates || op == "create";
    if (creates && fs::exists(fs::path(ERPC_SOURCE_DIR) / "schemas/examples/v1" /
                              (object + ".json"))) {
      return object;
    }
  }
  return {};
}

nlohmann::json example(const std::string& object) {
  std::ifstream in(fs::path(ERPC_SOURCE_DIR) / "schemas/examples/v1" / (object + ".json"));
  return nlohmann::json::parse(in);
}

int usage(const char* why) {
  std::fprintf(stderr,
               "%s\nusage: erpc_bench_serve_rss [--adapters DIR] [--settings FILE] [--writes N]\n",
               why);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path adapters_dir = ERPC_ADAPTER_DIR;
  nlohmann::json settings = nlohmann::json::object();
  int writes = 500;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (i + 1 >= argc) return usage("missing value");
    if (arg == "--adapters") {
      adapters_dir = argv[++i];
    } else if (arg == "--settings") {
      std::ifstream in(argv[++i]);
      settings = nlohmann::json::parse(in, nullptr, false);
      if (!settings.is_object()) return usage("--settings: not a JSON object");
    } else if (arg == "--writes") {
      writes = std::stoi(argv[++i]);
    } else {
      return usage("unknown option");
    }
  }

  // What is bundled, and what each adapter can be written.
  erpc::adapter_registry registry;
  registry.scan(adapters_dir);
  int failures = 0;
  for (const auto& refused : registry.refused()) {
    std::printf("refused: %s: %s\n", refused.path.c_str(), refused.reason.what());
    ++failures;
  }
  std::map<std::string, std::string> object_of;  // adapter id -> object to create
  std::map<std::string, nlohmann::json> sample_of;  // adapter id -> profile sample, if any
  std::vector<std::unique_ptr<erpc::sim::simulator_server>> simulators;
  std::vector<std::string> environment = {std::string("ERPC_BENCH_AUDIT_KEY=") + audit_key};
#ifdef ERPC_SANITIZED
  // Under the sanitisers (CI smoke run) LSan would report the NetSuite module's static OpenSSL
  // state at exit with frames it cannot symbolise and abort erpc serve (as for certify in tests).
  environment.push_back("ASAN_OPTIONS=detect_leaks=0:abort_on_error=1");
#endif
  nlohmann::json connections = nlohmann::json::object();
  for (const auto& library : registry.loaded()) {
    if (!settings.contains(library->id())) {
      std::optional<bundled_adapter_profile> profile;
      try {
        profile = load_bundled_adapter_profile(ERPC_SOURCE_DIR, library->id(), "");
      } catch (const std::exception& e) {
        std::printf("%s: %s\n", library->id().c_str(), e.what());
        ++failures;
        continue;
      }
      if (profile && !profile->simulator.empty() && !profile->sample_object.empty()) {
        auto& sim = *simulators.emplace_back(std::make_unique<erpc::sim::simulator_server>(
            erpc::sim::make_simulator(profile->simulator)));
        sim.start();
        sim.context().settings().apply(profile->simulator_settings);
        profile = load_bundled_adapter_profile(ERPC_SOURCE_DIR, library->id(), sim.base_url());
        environment.insert(environment.end(), profile->environment.begin(),
                           profile->environment.end());
        object_of[library->id()] = profile->sample_object;
        sample_of[library->id()] = profile->sample_payload;
        connections[library->id()] = {{"adapter", library->id()}, {"settings", profile->settings}};
        continue;
      }
    }
    connections[library->id()] = {{"adapter", library->id()},
                                  {"settings", settings.value(library->id(),
                                                              nlohmann::json::object())}};
    const std::string object = writable_object(library->manifest());
    if (object.empty()) {
      // e.g. the bank file adapter, which submits PaymentBatches and creates nothing: its
      // library is loaded and its connection declared, but nothing is written through it.
      std::printf("%s: no create of an object with a canonical example; loaded, not written\n",
                  library->id().c_str());
      continue;
    }
    object_of[library->id()] = object;
  }
  if (object_of.empty()) {
    std::printf("no adapter to write to in %s\n", adapters_dir.c_str());
    return 1;
  }

  const fs::path dir =
      fs::temp_directory_path() / ("erpc_bench_serve_rss_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const nlohmann::json config = {
      {"ledger", {{"backend", "sqlite"}, {"path", "ledger.db"}}},
      {"audit", {{"hmac_key", "env:ERPC_BENCH_AUDIT_KEY"}, {"anchor_path", "audit.anchor"}}},
      {"adapters", {{"dirs", {adapters_dir.string()}}}},
      {"connections", connections}};
  std::ofstream(dir / "erpc.json") << config.dump(2);

  int status = 0;
  {
    child_process serve({ERPC_EXE, "--config", (dir / "erpc.json").string(), "serve", "--listen",
                         "127.0.0.1:0", "--port-file", (dir / "port").string()},
                        environment, dir / "serve.log");
    std::uint16_t port = 0;
    for (int i = 0; i < 600 && port == 0; ++i) {
      std::ifstream in(dir / "port");
      int p = 0;
      if (in >> p) port = static_cast<std::uint16_t>(p);
      if (port == 0) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    if (port == 0) {
      std::printf("erpc serve did not start; its log is %s\n", (dir / "serve.log").c_str());
      return 1;
    }
    std::printf("erpc serve (pid %d) with %zu connections: %s\n", static_cast<int>(serve.pid()),
                object_of.size(), connections.dump().c_str());
    report("idle, no connection open", serve.pid());

    int sent = 0;
    const auto post = [&](const std::string& connection, const std::string& object) {
      const std::string key = "rss-" + std::to_string(++sent);
      nlohmann::json payload;
      if (const auto sample = sample_of.find(connection); sample != sample_of.end()) {
        payload = fill_sample_placeholders(sample->second, std::to_string(sent));
      } else {
        payload = example(object);
        if (payload.contains("invoice_number")) payload["invoice_number"] = key;
      }
      const auto r = raw_http(port, "POST", "/v1/connections/" + connection + "/" + object +
                                                "/create",
                              {{"Content-Type", "application/json"},
                               {"Idempotency-Key", key},
                               {"Prefer", "wait=30"}},
                              payload.dump());
      if (r.status != 200) std::printf("%s answered: %s\n", key.c_str(), r.body.c_str());
      return r.status;
    };
    std::string answered;
    for (const auto& [id, object] : object_of) {
      const int code = post(id, object);
      if (code != 200) {
        std::printf("%s: a %s create answered HTTP %d (see %s)\n", id.c_str(), object.c_str(),
                    code, (dir / "serve.log").c_str());
        ++failures;
      } else if (answered.empty()) {
        answered = id;
      }
    }
    report("after one write per connection", serve.pid());
    if (!answered.empty()) {
      for (int i = 0; i < writes; ++i) post(answered, object_of[answered]);
      const std::string stage = "after " + std::to_string(writes) + " more writes";
      report(stage.c_str(), serve.pid());
    }
    report_largest_mappings(serve.pid(), 12);
    serve.signal(SIGTERM);
    status = serve.wait();
  }
  if (status != 0) {
    std::printf("erpc serve exited with %d\n", status);
    ++failures;
  }
  if (failures == 0) fs::remove_all(dir);
  return failures == 0 ? 0 : 1;
}
