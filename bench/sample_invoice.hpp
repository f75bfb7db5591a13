#pragma once
// The ~1 KB canonical Invoice the host benchmarks send (schemas/examples/v1/Invoice.json), and
// the create envelope around it.

#include <nlohmann/json.hpp>

#include <fstream>
#include <string>

// Read once: re-reading the file per iteration, even inside PauseTiming, leaves the measured
// call with the reader's work in the caches and the allocator.
inline const nlohmann::json& sample_invoice() {
  static const nlohmann::json invoice = [] {
    std::ifstream in(std::string(ERPC_SOURCE_DIR) + "/schemas/examples/v1/Invoice.json");
    return nlohmann::json::parse(in);
  }();
  return invoice;
}

// A create of the sample Invoice under idempotency key `key`.
inline nlohmann::json invoice_create_envelope(const std::string& key) {
  return {{"contract", "1.0"}, {"op", "create"}, {"object", "Invoice"},
          {"idempotency_key", key}, {"attempt", 1}, {"deadline_ms", 30000},
          {"correlation_id", "bench"}, {"payload", sample_invoice()}};
}
