// SPDX-License-Identifier: Apache-2.0
// The bundled Coupa adapter (Core API, vendors.md §10.1): the manifest and the connection
// factory. Everything vendor-specific lives in the connection, the mappings and export_flag.
#include "coupa_adapter_entry.hpp"
#include "coupa_config.hpp"
#include "coupa_connection.hpp"
#include "resource_mapping.hpp"

#include <erpc/adapter.hpp>
#include <erpc/adapters/bundled_manifest.hpp>

namespace erpc::coupa {

class coupa_adapter final : public adapter {
 public:
  static constexpr const char* adapter_id = coupa::adapter_id;

  nlohmann::json describe() const override {
    return adapters::bundled_manifest(
        "Coupa (Core API)", mapping_version,
        {{"Supplier", {"create", "get", "list"}}, {"Invoice", {"create", "get", "list", "update"}}},
        config_schema(),
        "Suppliers, and payable invoices pulled from Coupa with the export-flag pattern: list "
        "gives approved, not-exported invoices; update marks one exported after the ERP write "
        "committed. Invoice create (POST /api/invoices) only where the tenant allows it "
        "(invoice_create); creates are idempotent through the natural keys (invoice number per "
        "supplier, supplier name).");
  }

  // Checks the configuration and that every secret reference resolves, without a request.
  void check(const nlohmann::json& config, call_context& ctx) override {
    const auto parsed = parse_config(config);
    (void)ctx.resolve_secret(parsed.client_id_ref);
    (void)ctx.resolve_secret(parsed.client_secret_ref);
  }

  std::unique_ptr<connection> open(const nlohmann::json& config, call_context& ctx) override {
    return std::make_unique<coupa_connection>(ctx.host(), parse_config(config), ctx);
  }
};

const erpc_adapter_entry_v1& adapter_entry() noexcept {
  using module = detail::adapter_module<coupa_adapter>;
  static constexpr erpc_adapter_entry_v1 entry = {
      sizeof(erpc_adapter_entry_v1), ERPC_ABI_MAJOR, ERPC_ABI_MINOR, 0, adapter_id,
      &module::init, &module::deinit, &module::get_adapter};
  return entry;
}

}  // namespace erpc::coupa
