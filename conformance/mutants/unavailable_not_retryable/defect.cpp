// SPDX-License-Identifier: Apache-2.0
// Mutant unavailable_not_retryable: an HTTP 503 from NetSuite is reported as INTERNAL (final, not
// retried), effect none
// certify must fail errors.http_503 (503 is a retryable class (RATE_LIMITED or UNAVAILABLE), never
// a final one). See ../README.md.
#include "mutant_module.hpp"
#include "netsuite_adapter_entry.hpp"

namespace {

using namespace erpc;

class unavailable_not_retryable final : public mutants::defect {
 public:
  bool on_answer(mutants::inner_adapter&, erpc_connection*, const nlohmann::json&,
                 mutants::answer& a, const erpc_call_v1*) override {
    if (!a.failure || !a.failure->vendor() || a.failure->vendor()->http_status != 503) {
      return false;
    }
    a.failure = mutants::with_class(*a.failure, error_class::internal, effect::none);
    return true;
  }
};

}  // namespace

ERPC_MUTANT(unavailable_not_retryable, ERPC_ABI_MAJOR)
