// B2: `Invoice create` through the host and the NetSuite adapter vs the bare HTTP client posting
// the same vendor body, both to the same NetSuite simulator, at the same concurrency.
//   host_invoice_create  adapter_connection::execute (the host's in-process path: contract
//                        validation, strict JSON at the boundary, worker hand-off) → netsuite.so
//                        (mapping, externalId, TBA signature) → the host's real http_service
//                        → simulator (signature verified, bill stored) → 204 + Location
//   bare_http_post       erpc::http_client on the same http_service: the exact vendorBill JSON
//                        the adapter sent (captured from its first create), a fresh externalId,
//                        signed with the same OAuth 1.0a TBA signer → the same simulator
// Every iteration uses its own key, so every call is a real create (no replay). The host
// throughput over the bare throughput is the figure (issue 5: ≥ 0.8). The caller's own work is
// the same on both sides: copy a document prepared once and give it this op's key (the host's
// envelope with the invoice, the bare client's vendorBill), so what differs is what each path
// does with it.
#include "netsuite_sim_in_process.hpp"
#include "ratio_reporter.hpp"

#include <erpc/adapters/oauth1_signer.hpp>
#include <erpc/host/adapter_connection.hpp>
#include <erpc/host/adapter_library.hpp>
#include <erpc/host/contract_validator.hpp>
#include <erpc/host/host_clock.hpp>
#include <erpc/host/host_services.hpp>
#include <erpc/host/host_table.hpp>
#include <erpc/host/http_service.hpp>
#include <erpc/host/secret_redactor.hpp>
#include <erpc/host/worker_pool.hpp>
#include <erpc/http_client.hpp>

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>
#include <spdlog/sinks/null_sink.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <string>

namespace {

using nlohmann::json;

constexpr int threads = 4;
constexpr const char* account_id = "1234567_SB1";

// The simulator's default TBA credentials (docs/simulators.md), given to the host as env: refs.
const erpc::oauth1::credentials sim_credentials{"sim-consumer-key", "sim-consumer-secret",
                                                "sim-token-id", "sim-token-secret"};

json money(const char* amount) { return {{"amount", amount}, {"currency", "EUR"}}; }

// A one-line supplier invoice; the supplier is named by its NetSuite id, so the adapter sends
// exactly one request (the POST) per create, as the bare side does.
json invoice(const std::string& supplier_id, std::int64_t n) {
  return {{"external_refs", json::object()},
          {"source", {{"system", "bench"}}},
          {"document_type", "invoice"},
          {"direction", "payable"},
          {"legal_entity", "DE01"},
          {"supplier", {{"external_refs", {{"netsuite", supplier_id}}}, {"number", "SUP-B2"}}},
          {"invoice_number", "B2-" + std::to_string(n)},
          {"invoice_date", "2026-03-02"},
          {"currency", "EUR"},
          {"lines",
           {{{"account", "5400"}, {"tax_code", "DE19"}, {"description", "Bearings"},
             {"net", money("100.00")}, {"tax", money("19.00")}, {"gross", money("119.00")}}}},
          {"totals",
           {{"net", money("100.00")}, {"tax", money("19.00")}, {"gross", money("119.00")}}}};
}

json envelope(const char* object, const std::string& key, json payload) {
  return {{"contract", "1.0"}, {"op", "create"}, {"object", object}, {"idempotency_key", key},
          {"attempt", 1}, {"deadline_ms", 30000}, {"correlation_id", key},
          {"payload", std::move(payload)}};
}

// Simulator, host (services, http_service, loader, contract, workers) and one connection.
class b2_rig {
 public:
  b2_rig() {
    ::setenv("ERPC_B2_CONSUMER_KEY", sim_credentials.consumer_key.c_str(), 1);
    ::setenv("ERPC_B2_CONSUMER_SECRET", sim_credentials.consumer_secret.c_str(), 1);
    ::setenv("ERPC_B2_TOKEN_ID", sim_credentials.token.c_str(), 1);
    ::setenv("ERPC_B2_TOKEN_SECRET", sim_credentials.token_secret.c_str(), 1);

    for (const auto& [id, table] : services_.tables()) table_->register_service(id, table);
    table_->register_service(ERPC_HOST_HTTP_V1, http_.table());
    erpc::load_options load;
    load.host = table_;
    library_ = erpc::adapter_library::load(
        std::filesystem::path(ERPC_ADAPTER_DIR) / "netsuite.so", load);

    env_.workers = &workers_;
    env_.clock = &clock_;
    env_.logger = logger_;
    env_.validate_request = [this](const json& e) { return contract_.validate_request(e); };
    env_.validate_object = [this](std::string_view o, const json& d) {
      return contract_.validate(o, d);
    };
    env_.redact = [this](std::string_view text) { return redactor_.redact(text); };
    const json config = {{"account_id", account_id},
                         {"base_url", sim_.base_url()},
                         {"consumer_key", "env:ERPC_B2_CONSUMER_KEY"},
                         {"consumer_secret", "env:ERPC_B2_CONSUMER_SECRET"},
                         {"token_id", "env:ERPC_B2_TOKEN_ID"},
                         {"token_secret", "env:ERPC_B2_TOKEN_SECRET"},
                         {"value_maps",
                          {{"subsidiaries", {{"DE01", "1"}}},
                           {"currencies", {{"EUR", "1"}}},
                           {"accounts", {{"5400", "58"}}},
                           {"tax_codes", {{"DE19", "7"}}}}},
                         {"functional_currencies", {{"DE01", "EUR"}}}};
    connection_ = erpc::adapter_connection::open(library_->shared_table(), "b2", config, env_);

    const json supplier = {{"external_refs", json::object()},
                           {"source", {{"system", "bench"}}},
                           {"name", "Acme B2"},
                           {"number", "SUP-B2"},
                           {"legal_entity", "DE01"},
                           {"default_currency", "EUR"}};
    supplier_id_ = create("Supplier", "b2-supplier", supplier)["result"]["id"];
    // One create through the adapter shows what it sends: the bare side posts that body.
    create("Invoice", "b2-template", invoice(supplier_id_, 0));
    invoice_envelope_ = envelope("Invoice", "b2-host-0", invoice(supplier_id_, 0));
    std::lock_guard lock(mutex_);
    if (!vendor_bill_) throw std::runtime_error("the adapter's vendorBill POST was not seen");
  }

