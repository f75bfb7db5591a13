// SPDX-License-Identifier: Apache-2.0
// The bundled UK Open Banking PIS adapter (v3.1.11, vendors.md §8): the manifest and the
// connection factory. Everything vendor-specific lives in the connection and the mappings.
#include "ob_config.hpp"
#include "ob_connection.hpp"

#include <erpc/adapter.hpp>

namespace erpc::openbanking {

class openbanking_uk_adapter final : public adapter {
 public:
  static constexpr char adapter_id[] = "openbanking_uk";

  nlohmann::json describe() const override {
    return {{"name", "UK Open Banking Payment Initiation (v3.1.11)"},
            {"vendor", "erpconnect"},
            {"version", "0.1.0"},
            {"status", "beta"},
            {"mapping_version", "openbanking_uk-1"},
            {"contract", {{"min", "1.0"}, {"max", "1.x"}}},
            {"objects", {{"Payment", {"create", "get", "status"}}}},
            {"capabilities", nlohmann::json::array()},
            {"config_schema", config_schema()},
            {"description",
             "Domestic payments through a UK ASPSP's Payment Initiation API: consent, payment "
             "and status, exactly once through a deterministic x-idempotency-key and the "
             "consumed consent. PSU authorisation happens outside the adapter."}};
  }

  std::unique_ptr<connection> open(const nlohmann::json& config, call_context& ctx) override {
    return std::make_unique<ob_connection>(ctx.host(), parse_config(config), ctx);
  }
};

}  // namespace erpc::openbanking

ERPC_ADAPTER(erpc::openbanking::openbanking_uk_adapter)
