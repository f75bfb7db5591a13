// SPDX-License-Identifier: Apache-2.0
// Creates and posts a purchase invoice or credit memo with Business Central's natural key
// (ARCHITECTURE §6 R1–R5; BANKING.md "Vendor duplicate semantics", Business Central). BC has
// no idempotency header (vendors.md §4.3): the key is the vendor's document number
// (vendorInvoiceNumber / externalDocumentNumber) with the vendor, and BC may refuse a duplicate
// when the draft is created or only when it is posted (setup-dependent). So every create first
// reads back drafts and posted documents by that key:
//   a posted document, compared fields equal     → that document, `replayed: true` (equal
//                                                  drafts left by earlier attempts are deleted)
//   a posted document, compared fields different → IDEMPOTENCY_KEY_REUSE, zero writes
//   a draft with equal fields (an earlier attempt lost its reply before or during the post)
//                                                → it is posted now (its status read first),
//                                                  `replayed: true`
//   a draft, fields different                    → IDEMPOTENCY_KEY_REUSE
//   nothing                                      → POST the draft (lines by deep insert),
//                                                  compare BC's totals with the canonical
//                                                  ones, POST Microsoft.NAV.post (204)
// A refused create or post is followed by another read-back, which decides: a twin that an
// earlier (late-delivered) attempt posted is the answer and our own draft is deleted. A post
// refused for another reason deletes the draft, so a corrected retry is not blocked by it.
// A lost reply to the post is resolved by reading the document's status before anything is
// posted again.
#pragma once

#include "bc_client.hpp"
#include "bc_mapping.hpp"

#include <erpc/adapter.hpp>

#include <optional>
#include <vector>

namespace erpc::bc {

class purchase_document_create {
 public:
  explicit purchase_document_create(bc_client& client) : client_(client) {}

  result create(const purchase_document& doc, const request& req, call_context& ctx) const;

  // Every draft and posted document with the body's vendor and reference, lines expanded.
  std::vector<nlohmann::json> read_back(const purchase_document& doc, call_context& ctx) const;

 private:
  std::optional<result> judge(const std::vector<nlohmann::json>& found,
                              const purchase_document& doc, const request& req,
                              call_context& ctx) const;
  // Posts a draft; true when it is posted (by this call or, after a lost reply, found posted).
  // A refusal is returned as the mapped error in `refused`.
  bool post(const purchase_document& doc, const std::string& id, std::optional<error>& refused,
            call_context& ctx) const;
  void delete_draft(const purchase_document& doc, const nlohmann::json& draft,
                    call_context& ctx) const;
  void check_totals(const purchase_document& doc, const nlohmann::json& draft,
                    const request& req, call_context& ctx) const;

  bc_client& client_;
};

// An OData v4 string literal: 'text' with quotes doubled.
std::string odata_literal(const std::string& text);

}  // namespace erpc::bc