  // Through the host and the adapter; the answer, or throws its error.
  json create(const char* object, const std::string& key, json payload) {
    return execute(envelope(object, key, std::move(payload)));
  }

  json execute(const json& envelope) {
    const auto out = connection_->execute(envelope);
    if (!out.ok) throw std::runtime_error(out.failure->code() + ": " + out.failure->message());
    return *out.response;
  }

  // The Invoice create envelope of op n: the prepared one with this op's key and number.
  json invoice_envelope_for(std::int64_t n) const {
    json e = invoice_envelope_;
    const std::string key = "b2-host-" + std::to_string(n);
    e["idempotency_key"] = key;
    e["correlation_id"] = key;
    e["payload"]["invoice_number"] = "B2-" + std::to_string(n);
    return e;
  }

  // The adapter's vendorBill body with another externalId, posted and signed as it does.
  erpc::http_response bare_post(const std::string& external_id) const {
    json body = *vendor_bill_;
    body["externalId"] = external_id;
    erpc::http_request req;
    req.method = "POST";
    req.url = vendor_bill_url_;
    req.headers = {{"Authorization", signer_.authorize("POST", req.url)},
                   {"Accept", "application/json"},
                   {"Content-Type", "application/json"}};
    req.body = body.dump();
    return erpc::http_client(http_.table()).send(req, nullptr);
  }

 private:
  erpc::http_service_options http_options() {
    erpc::http_service_options o;
    o.now_unix_ms = [this] { return clock_.now_unix_ms(); };
    o.on_request = [this](const erpc_http_request_v1& r, const erpc_call_v1*) {
      const std::string_view url(r.url);
      if (std::string_view(r.method) != "POST" || !url.ends_with("/record/v1/vendorBill")) return;
      std::lock_guard lock(mutex_);
      if (vendor_bill_) return;
      vendor_bill_ = json::parse(std::string_view(r.body, r.body_len));
      vendor_bill_url_ = std::string(url);
    };
    return o;
  }

