// SPDX-License-Identifier: Apache-2.0
// Mutant duplicates_on_replay: the externalId is stripped from every record POST, so a replay
// creates a second vendor record
// certify must fail R5b.replay (with no ledger, only the externalId stops a replayed create from
// posting twice). See ../README.md.
#include "mutant_module.hpp"
#include "netsuite_adapter_entry.hpp"

namespace {

using namespace erpc;

class strips_external_id final : public mutants::defect {
 public:
  std::optional<http_response> before_send(http_request& request, const erpc_call_v1*) override {
    if (!mutants::is_record_create(request)) return std::nullopt;
    auto body = nlohmann::json::parse(request.body, nullptr, false);
    if (body.is_object() && body.erase("externalId") > 0) request.body = body.dump();
    return std::nullopt;
  }
};

}  // namespace

ERPC_MUTANT(strips_external_id, ERPC_ABI_MAJOR)
