// SPDX-License-Identifier: Apache-2.0
// The mapping of one canonical object to a Fusion ADF resource, both directions, the natural
// key it is found by, and the fields a natural-key read-back compares (BANKING.md "Vendor
// duplicate semantics": supplier, amount, currency, date and lines). One concept a file:
// supplier_mapping.cpp, invoice_mapping.cpp, payment_mapping.cpp. Bodies carry exact decimals
// (erpc/adapters/exact_json.hpp), never doubles.
#pragma once

#include "fusion_config.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace erpc::oracle_fusion {

// The version of the canonical ↔ Fusion mapping, in the manifest's mapping_version.
inline constexpr const char* mapping_version = "oracle_fusion-1";

struct mapping_context {
  const connection_config& config;
  // The Fusion supplier (its `Supplier` name and `SupplierNumber`) a canonical party names;
  // VALIDATION at `pointer` when none does.
  std::function<nlohmann::json(const nlohmann::json& party, const std::string& pointer)> supplier;
};

class resource_mapping {
 public:
  virtual ~resource_mapping() = default;
  virtual std::string_view object() const noexcept = 0;     // "Invoice"
  virtual std::string_view resource() const noexcept = 0;   // "invoices"
  virtual std::string_view child() const noexcept = 0;      // expanded child ("invoiceLines")
  virtual std::string_view id_attribute() const noexcept = 0;  // "InvoiceId"
  // Canonical payload → the body to POST; VALIDATION / UNSUPPORTED with a pointer.
  virtual nlohmann::json to_vendor(const nlohmann::json& payload, mapping_context& ctx) const = 0;
  // A Fusion item (with its child expanded) → the canonical document.
  virtual nlohmann::json from_vendor(const nlohmann::json& item,
                                     const connection_config& config) const = 0;
  // The `q` that finds the record a body would create by its natural key (vendors.md §3.3).
  virtual std::string natural_query(const nlohmann::json& body) const = 0;
  // The natural key as text, for messages and effects ("Acme/INV-1").
  virtual std::string natural_key(const nlohmann::json& body) const = 0;
  // Normalised compared fields: a body we would send and an item read back compare with ==.
  virtual nlohmann::json compared_fields(const nlohmann::json& body) const = 0;
  // A Fusion attribute path → a pointer into the payload ("" when none is better).
  virtual std::string pointer_for(std::string_view vendor_path) const = 0;
};

std::unique_ptr<resource_mapping> make_supplier_mapping();
std::unique_ptr<resource_mapping> make_invoice_mapping();
std::unique_ptr<resource_mapping> make_payment_mapping();

// The vendor id of an item (its id attribute as text); INTERNAL when absent.
std::string vendor_id_of(const resource_mapping& m, const nlohmann::json& item);

}  // namespace erpc::oracle_fusion
