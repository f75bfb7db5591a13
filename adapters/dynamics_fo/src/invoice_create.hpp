// SPDX-License-Identifier: Apache-2.0
// Creates a pending vendor invoice with F&O's natural key (ARCHITECTURE §6 R1–R5; BANKING.md
// "Vendor duplicate semantics", F&O). F&O has no idempotency header (vendors.md §5.3); the key
// is the vendor's invoice number with the vendor account in the legal entity, which F&O itself
// refuses twice when the accounts payable parameter "check invoice number used" is reject or
// reject per fiscal year. The header's own key (HeaderReference) comes from a number sequence,
// so a create:
//   1. reads back the headers with this InvoiceAccount + InvoiceNumber (cross-company, this
//      dataAreaId):
//        a header with equal compared fields → its lines are completed (an earlier attempt may
//          have stopped between header and lines) and compared → `replayed: true`
//        headers, none equal                 → IDEMPOTENCY_KEY_REUSE, zero writes
//        none                                → 2.
//   2. POSTs the header; "The record already exists." / the invoice number already used (HTTP
//      500, AxODataWriteException) means a late-delivered earlier attempt got there first: read
//      back again and judge as in 1.
//   3. POSTs the lines (LineNumber 1..n, line_writer).
// Under "accept" F&O does not enforce the key: the read-back still prevents a second invoice on
// a retry, but not against a late-delivered first attempt (certified at idempotent only).
#pragma once

#include "fo_client.hpp"
#include "fo_mapping.hpp"

#include <erpc/adapter.hpp>

#include <optional>
#include <vector>

namespace erpc::fo {

class invoice_create {
 public:
  explicit invoice_create(fo_client& client) : client_(client) {}

  result create(const request& req, call_context& ctx) const;

  // Headers with the invoice's account and number.
  std::vector<nlohmann::json> read_back(const vendor_invoice& invoice, call_context& ctx) const;
  // A header (by HeaderReference) with its lines; nullopt when there is none.
  std::optional<nlohmann::json> get(const std::string& header_reference, call_context& ctx) const;

 private:
  std::optional<result> judge(const std::vector<nlohmann::json>& found, const vendor_invoice& invoice,
                              const request& req, call_context& ctx) const;
  void write_lines(const std::string& header_reference, const vendor_invoice& invoice,
                   call_context& ctx) const;

  fo_client& client_;
};

}  // namespace erpc::fo
