// SPDX-License-Identifier: Apache-2.0
// The bundled SAP S/4HANA adapter (OData v2 + journal SOAP, vendors.md §2): the manifest and the
// connection factory. Everything vendor-specific lives in the connection and the mappings.
#include "sap_config.hpp"
#include "sap_connection.hpp"
#include "sap_mapping.hpp"

#include <erpc/adapter.hpp>
#include <erpc/adapters/bundled_manifest.hpp>
#include <erpc/adapters/verified_connection_adapter.hpp>

namespace erpc::sap {

class sap_s4hana_adapter final
    : public adapters::verified_connection_adapter<sap_connection, &parse_config> {
 public:
  static constexpr char adapter_id[] = "sap_s4hana";

  nlohmann::json describe() const override {
    return adapters::bundled_manifest(
        "SAP S/4HANA (OData v2, journal SOAP)", mapping_version,
        {{"Supplier", {"create", "get", "list", "update"}},
         {"Invoice", {"create", "get", "list"}},
         {"JournalEntry", {"create"}}},
        config_schema(),
        "Suppliers (business partners), supplier invoices and credit memos, and journal "
        "entries in SAP S/4HANA; creates are idempotent through the key carried in a "
        "reference field and SAP's duplicate-invoice check. Payments: unsupported.");
  }
};

}  // namespace erpc::sap

ERPC_ADAPTER(erpc::sap::sap_s4hana_adapter)
