// B1: one create of the ~1 KB canonical Invoice through the hello adapter,
//   in_process_create  adapter_connection: worker-thread hand-off, deadline, strict JSON
//   in_process_create_on_caller  adapter_connection on the caller's thread, deadline enforced
//                      by a call_watchdog instead of the hand-off
//   isolated_create    isolated_connection: the same checks, plus the adapter in its own
//                      `erpc __worker` process, JSON frames over two pipes both ways
// Contract validation is off in both, so the ratio is the price of the process boundary.
#include "ratio_reporter.hpp"

#include <erpc/host/adapter_connection.hpp>
#include <erpc/host/adapter_library.hpp>
#include <erpc/host/call_watchdog.hpp>
#include <erpc/host/host_clock.hpp>
#include <erpc/host/host_services.hpp>
#include <erpc/host/host_table.hpp>
#include <erpc/host/isolated_connection.hpp>
#include <erpc/host/worker_pool.hpp>

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>
#include <spdlog/sinks/null_sink.h>
#include <spdlog/spdlog.h>

#include <fstream>

namespace {

const std::filesystem::path hello_path = std::filesystem::path(ERPC_ADAPTER_DIR) / "hello.so";

nlohmann::json sample_invoice() {
  std::ifstream in(std::string(ERPC_SOURCE_DIR) + "/schemas/examples/v1/Invoice.json");
  return nlohmann::json::parse(in);
}

nlohmann::json envelope(const nlohmann::json& invoice, std::int64_t n) {
  return {{"contract", "1.0"}, {"op", "create"}, {"object", "Invoice"},
          {"idempotency_key", "bench-" + std::to_string(n)}, {"attempt", 1},
          {"deadline_ms", 30000}, {"correlation_id", "bench"}, {"payload", invoice}};
}

// The host around either connection: null logger, real clock, services, one worker thread.
struct bench_host {
  erpc::system_host_clock clock;
  erpc::secret_redactor redactor;
  std::shared_ptr<spdlog::logger> logger = std::make_shared<spdlog::logger>(
      "bench", std::make_shared<spdlog::sinks::null_sink_mt>());
  erpc::host_services services{logger, clock, redactor};
  std::shared_ptr<erpc::host_table> table = std::make_shared<erpc::host_table>();
  erpc::worker_pool workers{1, 16};
  erpc::call_environment env;

  bench_host() {
    for (const auto& [id, ptr] : services.tables()) table->register_service(id, ptr);
    env.workers = &workers;
    env.clock = &clock;
    env.logger = logger;
  }
};

template <class Connection>
void run_creates(benchmark::State& state, Connection& conn) {
  const auto invoice = sample_invoice();
  std::int64_t n = 0;
  for (auto _ : state) {
    state.PauseTiming();
    const auto e = envelope(invoice, ++n);
    state.ResumeTiming();
    auto out = conn.execute(e);
    if (!out.ok) {
      state.SkipWithError(out.failure->what());
      break;
    }
  }
}

void in_process_create(benchmark::State& state) {
  bench_host host;
  erpc::load_options load;
  load.host = host.table;
  auto lib = erpc::adapter_library::load(hello_path, load);
  auto conn = erpc::adapter_connection::open(lib->shared_table(), "bench",
                                             nlohmann::json::object(), host.env);
  run_creates(state, *conn);
}
BENCHMARK(in_process_create)->Unit(benchmark::kMicrosecond);

void in_process_create_on_caller(benchmark::State& state) {
  bench_host host;
  erpc::call_watchdog watchdog;
  host.env.watchdog = &watchdog;
  erpc::load_options load;
  load.host = host.table;
  auto lib = erpc::adapter_library::load(hello_path, load);
  auto conn = erpc::adapter_connection::open(lib->shared_table(), "bench",
                                             nlohmann::json::object(), host.env);
  run_creates(state, *conn);
}
BENCHMARK(in_process_create_on_caller)->Unit(benchmark::kMicrosecond);

void isolated_create(benchmark::State& state) {
  bench_host host;
  erpc::isolation_options options;
  options.executable = ERPC_EXE;
  options.services = host.table;
  auto conn = erpc::isolated_connection::open(hello_path, "bench", nlohmann::json::object(),
                                              host.env, options);
  run_creates(state, *conn);
}
BENCHMARK(isolated_create)->Unit(benchmark::kMicrosecond);

}  // namespace

int main(int argc, char** argv) {
  return run_benchmarks_with_comparisons(
      argc, argv,
      {{"B1 process isolation per call", "isolated_create", "in_process_create",
        bench_comparison::target_kind::min_ratio, 10},
       {"B1 process isolation per call, in-process on the caller's thread", "isolated_create",
        "in_process_create_on_caller", bench_comparison::target_kind::min_ratio, 10}});
}
