// SPDX-License-Identifier: Apache-2.0
// The mapping of one canonical object to a Coupa resource, both directions, the natural key it
// is found by, and the fields a natural-key read-back compares (BANKING.md "Vendor duplicate
// semantics": supplier, amount, currency, date and lines). One concept a file:
// supplier_mapping.cpp, invoice_mapping.cpp. Bodies carry exact decimals, never doubles.
#pragma once

#include "coupa_client.hpp"
#include "coupa_config.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace erpc::coupa {

// The version of the canonical ↔ Coupa mapping, in the manifest's mapping_version.
inline constexpr const char* mapping_version = "coupa-1";

struct mapping_context {
  const connection_config& config;
  // The Coupa supplier record a canonical party names; VALIDATION at `pointer` when none does.
  std::function<nlohmann::json(const nlohmann::json& party, const std::string& pointer)> supplier;
};

class resource_mapping {
 public:
  virtual ~resource_mapping() = default;
  virtual std::string_view object() const noexcept = 0;    // "Invoice"
  virtual std::string_view resource() const noexcept = 0;  // "invoices"
  // Canonical payload → the body to POST; VALIDATION / UNSUPPORTED with a pointer.
  virtual nlohmann::json to_vendor(const nlohmann::json& payload, mapping_context& ctx) const = 0;
  // A Coupa record → the canonical document.
  virtual nlohmann::json from_vendor(const nlohmann::json& record, const connection_config& config) const = 0;
  // The query that finds the record a body would create by its natural key.
  virtual query_params natural_query(const nlohmann::json& body) const = 0;
  // The natural key as text, for messages ("7/INV-1").
  virtual std::string natural_key(const nlohmann::json& body) const = 0;
  // Normalised compared fields: a body we would send and a record read back compare with ==.
  virtual nlohmann::json compared_fields(const nlohmann::json& body) const = 0;
  // A Coupa field ("invoice-lines[0].total") → a pointer into the payload ("" when none is better).
  virtual std::string pointer_for(std::string_view field) const = 0;
};

std::unique_ptr<resource_mapping> make_supplier_mapping();
std::unique_ptr<resource_mapping> make_invoice_mapping();

// The Coupa id of a record as text; INTERNAL coupa.malformed_response when absent.
std::string vendor_id_of(const nlohmann::json& record);

}  // namespace erpc::coupa
