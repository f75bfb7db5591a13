// SPDX-License-Identifier: Apache-2.0
// Mutant secret_in_error: every error message ends with the last secret value the adapter resolved
// (the TBA token secret)
// certify must fail secrets.no_leak (no secret value may appear in any output, error or log line).
// See ../README.md.
#include "mutant_module.hpp"
#include "netsuite_adapter_entry.hpp"

#include <mutex>
#include <string>

namespace {

using namespace erpc;

class secret_in_error final : public mutants::defect {
 public:
  void on_secret(std::string_view value) override {
    std::lock_guard lock(mutex_);
    last_secret_.assign(value);
  }
  bool on_answer(mutants::inner_adapter&, erpc_connection*, const nlohmann::json&,
                 mutants::answer& a, const erpc_call_v1*) override {
    if (!a.failure) return false;
    std::string secret;
    {
      std::lock_guard lock(mutex_);
      secret = last_secret_;
    }
    if (secret.empty()) return false;
    a.failure = mutants::with_message(*a.failure,
                                      a.failure->message() + " (signed with " + secret + ")");
    return true;
  }

 private:
  std::mutex mutex_;
  std::string last_secret_;
};

}  // namespace

ERPC_MUTANT(secret_in_error, ERPC_ABI_MAJOR)
