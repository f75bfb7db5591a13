// SPDX-License-Identifier: Apache-2.0
// The bundled BILL v3 adapter (AP automation SaaS, vendors.md §10.2): the manifest and the
// connection factory. Everything vendor-specific lives in the connection and the mappings.
#include "bill_adapter_entry.hpp"
#include "bill_config.hpp"
#include "bill_connection.hpp"
#include "record_mapping.hpp"

#include <erpc/adapter.hpp>
#include <erpc/adapters/bundled_manifest.hpp>

namespace erpc::bill {

class bill_adapter final : public adapter {
 public:
  static constexpr const char* adapter_id = bill::adapter_id;

  nlohmann::json describe() const override {
    return adapters::bundled_manifest(
        "BILL (v3 API)", mapping_version,
        {{"Supplier", {"create", "get", "list"}},
         {"Invoice", {"create", "get", "list"}},
         {"Payment", {"create", "get"}},
         {"PaymentBatch", {"submit"}},
         {"PaymentStatus", {"list"}}},
        config_schema(),
        "Vendors, bills, single payments of bills and mass payments (PaymentBatch, with "
        "their status as PaymentStatus) in BILL (v3 API, session login). BILL "
        "has no idempotency key: the key travels in the memo (description) and every create "
        "reads back by its natural key first (bill: vendor + invoice number; payment: bill + "
        "the key in the memo), never a blind re-post.");
  }

  // Checks the configuration and that every secret reference resolves, without a request.
  void check(const nlohmann::json& config, call_context& ctx) override {
    const auto parsed = parse_config(config);
    for (const auto* ref : {&parsed.username_ref, &parsed.password_ref, &parsed.dev_key_ref}) {
      (void)ctx.resolve_secret(*ref);
    }
  }

  std::unique_ptr<connection> open(const nlohmann::json& config, call_context& ctx) override {
    return std::make_unique<bill_connection>(ctx.host(), parse_config(config), ctx);
  }
};

const erpc_adapter_entry_v1& adapter_entry() noexcept {
  using module = detail::adapter_module<bill_adapter>;
  static constexpr erpc_adapter_entry_v1 entry = {
      sizeof(erpc_adapter_entry_v1), ERPC_ABI_MAJOR, ERPC_ABI_MINOR, 0, adapter_id,
      &module::init, &module::deinit, &module::get_adapter};
  return entry;
}

}  // namespace erpc::bill
