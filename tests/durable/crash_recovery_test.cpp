// Exactly-once across crashes: `erpc` is killed (SIGKILL at random moments, and deterministically
// at every named phase with ERPC_CRASH_AT) while it works a batch of writes, restarted, and in
// the end every message is posted exactly once and none is lost — counted by the record target,
// a separate process that never deduplicates.
#include "support/child_process.hpp"
#include "support/raw_http.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <cstdio>
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
using nlohmann::json;

// The record target process: started with a pipe on stdin (closing it stops the target) and
// one on stdout (it prints its port).
class record_target {
 public:
  explicit record_target(const fs::path& log) {
    int in[2];
    int out[2];
    REQUIRE(::pipe2(in, O_CLOEXEC) == 0);
    REQUIRE(::pipe2(out, O_CLOEXEC) == 0);
    process_ = std::make_unique<child_process>(std::vector<std::string>{ERPC_RECORD_TARGET},
                                               std::vector<std::string>{}, log, in[0], out[1]);
    ::close(in[0]);
    ::close(out[1]);
    stdin_ = in[1];
    FILE* f = ::fdopen(out[0], "r");
    char line[64] = {};
    REQUIRE(std::fgets(line, sizeof line, f) != nullptr);
    std::fclose(f);
    REQUIRE(std::sscanf(line, "port %d", &port_) == 1);
  }
  ~record_target() {
    ::close(stdin_);
    process_->wait();
  }
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  json count() const {
    const auto r = erpc::testing::raw_http(static_cast<std::uint16_t>(port_), "GET", "/count");
    REQUIRE(r.status == 200);
    return json::parse(r.body);
  }

 private:
  std::unique_ptr<child_process> process_;
  int stdin_ = -1;
  int port_ = 0;
};

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
