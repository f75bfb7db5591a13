// SPDX-License-Identifier: Apache-2.0
// The bundled Dynamics 365 Finance & Operations adapter (OData v4 data entities; vendors.md §5):
// the manifest and the connection factory.
#include "fo_config.hpp"
#include "fo_connection.hpp"
#include "fo_mapping.hpp"

#include <erpc/adapter.hpp>
#include <erpc/adapters/bundled_manifest.hpp>
#include <erpc/adapters/verified_connection_adapter.hpp>

namespace erpc::fo {

class dynamics_fo_adapter final
    : public adapters::verified_connection_adapter<fo_connection, &parse_config> {
 public:
  static constexpr char adapter_id[] = "dynamics_fo";

  nlohmann::json describe() const override {
    return adapters::bundled_manifest(
        "Dynamics 365 Finance & Operations (OData data entities)", mapping_version,
        {{"Supplier", {"create", "get", "list"}},
         {"Invoice", {"create", "get", "list"}},
         {"JournalEntry", {"create", "get"}}},
        config_schema(),
        "Vendors (VendorsV2), pending vendor invoices and credit notes (VendorInvoiceHeaders + "
        "VendorInvoiceLines) and ledger journals (LedgerJournalHeaders + LedgerJournalLines) in "
        "one legal entity. Creates are idempotent through the entity keys and the vendor's "
        "invoice number (read back before every create and after F&O's 'record already "
        "exists'); journals carry the key's reference in the header. Posting and vendor "
        "payments: not in this version.");
  }
};

}  // namespace erpc::fo

ERPC_ADAPTER(erpc::fo::dynamics_fo_adapter)
