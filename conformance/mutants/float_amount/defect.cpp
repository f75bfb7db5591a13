// SPDX-License-Identifier: Apache-2.0
// Mutant float_amount: every money amount in a result is a JSON floating-point number instead of a
// decimal string
// certify must fail contract.outputs_valid (outputs must validate against schemas/v1, where money
// is never a JSON number). See ../README.md.
#include "mutant_module.hpp"
#include "netsuite_adapter_entry.hpp"

#include <string>

namespace {

using namespace erpc;

// {"amount": "119.00", "currency": ...} becomes {"amount": 119.0, ...}, everywhere in a result.
bool floats_amounts(nlohmann::json& node) {
  bool changed = false;
  if (node.is_object()) {
    const auto amount = node.find("amount");
    if (amount != node.end() && amount->is_string() && node.contains("currency")) {
      try {
        *amount = std::stod(amount->get<std::string>());  // serialised as e.g. 119.0
        changed = true;
      } catch (const std::exception&) {
      }
    }
    for (auto& [key, child] : node.items()) {
      if (key != "amount") changed = floats_amounts(child) || changed;
    }
  } else if (node.is_array()) {
    for (auto& child : node) changed = floats_amounts(child) || changed;
  }
  return changed;
}

class float_amount final : public mutants::defect {
 public:
  bool on_answer(mutants::inner_adapter&, erpc_connection*, const nlohmann::json&,
                 mutants::answer& a, const erpc_call_v1*) override {
    if (!a.document || !a.document->is_object() || !a.document->contains("result")) return false;
    return floats_amounts((*a.document)["result"]);
  }
};

}  // namespace

ERPC_MUTANT(float_amount, ERPC_ABI_MAJOR)
