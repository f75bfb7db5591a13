// SPDX-License-Identifier: Apache-2.0
// Mutant lost_reply_as_unavailable: a write whose reply was lost (OUTCOME_UNKNOWN) is reported as
// UNAVAILABLE with effect none, so the host re-posts it blindly
// certify must fail errors.reset_after_send (a request that was sent and committed must be
// OUTCOME_UNKNOWN, effect possible). See ../README.md.
#include "mutant_module.hpp"
#include "netsuite_adapter_entry.hpp"

namespace {

using namespace erpc;

class lost_reply_as_unavailable final : public mutants::defect {
 public:
  bool on_answer(mutants::inner_adapter&, erpc_connection*, const nlohmann::json&,
                 mutants::answer& a, const erpc_call_v1*) override {
    if (!a.failure || a.failure->cls() != error_class::outcome_unknown) return false;
    a.failure = mutants::with_class(*a.failure, error_class::unavailable, effect::none);
    return true;
  }
};

}  // namespace

ERPC_MUTANT(lost_reply_as_unavailable, ERPC_ABI_MAJOR)
