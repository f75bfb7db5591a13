// SPDX-License-Identifier: Apache-2.0
// The bundled Oracle Fusion Cloud Financials adapter (ADF REST, vendors.md §3): the manifest and
// the connection factory. Everything vendor-specific lives in the connection and the mappings.
#include "fusion_adapter_entry.hpp"
#include "fusion_config.hpp"
#include "fusion_connection.hpp"
#include "resource_mapping.hpp"

#include <erpc/adapter.hpp>
#include <erpc/adapters/bundled_manifest.hpp>

namespace erpc::oracle_fusion {

class fusion_adapter final : public adapter {
 public:
  static constexpr const char* adapter_id = oracle_fusion::adapter_id;

  nlohmann::json describe() const override {
    return adapters::bundled_manifest(
        "Oracle Fusion Cloud Financials (ADF REST)", mapping_version,
        {{"Supplier", {"create", "get", "list", "update"}},
         {"Invoice", {"create", "get", "list"}},
         {"Payment", {"create", "get", "cancel"}}},
        config_schema(),
        "Suppliers (with a site), payables invoices and credit memos, and manual payables "
        "payments with void in Oracle Fusion; creates are idempotent through the natural "
        "keys (invoice number per supplier), never Upsert-Mode. Journals are unsupported "
        "(no single-journal REST create).");
  }

  // Checks the configuration and that every secret reference resolves, without a request.
  void check(const nlohmann::json& config, call_context& ctx) override {
    const auto parsed = parse_config(config);
    for (const auto* ref : {&parsed.user_ref, &parsed.password_ref, &parsed.client_id_ref,
                            &parsed.client_secret_ref}) {
      if (!ref->empty()) (void)ctx.resolve_secret(*ref);
    }
  }

  std::unique_ptr<connection> open(const nlohmann::json& config, call_context& ctx) override {
    return std::make_unique<fusion_connection>(ctx.host(), parse_config(config), ctx);
  }
};

const erpc_adapter_entry_v1& adapter_entry() noexcept {
  using module = detail::adapter_module<fusion_adapter>;
  static constexpr erpc_adapter_entry_v1 entry = {
      sizeof(erpc_adapter_entry_v1), ERPC_ABI_MAJOR, ERPC_ABI_MINOR, 0, adapter_id,
      &module::init, &module::deinit, &module::get_adapter};
  return entry;
}

}  // namespace erpc::oracle_fusion
