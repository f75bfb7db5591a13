// Exactly-once across crashes: `erpc` is killed (SIGKILL at random moments, and deterministically
// at every named phase with ERPC_CRASH_AT) while it works a batch of writes, restarted, and in
// the end every message is posted exactly once and none is lost — counted by the record target,
// a separate process that never deduplicates.
#include "record_target_process.hpp"
#include "support/child_process.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

namespace fs = std::filesystem;
using erpc::testing::child_process;
using erpc::testing::record_target;
using nlohmann::json;

struct workspace {
  fs::path dir;
  explicit workspace(const std::string& name) {
    dir = fs::temp_directory_path() / ("erpc_crash_" + name + "_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  ~workspace() { fs::remove_all(dir); }

  fs::path config(const std::string& base_url) const {
    const json cfg = {
        {"ledger", {{"backend", "sqlite"}, {"path", (dir / "ledger.db").string()}}},
        {"adapters", {{"dirs", {ERPC_TEST_ADAPTERS}}}},
        {"connections",
         {{"target",
           {{"adapter", "record_target"},
            {"settings", {{"base_url", base_url}}},
            {"concurrency", 4},
            {"max_queued", 100000},
            {"deadline_ms", 5000},
            {"retry", {{"max_attempts", 50}, {"initial_backoff_ms", 10},
                       {"max_backoff_ms", 200}, {"jitter_percent", 20}}}}}}}};
    const fs::path path = dir / "erpc.json";
    std::ofstream(path) << cfg.dump(2);
    return path;
  }

  fs::path batch(const std::string& prefix, int count) const {
    std::ifstream in(std::string(ERPC_SOURCE_DIR) + "/schemas/examples/v1/Invoice.json");
    const json invoice = json::parse(in);
    const fs::path path = dir / (prefix + ".jsonl");
    std::ofstream out(path);
    for (int i = 0; i < count; ++i) {
      json payload = invoice;
      payload["invoice_number"] = prefix + "-" + std::to_string(i);
      out << json{{"contract", "1.0"}, {"connection", "target"}, {"object", "Invoice"},
                  {"op", "create"}, {"idempotency_key", prefix + "-" + std::to_string(i)},
                  {"payload", payload}}
                 .dump()
          << "\n";
    }
    return path;
  }

  int erpc(const std::vector<std::string>& args, const fs::path& config,
           const std::vector<std::string>& env = {}) const {
    std::vector<std::string> argv = {ERPC_EXE, "--config", config.string()};
    argv.insert(argv.end(), args.begin(), args.end());
    child_process c(argv, env, dir / "erpc.log");
    return c.wait();
  }
};

// Runs the outbox to the end: restarts after every crash, at most `tries` times.
void drain(const workspace& ws, const fs::path& config) {
  for (int i = 0; i < 20; ++i) {
    const int rc = ws.erpc({"run", "--until-idle", "--lease-ms", "500", "--timeout-s", "100"},
                           config);
    if (rc == 0) return;
  }
  FAIL("the outbox did not drain");
}

}  // namespace

TEST_CASE("SIGKILL at random moments of a 1,000-message run loses and duplicates nothing") {
  workspace ws("random");
  record_target target(ws.dir / "target.log");
  const auto config = ws.config(target.base_url());
  REQUIRE(ws.erpc({"submit", "--batch", ws.batch("rk", 1000).string()}, config) == 0);

  std::mt19937 random(std::random_device{}());
  std::uniform_int_distribution<int> when(30, 400);
  for (int round = 0; round < 6; ++round) {
    child_process run(
        {ERPC_EXE, "--config", config.string(), "run", "--until-idle", "--lease-ms", "500"}, {},
        ws.dir / "erpc.log");
    std::this_thread::sleep_for(std::chrono::milliseconds(when(random)));
    run.signal(SIGKILL);
    run.wait();
  }
  drain(ws, config);

  const json count = target.count();
  INFO(count.dump());
  REQUIRE(count["duplicated_keys"].empty());
  REQUIRE(count["keys"] == 1000);
  REQUIRE(count["total"] == 1000);
}

TEST_CASE("a crash at every named phase is recovered without a duplicate") {
  workspace ws("phases");
  record_target target(ws.dir / "target.log");
  const auto config = ws.config(target.base_url());
  int expected = 0;
  for (const std::string phase : {"after_accept", "after_claim", "before_call",
                                  "after_vendor_commit", "after_record"}) {
    const auto batch = ws.batch("ph-" + phase, 20);
    expected += 20;
    const std::vector<std::string> crash = {"ERPC_CRASH_AT=" + phase, "ERPC_CRASH_AFTER=3"};
    if (phase == "after_accept") {
      REQUIRE(ws.erpc({"submit", "--batch", batch.string()}, config, crash) == 86);
    }
    REQUIRE(ws.erpc({"submit", "--batch", batch.string()}, config) == 0);
    if (phase != "after_accept") {
      REQUIRE(ws.erpc({"run", "--until-idle", "--lease-ms", "500"}, config, crash) == 86);
    }
    drain(ws, config);
    const json count = target.count();
    INFO(phase << ": " << count.dump());
    REQUIRE(count["duplicated_keys"].empty());
    REQUIRE(count["total"] == expected);
  }
}
