// SPDX-License-Identifier: Apache-2.0
// The bundled NetSuite adapter (SuiteTalk REST, vendors.md §1): the manifest and the
// connection factory. Everything vendor-specific lives in the connection and the mappings.
#include "netsuite_adapter_entry.hpp"
#include "netsuite_config.hpp"
#include "netsuite_connection.hpp"
#include "record_mapping.hpp"

#include <erpc/adapter.hpp>

namespace erpc::netsuite {

class netsuite_adapter final : public adapter {
 public:
  static constexpr const char* adapter_id = netsuite::adapter_id;

  nlohmann::json describe() const override {
    return {{"name", "Oracle NetSuite (SuiteTalk REST)"},
            {"vendor", "erpconnect"},
            {"version", "0.1.0"},
            {"status", "beta"},
            {"mapping_version", mapping_version},
            {"contract", {{"min", "1.0"}, {"max", "1.x"}}},
            {"objects",
             {{"Supplier", {"create", "get", "list", "update"}},
              {"Invoice", {"create", "get", "list"}},
              {"JournalEntry", {"create", "get"}},
              {"Payment", {"create", "get", "reverse"}}}},
            {"capabilities", nlohmann::json::array()},
            {"config_schema", config_schema()},
            {"description",
             "Suppliers, supplier invoices and credit notes, journals and vendor payments in "
             "NetSuite; creates are idempotent through externalId (never upsert)."}};
  }

  // Checks the configuration and that every secret reference resolves, without a request.
  void check(const nlohmann::json& config, call_context& ctx) override {
    const auto parsed = parse_config(config);
    for (const auto* ref : {&parsed.consumer_key_ref, &parsed.consumer_secret_ref,
                            &parsed.token_id_ref, &parsed.token_secret_ref}) {
      (void)ctx.resolve_secret(*ref);
    }
  }

  std::unique_ptr<connection> open(const nlohmann::json& config, call_context& ctx) override {
    return std::make_unique<netsuite_connection>(ctx.host(), parse_config(config), ctx);
  }
};

const erpc_adapter_entry_v1& adapter_entry() noexcept {
  using module = detail::adapter_module<netsuite_adapter>;
  static constexpr erpc_adapter_entry_v1 entry = {
      sizeof(erpc_adapter_entry_v1), ERPC_ABI_MAJOR, ERPC_ABI_MINOR, 0, adapter_id,
      &module::init, &module::deinit, &module::get_adapter};
  return entry;
}

}  // namespace erpc::netsuite
