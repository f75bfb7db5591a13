// SPDX-License-Identifier: Apache-2.0
// Mutant creates_through_upsert: every record create is sent as PUT .../<type>/eid:<externalId> (upsert), so a changed replay silently overwrites
// certify must fail R5b.reuse (R2/R5b: a changed payload under the same key must write nothing; an upsert writes an update). See ../README.md.
#include "mutant_module.hpp"
#include "netsuite_adapter_entry.hpp"

#include <string>

namespace {

using namespace erpc;

class creates_through_upsert final : public mutants::defect {
 public:
  std::optional<http_response> before_send(http_request& request, const erpc_call_v1*) override {
    if (!mutants::is_record_create(request)) return std::nullopt;
    const auto body = nlohmann::json::parse(request.body, nullptr, false);
    if (!body.is_object() || !body.contains("externalId") || !body["externalId"].is_string()) {
      return std::nullopt;
    }
    const auto query = request.url.find('?');
    const std::string path = request.url.substr(0, query);
    const std::string rest = query == std::string::npos ? "" : request.url.substr(query);
    request.method = "PUT";
    request.url = path + "/eid:" + body["externalId"].get<std::string>() + rest;
    return std::nullopt;
  }
};

}  // namespace

ERPC_MUTANT(creates_through_upsert, ERPC_ABI_MAJOR)
