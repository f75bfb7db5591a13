// SPDX-License-Identifier: Apache-2.0
// The mapping of one canonical object to a BILL v3 record, both directions, the natural key a
// read-back finds it by, and the fields that read-back compares (BANKING.md "Vendor duplicate
// semantics" BILL: bill + amount + process date for a payment, with the key in the memo;
// vendor + invoice number + amount for a bill). One concept a file: vendor_mapping.cpp,
// bill_mapping.cpp, payment_mapping.cpp. Bodies carry exact decimals, never doubles.
#pragma once

#include "bill_api.hpp"
#include "bill_config.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace erpc::bill {

// The version of the canonical ↔ BILL mapping, in the manifest's mapping_version.
inline constexpr const char* mapping_version = "bill-1";

struct mapping_context {
  const connection_config& config;
  std::string idempotency_key;  // carried in the memo
  // The BILL vendor id a canonical party names; VALIDATION at `pointer` when none does.
  std::function<std::string(const nlohmann::json& party, const std::string& pointer)> vendor_id;
  // The BILL bill a document reference names (for the vendor when known); VALIDATION at
  // `pointer` when none or several do.
  std::function<nlohmann::json(const nlohmann::json& document, const std::string& vendor_id,
                               const std::string& pointer)>
      bill;
};

class record_mapping {
 public:
  virtual ~record_mapping() = default;
  virtual std::string_view object() const noexcept = 0;    // "Invoice"
  virtual std::string_view resource() const noexcept = 0;  // "bills"
  // Canonical payload → the body to POST; VALIDATION / UNSUPPORTED with a pointer.
  virtual nlohmann::json to_vendor(const nlohmann::json& payload, mapping_context& ctx) const = 0;
  // A BILL record → the canonical document.
  virtual nlohmann::json from_vendor(const nlohmann::json& record, const connection_config& config) const = 0;
  // The filters that find what a body would create by its natural key.
  virtual filter_list natural_filters(const nlohmann::json& body, const connection_config& config) const = 0;
  // Whether a read-back only counts records whose memo carries this call's key (payments: two
  // equal payments of one bill on one day are legitimate, only the key tells them apart).
  virtual bool bound_to_key() const noexcept = 0;
  // Normalised compared fields: a body we would send and a record read back compare with ==.
  virtual nlohmann::json compared_fields(const nlohmann::json& body) const = 0;
  // A BILL field named in an error message → a pointer into the payload ("" when none).
  virtual std::string pointer_for(std::string_view vendor_field) const = 0;
};

std::unique_ptr<record_mapping> make_vendor_mapping();
std::unique_ptr<record_mapping> make_bill_mapping();
std::unique_ptr<record_mapping> make_payment_mapping();

}  // namespace erpc::bill
