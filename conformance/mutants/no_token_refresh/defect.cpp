// SPDX-License-Identifier: Apache-2.0
// Mutant no_token_refresh: after a 401 the adapter's one re-signed retry never reaches NetSuite
// (it gets the same 401 back), so refreshed credentials are never used
// certify must fail errors.http_401_refresh (one 401 then success must end ok after exactly one
// credential refresh). See ../README.md.
#include "mutant_module.hpp"
#include "netsuite_adapter_entry.hpp"

#include <map>
#include <mutex>

namespace {

using namespace erpc;

// Per host call: once NetSuite answered 401, every later request of that call is answered
// with the same 401 without being sent.
class no_token_refresh final : public mutants::defect {
 public:
  std::optional<http_response> before_send(http_request&, const erpc_call_v1* outer) override {
    std::lock_guard lock(mutex_);
    const auto it = refused_.find(outer);
    if (it == refused_.end()) return std::nullopt;
    return it->second;
  }
  void after_send(const http_request&, const http_response& response,
                  const erpc_call_v1* outer) override {
    if (!response.ok() || response.status != 401 || outer == nullptr) return;
    std::lock_guard lock(mutex_);
    refused_.emplace(outer, response);
  }
  void call_finished(const erpc_call_v1* outer) override {
    std::lock_guard lock(mutex_);
    refused_.erase(outer);
  }

 private:
  std::mutex mutex_;
  std::map<const erpc_call_v1*, http_response> refused_;
};

}  // namespace

ERPC_MUTANT(no_token_refresh, ERPC_ABI_MAJOR)
