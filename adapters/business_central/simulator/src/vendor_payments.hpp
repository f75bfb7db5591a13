// SPDX-License-Identifier: Apache-2.0
// Vendor payment journals (vendors.md §4.1: `vendorPayments` lines with `journalId`, fields
// vendorId/vendorNumber, postingDate, documentNumber, externalDocumentNumber, amount,
// appliesToInvoiceId/appliesToInvoiceNumber, description, comment). A batch
// (`vendorPaymentJournals`, code Code[10] unique, `balancingAccountNumber` = the
// payments-in-transit account, BANKING.md "The pay-and-settle flow" step 1) holds the lines;
// `vendorPaymentJournals({id})/Microsoft.NAV.post` (setting payments.journal_post, unconfirmed)
// posts them all: each line debits the payables account (setting payments.payables_account) and
// credits the batch's balancing account in `generalLedgerEntries` (documentNumber = the line's),
// and a line applied to a posted purchase invoice lowers its `remainingAmount` (status `Paid` at
// zero; a partial payment leaves the rest open; an excess stays unapplied on the vendor). The
// batch is emptied. Reversal (step 3) is a setting (payments.reversal, unconfirmed).
//
// Effects: a batch is "vendPaymentBatch"; a line "vendPaymentLine"; a posting writes one
// "vendLedgEntry" (table 25, Vendor Ledger Entry) whose vendor id is the posted lines'
// Document No. — the accounting effect certification counts; each applied invoice is an update
// of its "purchInvHeader"; a reversal updates the "vendLedgEntry".
#pragma once

#include "general_journals.hpp"
#include "purchase_documents.hpp"

namespace erpc::sim::bc {

class vendor_payments {
 public:
  vendor_payments(simulator_settings& settings, effects_log& effects, general_journals& ledger,
                  purchase_documents& invoices)
      : settings_(settings), effects_(effects), ledger_(ledger), invoices_(invoices) {}

  entity_table& journals() noexcept { return journals_; }

  const stored_entity& create_journal(const nlohmann::json& body);
  // POST vendorPayments (body.journalId) or vendorPaymentJournals({id})/vendorPayments.
  nlohmann::json add_line(const std::string& journal_id, const nlohmann::json& body,
                          const vendor_lookup& vendors);
  // Every line of every batch (GET vendorPayments) or of one batch.
  std::vector<nlohmann::json> lines(const std::string& journal_id) const;
  void post(const std::string& journal_id);
  // payments.reversal = bound_action: reverses the posting with this document number.
  void reverse(const std::string& journal_id, const nlohmann::json& body);
  void clear();

 private:
  stored_entity* applied_invoice(const nlohmann::json& line);

  simulator_settings& settings_;
  effects_log& effects_;
  general_journals& ledger_;
  purchase_documents& invoices_;
  entity_table journals_;
  // documentNumber → what its posting did (for reversal): {invoice id, amount applied}.
  struct posted_payment {
    std::string posting_date;
    decimal amount;
    std::string balancing_account;
    std::vector<std::pair<std::string, decimal>> applied;
    bool reversed = false;
  };
  std::map<std::string, posted_payment> posted_;
};

}  // namespace erpc::sim::bc
