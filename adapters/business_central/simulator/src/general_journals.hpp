// SPDX-License-Identifier: Apache-2.0
// General journals (vendors.md §4.1): a journal is a batch (`journals`, code Code[10] unique);
// its `journalLines` (lineNumber unique in the batch) are posted together by
// `journals({id})/Microsoft.NAV.post` (204), which moves them to `generalLedgerEntries` and
// empties the batch (BANKING.md "one journal batch per key (post posts the batch)").
// Posting refuses a batch that does not balance (a line without a balancing account must be
// offset by other lines). Effects: a journal is "genJournalBatch"; a line "genJournalLine";
// a posting writes one "glRegister" (table 45, G/L Register) — the accounting effect — whose
// vendor id is the Document No. of the posted lines (G/L entries are read back by it).
#pragma once

#include "purchase_documents.hpp"

#include <erpc/decimal.hpp>

namespace erpc::sim::bc {

class general_journals {
 public:
  general_journals(simulator_settings& settings, effects_log& effects)
      : settings_(settings), effects_(effects) {}

  entity_table& journals() noexcept { return journals_; }
  const std::vector<nlohmann::json>& ledger() const noexcept { return ledger_; }

  const stored_entity& create_journal(const nlohmann::json& body);
  nlohmann::json add_line(const std::string& journal_id, const nlohmann::json& body);
  nlohmann::json lines(const std::string& journal_id);
  void post(const std::string& journal_id);
  void clear();
  // One G/L entry (debit when `amount` is positive), as a posting of another journal kind
  // (vendor payment journals) writes it.
  void add_entry(const std::string& posting_date, const std::string& document_number,
                 const std::string& account, const std::string& description, const decimal& amount);

 private:
  simulator_settings& settings_;
  effects_log& effects_;
  entity_table journals_;
  std::vector<nlohmann::json> ledger_;  // generalLedgerEntries
  std::uint64_t entries_ = 0;
  std::uint64_t registers_ = 0;
};

}  // namespace erpc::sim::bc
