// SPDX-License-Identifier: Apache-2.0
// Mutant rate_limit_as_internal: every RATE_LIMITED answer (429, concurrency refusals) is reported
// as INTERNAL, effect none
// certify must fail errors.http_429_retry_seconds (429 + Retry-After must be RATE_LIMITED so the
// host backs off and retries). See ../README.md.
#include "mutant_module.hpp"
#include "netsuite_adapter_entry.hpp"

namespace {

using namespace erpc;

class rate_limit_as_internal final : public mutants::defect {
 public:
  bool on_answer(mutants::inner_adapter&, erpc_connection*, const nlohmann::json&,
                 mutants::answer& a, const erpc_call_v1*) override {
    if (!a.failure || a.failure->cls() != error_class::rate_limited) return false;
    a.failure = mutants::with_class(*a.failure, error_class::internal, effect::none);
    return true;
  }
};

}  // namespace

ERPC_MUTANT(rate_limit_as_internal, ERPC_ABI_MAJOR)
