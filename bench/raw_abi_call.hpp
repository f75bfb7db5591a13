#pragma once
// An adapter's execute through its C table and nothing else: no host checks, no hand-off, no
// deadline. What the adapter and its SDK cost per call on their own, the floor every host path
// (in-process or isolated) adds to.

#include "sample_invoice.hpp"

#include <erpc/abi.h>
#include <erpc/host/adapter_library.hpp>
#include <erpc/host/host_table.hpp>

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

class raw_abi_call {
 public:
  // Loads `library` with an empty host table and opens one connection with config `{}`.
  explicit raw_abi_call(const std::filesystem::path& library) {
    erpc::load_options load;
    load.host = std::make_shared<erpc::host_table>();
    library_ = erpc::adapter_library::load(library, load);
    call_.struct_size = sizeof call_;
    call_.correlation_id = "bench";
    call_.traceparent = "";
    call_.respond = &respond;
    call_.fail = &fail;
    call_.is_cancelled = [](const erpc_call_v1*) -> std::int32_t { return 0; };
    connection_ = library_->table().open("{}", 2, &call_);
    if (connection_ == nullptr) throw std::runtime_error("the adapter refused to open");
  }
  ~raw_abi_call() { library_->table().close(connection_); }
  raw_abi_call(const raw_abi_call&) = delete;
  raw_abi_call& operator=(const raw_abi_call&) = delete;

  // One execute of the request text; the answer is discarded (an error answer aborts: a
  // benchmark must not measure a failing path by accident).
  void execute(const std::string& request_text) {
    library_->table().execute(connection_, request_text.data(), request_text.size(), &call_);
  }

 private:
  static void respond(const erpc_call_v1*, const char* json, size_t len) {
    benchmark::DoNotOptimize(json);
    benchmark::DoNotOptimize(len);
  }
  static void fail(const erpc_call_v1*, const erpc_error_v1*) { std::abort(); }

  std::shared_ptr<erpc::adapter_library> library_;
  erpc_call_v1 call_{};
  erpc_connection* connection_ = nullptr;
};

// One create of the sample Invoice per iteration through `library`'s C table, each under its
// own key; the request text is made outside the timing.
inline void run_raw_abi_creates(benchmark::State& state, const std::filesystem::path& library) {
  raw_abi_call adapter(library);
  std::int64_t n = 0;
  for (auto _ : state) {
    state.PauseTiming();
    const std::string text = invoice_create_envelope("bench-" + std::to_string(++n)).dump();
    state.ResumeTiming();
    adapter.execute(text);
  }
}
