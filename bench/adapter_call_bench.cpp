// B0: one execute of a ~1 KB canonical Invoice through the loaded hello adapter.
//   load_and_init             dlopen + entry checks + init + manifest validation + unload
//   raw_abi_execute           the adapter's execute through the C table, nothing else
//   host_execute              the host's direct path: contract validation of request and
//                             result, strict JSON at the boundary, worker hand-off, deadline
//   host_execute_unvalidated  the same without the contract checks (the hand-off's share)
//   host_execute_on_caller    host_execute with the adapter on the benchmark's own thread
//                             and the deadline enforced by a call_watchdog (no hand-off)
//   host_execute_on_caller_unvalidated  the same without the contract checks
//   contract_validate_invoice one contract_validator::validate("Invoice", ...) (schema +
//                             invariants), of which host_execute runs two per call
//   contract_validate_request_invoice one contract_validator::validate_request of the create
//                             envelope around it (envelope schema + the Invoice's checks)
// host_execute - raw_abi_execute is the framework overhead per record (issue 4: <= 10 us).
#include "ratio_reporter.hpp"
#include "raw_abi_call.hpp"
#include "sample_invoice.hpp"

#include <erpc/host/adapter_connection.hpp>
#include <erpc/host/adapter_library.hpp>
#include <erpc/host/call_watchdog.hpp>
#include <erpc/host/contract_validator.hpp>
#include <erpc/host/host_clock.hpp>
#include <erpc/host/host_table.hpp>
#include <erpc/host/worker_pool.hpp>

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>
#include <spdlog/sinks/null_sink.h>
#include <spdlog/spdlog.h>


namespace {

const std::filesystem::path hello_path = std::filesystem::path(ERPC_ADAPTER_DIR) / "hello.so";

nlohmann::json envelope(std::int64_t n) {
  return invoice_create_envelope("bench-" + std::to_string(n));
}

erpc::load_options options() {
  erpc::load_options o;
  o.host = std::make_shared<erpc::host_table>();
  return o;
}

void load_and_init(benchmark::State& state) {
  const auto o = options();
  for (auto _ : state) {
    auto lib = erpc::adapter_library::load(hello_path, o);
    benchmark::DoNotOptimize(lib->id());
  }
}
BENCHMARK(load_and_init)->Unit(benchmark::kMicrosecond);

void raw_abi_execute(benchmark::State& state) { run_raw_abi_creates(state, hello_path); }
BENCHMARK(raw_abi_execute)->Unit(benchmark::kMicrosecond);

// The host's direct path, with or without the contract checks, handed to a worker thread or
// run on the caller's thread under a watchdog.
enum class call_way { worker, on_caller };

void run_host_execute(benchmark::State& state, bool validated, call_way way = call_way::worker) {
  auto lib = erpc::adapter_library::load(hello_path, options());
  erpc::worker_pool workers(1, 16);
  erpc::call_watchdog watchdog;
  erpc::system_host_clock clock;
  erpc::contract_validator contract;
  erpc::call_environment env;
  env.workers = &workers;
  if (way == call_way::on_caller) env.watchdog = &watchdog;
  env.clock = &clock;
  env.logger = std::make_shared<spdlog::logger>("bench",
                                                std::make_shared<spdlog::sinks::null_sink_mt>());
  if (validated) {
    env.validate_request = [&](const nlohmann::json& e) { return contract.validate_request(e); };
    env.validate_object = [&](std::string_view o, const nlohmann::json& d) {
      return contract.validate(o, d);
    };
  }
  auto conn = erpc::adapter_connection::open(lib->shared_table(), "bench", nlohmann::json::object(),
                                             env);
  std::int64_t n = 0;
  for (auto _ : state) {
    state.PauseTiming();
    const auto e = envelope(++n);
    state.ResumeTiming();
    auto out = conn->execute(e);
    if (!out.ok) {
      state.SkipWithError(out.failure->what());
      break;
    }
  }
}

void host_execute(benchmark::State& state) { run_host_execute(state, true); }
BENCHMARK(host_execute)->Unit(benchmark::kMicrosecond);

void host_execute_unvalidated(benchmark::State& state) { run_host_execute(state, false); }
BENCHMARK(host_execute_unvalidated)->Unit(benchmark::kMicrosecond);

void host_execute_on_caller(benchmark::State& state) {
  run_host_execute(state, true, call_way::on_caller);
}
BENCHMARK(host_execute_on_caller)->Unit(benchmark::kMicrosecond);

void host_execute_on_caller_unvalidated(benchmark::State& state) {
  run_host_execute(state, false, call_way::on_caller);
}
BENCHMARK(host_execute_on_caller_unvalidated)->Unit(benchmark::kMicrosecond);

void contract_validate_invoice(benchmark::State& state) {
  const erpc::contract_validator contract;
  const auto invoice = sample_invoice();
  for (auto _ : state) {
    auto findings = contract.validate("Invoice", invoice);
    if (!findings.empty()) {
      state.SkipWithError(findings.front().code.c_str());
      break;
    }
    benchmark::DoNotOptimize(findings);
  }
}
BENCHMARK(contract_validate_invoice)->Unit(benchmark::kMicrosecond);

void contract_validate_request_invoice(benchmark::State& state) {
  const erpc::contract_validator contract;
  const auto request = envelope(1);
  for (auto _ : state) {
    auto findings = contract.validate_request(request);
    if (!findings.empty()) {
      state.SkipWithError(findings.front().code.c_str());
      break;
    }
    benchmark::DoNotOptimize(findings);
  }
}
BENCHMARK(contract_validate_request_invoice)->Unit(benchmark::kMicrosecond);

}  // namespace

int main(int argc, char** argv) {
  using kind = bench_comparison::target_kind;
  return run_benchmarks_with_comparisons(
      argc, argv,
      {{"framework overhead per record", "host_execute", "raw_abi_execute",
        kind::max_difference_us, 10},
       {"of which the worker hand-off and boundary JSON", "host_execute_unvalidated",
        "raw_abi_execute", kind::none, 0},
       {"framework overhead per record, on the caller's thread", "host_execute_on_caller",
        "raw_abi_execute", kind::max_difference_us, 10},
       {"of which the boundary JSON", "host_execute_on_caller_unvalidated", "raw_abi_execute",
        kind::none, 0}});
}
