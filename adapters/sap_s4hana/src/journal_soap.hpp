// SPDX-License-Identifier: Apache-2.0
// JournalEntry ↔ the journal entry SOAP service (vendors.md §2.1: JournalEntryBulkCreateRequest,
// namespace http://sap.com/xi/SAPSCORE/SFIN). A failed posting answers HTTP 200 with
// AccountingDocument 0000000000 and Log/Item entries (SeverityCode 3/4 error); a SOAP fault
// comes as HTTP 500 with faultstring. The adapter reads these answers with a small tolerant
// reader (elements by local name): the module links no XML library (ARCHITECTURE §3).
//   legal_entity → CompanyCode (value map)   posting_date → PostingDate
//   AccountingDocumentType from the connection (journal.document_type, default SA)
//   document_date → DocumentDate (default posting_date)   description → DocumentHeaderText (≤ 25)
//   reference → Reference1InDocumentHeader (≤ 20)   the key marker → DocumentReferenceID (≤ 16)
//   lines[i] → Item: account → GLAccount (value map), amount → AmountInTransactionCurrency
//       (debit positive "S", credit negative "H"), functional_amount →
//       AmountInCompanyCodeCurrency (when the currencies differ), description → DocumentItemText
#pragma once

#include "sap_config.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace erpc::sap {

inline constexpr const char* journal_soap_path =
    "/sap/bc/srt/scs_ext/sap/journalentrycreaterequestconfi";
inline constexpr const char* journal_soap_action =
    "http://sap.com/xi/SAPSCORE/SFIN/JournalEntryCreateRequestConfirmation_In/"
    "JournalEntryCreateRequestConfirmation_InRequest";

// The SOAP envelope for one journal entry; VALIDATION / UNSUPPORTED for what cannot be carried.
// `now_utc` is the CreationDateTime (RFC 3339).
std::string journal_request(const nlohmann::json& payload, const value_maps& maps,
                            const std::string& document_type, const std::string& marker,
                            const std::string& now_utc);

struct journal_log_item {
  std::string type_id;  // "<number>(<message class>)", e.g. 117(F5)
  int severity = 0;     // 1 info, 2 warning, 3/4 error
  std::string note;
};

struct journal_confirmation {
  std::string accounting_document;  // 0000000000 when the posting failed
  std::string company_code;
  std::string fiscal_year;
  int max_severity = 0;
  std::vector<journal_log_item> log;

  bool posted() const;
  std::string vendor_id() const;  // CompanyCode/AccountingDocument/FiscalYear
};

// nullopt when the body is not a JournalEntryBulkCreateConfirmation.
std::optional<journal_confirmation> parse_journal_confirmation(std::string_view body);
// The faultstring of a SOAP fault; nullopt when the body is none.
std::optional<std::string> parse_soap_fault(std::string_view body);

// The earlier document a reference-check log item names ("… under number 0100000000 2026"),
// as CompanyCode/AccountingDocument/FiscalYear; nullopt when it names none.
std::optional<std::string> earlier_journal(const journal_log_item& item,
                                           const std::string& company_code);

}  // namespace erpc::sap
