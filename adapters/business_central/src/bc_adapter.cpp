// SPDX-License-Identifier: Apache-2.0
// The bundled Dynamics 365 Business Central adapter (API v2.0, OData v4; vendors.md §4): the
// manifest and the connection factory.
#include "bc_config.hpp"
#include "bc_connection.hpp"
#include "bc_mapping.hpp"

#include <erpc/adapter.hpp>
#include <erpc/adapters/bundled_manifest.hpp>
#include <erpc/adapters/verified_connection_adapter.hpp>

namespace erpc::bc {

class business_central_adapter final
    : public adapters::verified_connection_adapter<bc_connection, &parse_config> {
 public:
  static constexpr char adapter_id[] = "business_central";

  nlohmann::json describe() const override {
    return adapters::bundled_manifest(
        "Dynamics 365 Business Central (API v2.0)", mapping_version,
        {{"Supplier", {"create", "get", "list", "update"}},
         {"Invoice", {"create", "get", "list"}},
         {"JournalEntry", {"create", "get"}},
         {"Payment", {"create", "get"}}},
        config_schema(),
        "Vendors, purchase invoices and purchase credit memos (created and posted with "
        "Microsoft.NAV.post) in Business Central; creates are idempotent through the "
        "vendor number and the vendor's document number, read back among drafts and "
        "posted documents. Journal entries post through one journal batch per idempotency key; vendor payments through one "
        "vendor payment journal batch per key, against the payments-in-transit account and applied to "
        "the invoices they pay.");
  }
};

}  // namespace erpc::bc

ERPC_ADAPTER(erpc::bc::business_central_adapter)
