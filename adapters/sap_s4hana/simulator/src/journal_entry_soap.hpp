// SPDX-License-Identifier: Apache-2.0
// Journal entry posting over SOAP (vendors.md §2.1): JournalEntryCreateRequestConfirmation_In
// (SAP_COM_0002) at POST /sap/bc/srt/scs_ext/sap/journalentrycreaterequestconfi, request root
// JournalEntryBulkCreateRequest (namespace http://sap.com/xi/SAPSCORE/SFIN) with one or more
// JournalEntryCreateRequest/JournalEntry.
//
// As the vendor does, a posting that fails on business grounds still answers HTTP 200: its
// confirmation carries AccountingDocument 0000000000 and Log/Item entries (SeverityCode 1 info,
// 2 warning, 3 error) with a Note. Only a request the service cannot read (not XML, not a SOAP
// envelope, another operation) is a SOAP fault with HTTP 500 and a faultstring.
//
// Rules a posting must pass: CompanyCode, AccountingDocumentType, DocumentDate and PostingDate
// (YYYY-MM-DD) present; at least one item; every AmountInTransactionCurrency a decimal with a
// currencyCode, signed as its DebitCreditCode says (S ≥ 0, H ≤ 0); the items balance per
// currency; a CreditorItem's Creditor exists in the company code (with
// sap.invoice.require_known_supplier); and DocumentReferenceID not reused in the company code
// when sap.journal.reference_check says so (warning: posts with a warning item; error: refused).
// A posted entry is a record "JournalEntry" in the effects log, vendor id
// "<CompanyCode>/<AccountingDocument>/<FiscalYear>", natural key DocumentReferenceID.
#pragma once

#include "entity_store.hpp"

#include <erpc/host/server_request.hpp>
#include <erpc/host/server_response.hpp>
#include <erpc/sim/effects_log.hpp>
#include <erpc/sim/simulator_settings.hpp>

namespace erpc::sim::sap {

inline constexpr const char* journal_entry_soap_path =
    "/sap/bc/srt/scs_ext/sap/journalentrycreaterequestconfi";

// The caller holds the state lock.
server_response post_journal_entries(const server_request& req, entity_store& store,
                                   effects_log& effects, const simulator_settings& settings);

}  // namespace erpc::sim::sap
