// What encryption at rest adds to each stored payload: field_protection's protect (before the
// write) plus reveal (after the read) of the example 1 KB Invoice with /remit_to/iban encrypted,
// next to the work accept already does for every payload (strict parse + fingerprint).
#include "ratio_reporter.hpp"

#include <erpc/host/field_protection.hpp>
#include <erpc/host/fingerprint.hpp>
#include <erpc/host/strict_json.hpp>
#include <erpc/host/symmetric_key.hpp>

#include <fstream>
#include <sstream>

namespace {

std::string invoice_text() {
  std::ifstream in(std::string(ERPC_SOURCE_DIR) + "/schemas/examples/v1/Invoice.json");
  std::ostringstream text;
  text << in.rdbuf();
  return nlohmann::json::parse(text.str()).dump();
}

const erpc::field_protection& protection() {
  static const erpc::field_protection p(
      erpc::field_cipher(erpc::parse_symmetric_key(
          "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f")),
      {"/remit_to/iban"});
  return p;
}

void BM_protect_and_reveal(benchmark::State& state) {
  const std::string payload = invoice_text();
  for (auto _ : state) {
    const std::string stored = protection().protect(erpc::stored_document::payload, payload);
    benchmark::DoNotOptimize(protection().reveal(erpc::stored_document::payload, stored));
  }
}
BENCHMARK(BM_protect_and_reveal);

void BM_parse_and_fingerprint(benchmark::State& state) {
  const std::string payload = invoice_text();
  for (auto _ : state) {
    benchmark::DoNotOptimize(erpc::payload_fingerprint(erpc::parse_strict(payload)));
  }
}
BENCHMARK(BM_parse_and_fingerprint);

}  // namespace

int main(int argc, char** argv) {
  return run_benchmarks_with_ratio(argc, argv, "field encryption per stored payload",
                                   "BM_protect_and_reveal", "BM_parse_and_fingerprint");
}
