// SPDX-License-Identifier: Apache-2.0
// Mutant throws_across_boundary: execute throws a C++ exception out of the C entry point instead
// of answering
// certify must fail robustness.no_exception_escapes (nothing may unwind across the ABI; the host
// must contain it as INTERNAL). See ../README.md.
#include "mutant_module.hpp"
#include "netsuite_adapter_entry.hpp"

#include <stdexcept>

namespace {

using namespace erpc;

class throws_across_boundary final : public mutants::defect {
 public:
  void execute(mutants::inner_adapter&, erpc_connection*, const char*, std::size_t,
               const erpc_call_v1*) override {
    throw std::runtime_error("mutant throws_across_boundary: thrown out of execute()");
  }
};

}  // namespace

ERPC_MUTANT(throws_across_boundary, ERPC_ABI_MAJOR)
