// SPDX-License-Identifier: Apache-2.0
// Purchase invoices and purchase credit memos (vendors.md §4.1, §4.3; BANKING.md "Business
// Central"): a draft is created (201, lines by deep insert or through the lines navigation),
// Microsoft.NAV.post posts it (204, no content) — the document keeps its id, gets a posted
// number and status Open — and the API lists drafts and posted documents together. The
// vendor's reference (invoice: vendorInvoiceNumber; credit memo: externalDocumentNumber) is
// checked for duplicates per vendor at create or only at post (setting
// purchase.duplicate_vendor_invoice_number).
//
// Effects follow BC's tables: a draft is a "purchaseHeader" record (table 38, Purchase
// Header); posting writes a "purchInvHeader" / "purchCrMemoHdr" record (tables 122 / 124,
// the posted documents) with the same id. A posted document is the accounting effect a
// conformance run counts; a draft is deletable work in progress.
#pragma once

#include "odata_error.hpp"

#include <erpc/sim/effects_log.hpp>
#include <erpc/sim/simulator_settings.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace erpc::sim::bc {

struct document_kind {
  std::string entity_set;    // purchaseInvoices
  std::string lines;         // purchaseInvoiceLines
  std::string date_field;    // invoiceDate
  std::string reference;     // vendorInvoiceNumber
  std::string label;         // Purchase Invoice (messages)
  std::string posted_table;  // purchInvHeader (effects)
  std::string draft_prefix;  // 107 (draft numbers)
  std::string posted_prefix;  // 108 (posted numbers)
};

const document_kind& invoice_kind();
const document_kind& credit_memo_kind();

struct stored_entity {
  nlohmann::json fields;  // exact JSON (amounts as decimal nodes); lines inside for documents
  std::uint64_t version = 1;
};

// The records of one entity set in entry order.
class entity_table {
 public:
  stored_entity* find(const std::string& id);
  std::vector<const stored_entity*> all() const;
  stored_entity& insert(const std::string& id, nlohmann::json fields);
  void erase(const std::string& id);
  void clear();

 private:
  std::vector<std::string> order_;
  std::map<std::string, stored_entity> by_id_;
};

std::string new_guid();
// W/"…": changes with every version.
std::string etag_of(const std::string& id, std::uint64_t version);

// The vendor a document names, resolved by vendorId or vendorNumber.
using vendor_lookup = std::function<const stored_entity*(const nlohmann::json& body)>;

class purchase_documents {
 public:
  purchase_documents(const document_kind& kind, simulator_settings& settings,
                     effects_log& effects)
      : kind_(kind), settings_(settings), effects_(effects) {}

  const document_kind& kind() const noexcept { return kind_; }
  entity_table& table() noexcept { return table_; }

  // POST …/{entity_set}; throws odata_refusal.
  const stored_entity& create(const nlohmann::json& body, const vendor_lookup& vendors);
  // POST …/{entity_set}({id})/{lines}
  nlohmann::json add_line(const std::string& id, const nlohmann::json& body);
  // POST …/{entity_set}({id})/Microsoft.NAV.post
  void post(const std::string& id);
  // DELETE …/{entity_set}({id}) (drafts only)
  void remove(const std::string& id, const std::string& if_match);
  // The entity as the API answers it; lines only when expanded.
  nlohmann::json view(const stored_entity& e, bool with_lines) const;
  void clear() { table_.clear(); counter_ = 0; }

 private:
  nlohmann::json make_line(const nlohmann::json& body, const nlohmann::json& document,
                           std::size_t sequence) const;
  void recompute_totals(nlohmann::json& document) const;
  void check_duplicate(const nlohmann::json& document, bool posted_only) const;

  const document_kind& kind_;
  simulator_settings& settings_;
  effects_log& effects_;
  entity_table table_;
  std::uint64_t counter_ = 0;
};

}  // namespace erpc::sim::bc
