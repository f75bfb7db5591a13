// B4: durable idempotent dispatch vs a bare in-process execute, same ~1 KB canonical Invoice,
// hello adapter.
//   bare_execute       the host's direct path (contract validation, worker hand-off, deadline),
//                      no ledger — B0's host_execute
//   durable_sqlite     one write through the durable path as `erpc` runs it: submit (contract
//                      validation, idempotency key bound, message in the outbox, audit
//                      `received`/`validated`) then one dispatcher round (lease + fencing token,
//                      execute, response stored, key completed, audit entries), each ledger
//                      transaction committed with synchronous=FULL
//   durable_postgres   the same on PostgreSQL: a throwaway cluster started for the run by
//                      scripts/pg_test_cluster.sh (or the conninfo in ERPC_BENCH_PG_CONNINFO);
//                      skipped with the reason when neither is available
// One op = one write accepted and posted; items_per_second is ops/s of wall-clock time (real
// time: the durable path waits on fsync and hands calls to a worker thread, which CPU time
// would not count). The overhead factors durable / bare are printed at the end, from this one
// run.
#include "ratio_reporter.hpp"
#include "sample_invoice.hpp"

#include <erpc/host/adapter_connection.hpp>
#include <erpc/host/adapter_library.hpp>
#include <erpc/host/audit_keys.hpp>
#include <erpc/host/audit_trail.hpp>
#include <erpc/host/contract_validator.hpp>
#include <erpc/host/database.hpp>
#include <erpc/host/dispatcher.hpp>
#include <erpc/host/host_clock.hpp>
#include <erpc/host/host_table.hpp>
#include <erpc/host/idempotency_ledger.hpp>
#include <erpc/host/runtime_config.hpp>
#include <erpc/host/symmetric_key.hpp>
#include <erpc/host/worker_pool.hpp>

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>
#include <spdlog/sinks/null_sink.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;

const fs::path hello_path = fs::path(ERPC_ADAPTER_DIR) / "hello.so";

// A fixed benchmark-only audit key (the trail's cost does not depend on the key).
constexpr const char* audit_master_hex =
    "3a1f0c9e8d7b6a5948372615f4e3d2c1b0a99887766554433221100ffeeddccb";

// Keys unique across runs, so a reused PostgreSQL database never turns a write into a replay.
std::string key_prefix() {
  const auto now = std::chrono::system_clock::now().time_since_epoch().count();
  return "b4-" + std::to_string(::getpid()) + "-" + std::to_string(now) + "-";
}

// What every variant shares: the hello adapter loaded, the contract, a worker, a silent logger.
struct host_parts {
  std::shared_ptr<erpc::adapter_library> library;
  erpc::worker_pool workers{1, 16};
  erpc::system_host_clock clock;
  erpc::contract_validator contract;
  erpc::call_environment env;

  host_parts() {
    erpc::load_options load;
    load.host = std::make_shared<erpc::host_table>();
    library = erpc::adapter_library::load(hello_path, load);
    env.workers = &workers;
    env.clock = &clock;
    env.logger = std::make_shared<spdlog::logger>(
        "bench", std::make_shared<spdlog::sinks::null_sink_mt>());
    env.validate_request = [this](const nlohmann::json& e) {
      return contract.validate_request(e);
    };
    env.validate_object = [this](std::string_view o, const nlohmann::json& d) {
      return contract.validate(o, d);
    };
  }
};

