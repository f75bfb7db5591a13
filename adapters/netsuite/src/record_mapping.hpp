// SPDX-License-Identifier: Apache-2.0
// The mapping of one canonical object to NetSuite records, both directions, and the fields a
// natural-key read-back compares (BANKING.md "Vendor duplicate semantics": supplier, amount,
// currency, date and lines). One concept a file: supplier_mapping.cpp, invoice_mapping.cpp,
// journal_mapping.cpp, payment_mapping.cpp. Bodies are built with exact decimals
// (erpc/adapters/exact_json.hpp), never doubles.
#pragma once

#include "netsuite_config.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace erpc::netsuite {

// The version of the canonical ↔ NetSuite mapping, in the manifest's mapping_version.
inline constexpr const char* mapping_version = "netsuite-1";

// What a mapping needs beyond the payload: the connection's value maps and lookups of other
// records (a supplier by number, a bill by invoice number), which cost a request.
struct mapping_context {
  const value_maps& maps;
  // The vendor internal id of the supplier a canonical party names; VALIDATION at `pointer`
  // when it names none that exists.
  std::function<std::string(const nlohmann::json& party, const std::string& pointer)>
      resolve_supplier;
  // The internal id of a vendorBill / vendorCredit a document_ref names, for the supplier
  // `entity_id`.
  std::function<std::string(std::string_view record_type, const nlohmann::json& document,
                            const std::string& entity_id, const std::string& pointer)>
      resolve_document;
};

struct vendor_record {
  std::string record_type;  // vendor, vendorBill, vendorCredit, journalEntry, vendorPayment
  nlohmann::json body;      // exact-decimal JSON (write with adapters::dump_exact)
};

class record_mapping {
 public:
  virtual ~record_mapping() = default;
  virtual std::string_view object() const noexcept = 0;  // canonical name, e.g. "Invoice"
  // Record types the object lives in, in lookup order (Invoice: vendorBill, vendorCredit).
  virtual std::vector<std::string> record_types() const = 0;
  // Canonical payload → the NetSuite body to POST. Throws VALIDATION / UNSUPPORTED with a
  // pointer into the payload for what cannot be carried.
  virtual vendor_record to_vendor(const nlohmann::json& payload, mapping_context& ctx) const = 0;
  // A NetSuite record (as GET returns it) → the canonical document.
  virtual nlohmann::json from_vendor(std::string_view record_type, const nlohmann::json& record,
                                     const value_maps& maps) const = 0;
  // The compared fields of a NetSuite body, normalised (ids as strings, amounts as normalised
  // decimal text), so a body we would send and a record read back compare with ==.
  virtual nlohmann::json compared_fields(const nlohmann::json& body) const = 0;
  // A NetSuite error path ("expense.items[0].account") → a pointer into the payload.
  virtual std::string pointer_for(std::string_view vendor_path) const = 0;
};

std::unique_ptr<record_mapping> make_supplier_mapping();
std::unique_ptr<record_mapping> make_invoice_mapping();
std::unique_ptr<record_mapping> make_journal_mapping();
std::unique_ptr<record_mapping> make_payment_mapping();

}  // namespace erpc::netsuite
