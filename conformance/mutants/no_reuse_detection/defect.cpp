// SPDX-License-Identifier: Apache-2.0
// Mutant no_reuse_detection: a key reused with another payload is answered as a replay (ok,
// replayed) instead of IDEMPOTENCY_KEY_REUSE
// certify must fail R5b.reuse (R2/R5b: the same key with a changed compared field must be
// IDEMPOTENCY_KEY_REUSE). See ../README.md.
#include "mutant_module.hpp"
#include "netsuite_adapter_entry.hpp"

namespace {

using namespace erpc;

// The reuse the inner adapter detected is hidden: the record under the key is read back and
// the call answers as if it were a replay of the (changed) payload.
class no_reuse_detection final : public mutants::defect {
 public:
  bool on_answer(mutants::inner_adapter& inner, erpc_connection* connection,
                 const nlohmann::json& envelope, mutants::answer& a,
                 const erpc_call_v1* outer) override {
    if (!a.failure || a.failure->cls() != error_class::idempotency_key_reuse) return false;
    const std::string key = envelope.value("idempotency_key", "");
    if (key.empty() || !envelope.contains("payload")) return false;
    nlohmann::json get = envelope;
    get.erase("payload");
    get.erase("idempotency_key");
    get["op"] = "get";
    get["query"] = {{"natural_key", key}};
    const auto found = inner.execute(connection, get.dump(), outer);
    if (!found.document || !found.document->contains("result")) return false;
    const auto& record = (*found.document)["result"];
    if (!record.is_object() || !record.contains("id") || !record["id"].is_string()) return false;
    nlohmann::json result = envelope["payload"];
    result["id"] = record["id"];
    result["external_refs"]["netsuite"] = record["id"];
    a.failure.reset();
    a.document = nlohmann::json{{"status", "ok"}, {"replayed", true}, {"result", result}};
    return true;
  }
};

}  // namespace

ERPC_MUTANT(no_reuse_detection, ERPC_ABI_MAJOR)