void bare_execute(benchmark::State& state) {
  host_parts host;
  auto conn = erpc::adapter_connection::open(host.library->shared_table(), "bench",
                                             nlohmann::json::object(), host.env);
  const std::string prefix = key_prefix();
  std::int64_t n = 0;
  for (auto _ : state) {
    state.PauseTiming();
    const nlohmann::json envelope = invoice_create_envelope(prefix + std::to_string(++n));
    state.ResumeTiming();
    const auto out = conn->execute(envelope);
    if (!out.ok) {
      state.SkipWithError(out.failure->what());
      break;
    }
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(bare_execute)->Unit(benchmark::kMicrosecond)->UseRealTime();

// The durable path of one host process on `db_config`, wired as runtime_context wires it for
// `erpc run`/`serve`: every ledger transition audited inside its own transaction.
class durable_host {
 public:
  durable_host(const erpc::database_config& db_config, const fs::path& anchor)
      : config_(erpc::runtime_config::parse(
            nlohmann::json{{"connections", {{"bench", {{"adapter", "hello"},
                                                       {"max_queued", 1000000}}}}}})) {
    db_ = std::make_unique<erpc::database>(db_config, host_.clock);
    audit_ = std::make_unique<erpc::audit_trail>(
        *db_, erpc::derive_audit_keys(erpc::parse_symmetric_key(audit_master_hex)),
        erpc::audit_trail_options{anchor, 100});
    ledger_ = std::make_unique<erpc::idempotency_ledger>(
        *db_, [this](erpc::transaction& tx, const erpc::ledger_event& e) {
          audit_->append(tx, e.connection, e.correlation_id, e.event,
                         nlohmann::json::parse(e.detail_json));
        });
    auto open = [this](const erpc::connection_config& c) -> erpc::connection_call {
      auto connection = erpc::adapter_connection::open(host_.library->shared_table(), c.name,
                                                       c.settings, host_.env);
      return [connection](const nlohmann::json& e) { return connection->execute(e); };
    };
    auto validate = [this](const nlohmann::json& e) {
      return host_.contract.validate_request(e);
    };
    erpc::dispatcher_options options;
    options.owner = "bench-" + std::to_string(::getpid());
    dispatcher_ = std::make_unique<erpc::dispatcher>(config_, *ledger_, host_.clock, open,
                                                     validate, host_.env.logger, options);
  }
  ~durable_host() {
    dispatcher_.reset();
    ledger_.reset();
    audit_.reset();
    db_.reset();
  }

  // Accepts one write and posts it; the error text when either step did not happen.
  std::optional<std::string> write(const nlohmann::json& envelope) {
    const auto out = dispatcher_->submit(envelope);
    if (out.refused) return std::string(out.refused->what());
    if (out.accepted.kind != erpc::accept_kind::accepted) return std::string("not a new write");
    if (dispatcher_->run_once() != 1) return std::string("the write was not dispatched");
    return std::nullopt;
  }

 private:
  host_parts host_;
  erpc::runtime_config config_;
  std::unique_ptr<erpc::database> db_;
  std::unique_ptr<erpc::audit_trail> audit_;
  std::unique_ptr<erpc::idempotency_ledger> ledger_;
  std::unique_ptr<erpc::dispatcher> dispatcher_;
};

void run_durable(benchmark::State& state, const erpc::database_config& db_config,
                 const fs::path& dir) {
  durable_host host(db_config, dir / "audit.anchor");
  const auto& invoice = sample_invoice();
  const std::string prefix = key_prefix();
  std::int64_t n = 0;
  for (auto _ : state) {
    state.PauseTiming();
    const nlohmann::json envelope = {{"contract", "1.0"}, {"connection", "bench"},
                                     {"object", "Invoice"}, {"op", "create"},
                                     {"idempotency_key", prefix + std::to_string(++n)},
                                     {"payload", invoice}};
    state.ResumeTiming();
    if (auto failed = host.write(envelope)) {
      state.SkipWithError(failed->c_str());
      break;
    }
  }
  state.SetItemsProcessed(state.iterations());
}

fs::path fresh_dir(const std::string& name) {
  const fs::path dir =
      fs::temp_directory_path() / ("erpc_bench_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void durable_sqlite(benchmark::State& state) {
  const fs::path dir = fresh_dir("b4_sqlite");
  {
    erpc::database_config c;
    c.backend = erpc::database_backend::sqlite;
    c.path = (dir / "ledger.db").string();
    run_durable(state, c, dir);
  }
  fs::remove_all(dir);
}
BENCHMARK(durable_sqlite)->Unit(benchmark::kMicrosecond)->UseRealTime();

// A PostgreSQL server for the run: ERPC_BENCH_PG_CONNINFO, or a throwaway cluster started by
// scripts/pg_test_cluster.sh and stopped at exit.
class postgres_for_run {
 public:
  postgres_for_run() {
    if (const char* given = std::getenv("ERPC_BENCH_PG_CONNINFO"); given && *given) {
      conninfo_ = given;
      return;
    }
    cluster_dir_ = fs::temp_directory_path() / ("erpc_bench_pg_" + std::to_string(::getpid()));
    const std::string log = cluster_dir_.string() + ".log";
    const std::string start = script() + " start " + cluster_dir_.string() + " >" + log + " 2>&1";
    if (std::system(start.c_str()) != 0) {
      std::ifstream in(log);
      std::ostringstream why;
      why << in.rdbuf();
      unavailable_ = "PostgreSQL unavailable (set ERPC_BENCH_PG_CONNINFO or install "
                     "postgresql-15): " + why.str();
      while (!unavailable_.empty() && unavailable_.back() == '\n') unavailable_.pop_back();
      fs::remove(log);
      return;
    }
    fs::remove(log);
    std::ifstream in(cluster_dir_ / "conninfo");
    std::getline(in, conninfo_);
  }
  ~postgres_for_run() {
    if (!cluster_dir_.empty() && !conninfo_.empty()) {
      const std::string stop = script() + " stop " + cluster_dir_.string() + " >/dev/null 2>&1";
      if (std::system(stop.c_str()) != 0) {
        std::fprintf(stderr, "could not stop the cluster in %s\n", cluster_dir_.c_str());
      }
    }
  }
  const std::string& conninfo() const { return conninfo_; }
  const std::string& unavailable() const { return unavailable_; }

 private:
  static std::string script() {
    return std::string(ERPC_SOURCE_DIR) + "/scripts/pg_test_cluster.sh";
  }
  fs::path cluster_dir_;
  std::string conninfo_;
  std::string unavailable_;
};

postgres_for_run* postgres = nullptr;

void durable_postgres(benchmark::State& state) {
  if (postgres == nullptr || postgres->conninfo().empty()) {
    state.SkipWithError(postgres ? postgres->unavailable().c_str() : "PostgreSQL not started");
    for (auto _ : state) {
    }
    return;
  }
  const fs::path dir = fresh_dir("b4_postgres");
  {
    erpc::database_config c;
    c.backend = erpc::database_backend::postgres;
    c.conninfo = postgres->conninfo();
    run_durable(state, c, dir);
  }
  fs::remove_all(dir);
}
BENCHMARK(durable_postgres)->Unit(benchmark::kMicrosecond)->UseRealTime();

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  postgres_for_run pg;
  postgres = &pg;
  if (!pg.unavailable().empty()) {
    std::printf("durable_postgres skipped: %s\n", pg.unavailable().c_str());
  }
  ratio_reporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  // UseRealTime() names the runs "<name>/real_time".
  reporter.print({"B4 durable overhead, SQLite", "durable_sqlite/real_time",
                  "bare_execute/real_time", bench_comparison::target_kind::none, 0});
  reporter.print({"B4 durable overhead, PostgreSQL", "durable_postgres/real_time",
                  "bare_execute/real_time", bench_comparison::target_kind::none, 0});
  benchmark::Shutdown();
  postgres = nullptr;
  return 0;
}
