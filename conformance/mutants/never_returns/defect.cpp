// SPDX-License-Identifier: Apache-2.0
// Mutant never_returns: execute never returns and never answers (ignores the deadline and
// is_cancelled)
// certify must fail robustness.honours_deadline (a call must end by its deadline + grace; certify
// must survive an adapter that hangs). See ../README.md.
#include "mutant_module.hpp"
#include "netsuite_adapter_entry.hpp"

#include <chrono>
#include <thread>

namespace {

using namespace erpc;

class never_returns final : public mutants::defect {
 public:
  void execute(mutants::inner_adapter&, erpc_connection*, const char*, std::size_t,
               const erpc_call_v1*) override {
    for (;;) std::this_thread::sleep_for(std::chrono::hours(1));
  }
};

}  // namespace

ERPC_MUTANT(never_returns, ERPC_ABI_MAJOR)
