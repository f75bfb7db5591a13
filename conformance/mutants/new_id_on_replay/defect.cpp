// SPDX-License-Identifier: Apache-2.0
// Mutant new_id_on_replay: a replayed create answers ok and replayed, but with a vendor id that is
// not the first one
// certify must fail R5b.replay (R1/R5b require the replay to return the first call's vendor id).
// See ../README.md.
#include "mutant_module.hpp"
#include "netsuite_adapter_entry.hpp"

#include <string>

namespace {

using namespace erpc;

std::string another_id(const std::string& id) {
  if (!id.empty() && id.find_first_not_of("0123456789") == std::string::npos && id.size() < 15) {
    return std::to_string(std::stoll(id) + 1'000'000);
  }
  return id + "-replayed";
}

class new_id_on_replay final : public mutants::defect {
 public:
  bool on_answer(mutants::inner_adapter&, erpc_connection*, const nlohmann::json&,
                 mutants::answer& a, const erpc_call_v1*) override {
    if (!a.document || !a.document->is_object() || a.document->value("replayed", false) != true) {
      return false;
    }
    auto& result = (*a.document)["result"];
    if (!result.is_object() || !result.contains("id") || !result["id"].is_string()) return false;
    const std::string fresh = another_id(result["id"].get<std::string>());
    result["id"] = fresh;
    if (result.contains("external_refs") && result["external_refs"].is_object()) {
      result["external_refs"]["netsuite"] = fresh;
    }
    return true;
  }
};

}  // namespace

ERPC_MUTANT(new_id_on_replay, ERPC_ABI_MAJOR)