  netsuite_sim_in_process sim_;
  erpc::system_host_clock clock_;
  erpc::secret_redactor redactor_;
  std::shared_ptr<spdlog::logger> logger_ = std::make_shared<spdlog::logger>(
      "b2", std::make_shared<spdlog::sinks::null_sink_mt>());
  erpc::host_services services_{logger_, clock_, redactor_};
  std::mutex mutex_;
  std::optional<json> vendor_bill_;
  std::string vendor_bill_url_;
  erpc::http_service http_{http_options()};
  std::shared_ptr<erpc::host_table> table_ = std::make_shared<erpc::host_table>();
  erpc::contract_validator contract_;
  erpc::worker_pool workers_{threads, 64};
  erpc::call_environment env_;
  std::shared_ptr<erpc::adapter_library> library_;
  std::shared_ptr<erpc::adapter_connection> connection_;
  std::string supplier_id_;
  json invoice_envelope_;
  erpc::oauth1::signer signer_{sim_credentials, account_id};
};

b2_rig& rig() {
  static b2_rig instance;
  return instance;
}

std::atomic<std::int64_t> next_key{0};

void host_invoice_create(benchmark::State& state) {
  auto& r = rig();
  const process_cpu_meter cpu(state);
  for (auto _ : state) {
    const auto n = ++next_key;
    try {
      auto answer = r.execute(r.invoice_envelope_for(n));
      benchmark::DoNotOptimize(answer);
    } catch (const std::exception& e) {
      state.SkipWithError(e.what());
      break;
    }
  }
  cpu.finish(state);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(host_invoice_create)->Threads(threads)->UseRealTime()->Unit(benchmark::kMicrosecond);

void bare_http_post(benchmark::State& state) {
  auto& r = rig();
  const process_cpu_meter cpu(state);
  for (auto _ : state) {
    const auto res = r.bare_post("erpc-b2-bare-" + std::to_string(++next_key));
    if (!res.ok() || res.status != 204) {
      const std::string why = "bare POST answered " + std::to_string(res.status) + " " +
                              res.transport_message + res.body;
      state.SkipWithError(why.c_str());
      break;
    }
  }
  cpu.finish(state);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(bare_http_post)->Threads(threads)->UseRealTime()->Unit(benchmark::kMicrosecond);

}  // namespace

int main(int argc, char** argv) {
  // The time per call of the bare client over that of the host is the host's throughput
  // over the bare client's, at the same concurrency. With --benchmark_repetitions the medians
  // are compared too (docs/benchmarks.md, B2: the machine's noise needs them). The same
  // comparison on the whole process's CPU per create (simulator included, on both sides) is
  // what the throughput ratio tends to when the machine is saturated, and it moves far less
  // with the neighbours' load than wall time does.
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  ratio_reporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  constexpr auto at_least = bench_comparison::target_kind::min_ratio;
  const std::string host = "host_invoice_create/real_time/threads:4";
  const std::string bare = "bare_http_post/real_time/threads:4";
  reporter.print({"B2 host+adapter throughput / bare HTTP throughput", bare, host, at_least, 0.8});
  reporter.print({"B2 (medians)", bare + "_median", host + "_median", at_least, 0.8});
  const char* cpu = "process_cpu_us";
  reporter.print_counter(cpu, {"B2 process CPU per create, bare / host", bare, host,
                               bench_comparison::target_kind::none, 0});
  reporter.print_counter(cpu, {"B2 process CPU per create, bare / host (medians)",
                               bare + "_median", host + "_median",
                               bench_comparison::target_kind::none, 0});
  for (const char* part : {"process_user_us", "process_sys_us"}) {
    reporter.print_counter(part, {part, bare + "_median", host + "_median",
                                  bench_comparison::target_kind::none, 0});
  }
  std::fflush(stdout);
  benchmark::Shutdown();
  return 0;
}
