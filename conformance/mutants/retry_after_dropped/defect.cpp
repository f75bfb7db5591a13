// SPDX-License-Identifier: Apache-2.0
// Mutant retry_after_dropped: RATE_LIMITED answers lose the vendor's Retry-After (no
// retry_after_ms)
// certify must fail errors.http_429_retry_seconds (429 + Retry-After in seconds must give
// retry_after_ms = seconds x 1000). See ../README.md.
#include "mutant_module.hpp"
#include "netsuite_adapter_entry.hpp"

namespace {

using namespace erpc;

class retry_after_dropped final : public mutants::defect {
 public:
  bool on_answer(mutants::inner_adapter&, erpc_connection*, const nlohmann::json&,
                 mutants::answer& a, const erpc_call_v1*) override {
    if (!a.failure || a.failure->cls() != error_class::rate_limited) return false;
    a.failure = mutants::without_retry_after(*a.failure);
    return true;
  }
};

}  // namespace

ERPC_MUTANT(retry_after_dropped, ERPC_ABI_MAJOR)
