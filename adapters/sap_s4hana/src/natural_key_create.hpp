// SPDX-License-Identifier: Apache-2.0
// Creates with SAP's natural keys (ARCHITECTURE §6 R1–R5, BANKING.md "Vendor duplicate
// semantics" SAP). SAP has no idempotency header (vendors.md §2.3), so the key is carried in a
// text field as a marker (key_marker.hpp) and every create first reads back by it — and, for
// invoices, by the natural key SupplierInvoiceIDByInvcgParty + InvoicingParty — ignoring
// reversed documents and their reversals, counting parked ones:
//   the record this key made, compared fields equal     → that record, `replayed: true`
//   the record this key made, compared fields different → IDEMPOTENCY_KEY_REUSE, zero writes
//   another document with the same supplier reference   → CONFLICT sap.duplicate_invoice
//   nothing                                              → POST (deep insert)
// The read-back runs before every POST, not only on retries: SAP's duplicate-invoice check
// compares the amount, so a changed replay would pass it and post a second invoice. When SAP
// refuses the POST as a duplicate (a `duplicate_codes` message, any status), the read-back runs
// again and decides. What stops a late-delivered first request from posting twice is SAP's
// duplicate check configured as an error (README "Levels").
#pragma once

#include "sap_client.hpp"

#include <erpc/adapter.hpp>

#include <functional>
#include <optional>
#include <string>

namespace erpc::sap {

struct keyed_entity {
  std::string object;       // canonical name, for messages
  std::string service;      // API_SUPPLIERINVOICE_PROCESS_SRV
  std::string entity_set;   // A_SupplierInvoice
  std::string expand;       // $expand for reads
  std::string marker_field;  // DocumentHeaderText
  std::size_t marker_length = 0;
  // Extra $filter disjunct that finds the same business document made another way ("" none).
  std::function<std::string(const nlohmann::json& body)> natural_filter;
  std::function<bool(const nlohmann::json& record, const nlohmann::json& body)> same_natural_key;
  std::function<nlohmann::json(const nlohmann::json&)> compared_fields;
  std::function<std::string(const nlohmann::json& record)> vendor_id;
  std::function<std::string(std::string_view property)> pointer_for;
};

class natural_key_create {
 public:
  natural_key_create(sap_client& client, keyed_entity entity);

  result create(nlohmann::json body, const request& req, call_context& ctx) const;

  // Records whose marker is this key's (reversed documents and reversals left out).
  std::vector<nlohmann::json> find_by_key(const std::string& idempotency_key,
                                          call_context& ctx) const;
  const keyed_entity& entity() const noexcept { return entity_; }

 private:
  struct found {
    std::optional<nlohmann::json> ours;
    std::optional<nlohmann::json> other;
  };
  found read_back(const std::string& marker, const nlohmann::json& body,
                  call_context& ctx) const;
  result judge(const found& f, const nlohmann::json& expected, const request& req,
               call_context& ctx) const;

  sap_client& client_;
  keyed_entity entity_;
};

}  // namespace erpc::sap
