// SPDX-License-Identifier: Apache-2.0
// Journal entries over SOAP (vendors.md §2.1): postings, failures inside HTTP 200, SOAP faults.
#include "sap_test_client.hpp"

#include <catch2/catch.hpp>

using namespace erpc::sim::sap::testing;
using erpc::testing::raw_http;

namespace {

const std::string soap_path = "/sap/bc/srt/scs_ext/sap/journalentrycreaterequestconfi";

struct line {
  std::string kind;  // Item | CreditorItem
  std::string amount;
  std::string side;  // S | H
  std::string account;  // GLAccount or Creditor
  std::string currency = "EUR";
};

std::string entry_xml(const std::string& reference, const std::vector<line>& lines,
                      const std::string& company = "1010") {
  std::string items;
  for (const auto& l : lines) {
    items += "<" + l.kind + ">" +
             (l.kind == "Item" ? "<GLAccount>" + l.account + "</GLAccount>"
                               : "<Creditor>" + l.account + "</Creditor>") +
             "<AmountInTransactionCurrency currencyCode=\"" + l.currency + "\">" + l.amount +
             "</AmountInTransactionCurrency><DebitCreditCode>" + l.side +
             "</DebitCreditCode></" + l.kind + ">";
  }
  return "<JournalEntryCreateRequest><MessageHeader><ID>SUB-" + reference +
         "</ID><CreationDateTime>2026-03-01T12:00:00Z</CreationDateTime></MessageHeader>"
         "<JournalEntry><OriginalReferenceDocumentType>BKPFF</OriginalReferenceDocumentType>"
         "<BusinessTransactionType>RFBU</BusinessTransactionType>"
         "<AccountingDocumentType>SA</AccountingDocumentType>"
         "<DocumentReferenceID>" + reference + "</DocumentReferenceID>"
         "<CompanyCode>" + company + "</CompanyCode>"
         "<DocumentDate>2026-03-01</DocumentDate><PostingDate>2026-03-02</PostingDate>" +
         items + "</JournalEntry></JournalEntryCreateRequest>";
}

std::string envelope(const std::string& entries) {
  return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
         "xmlns:sfin=\"http://sap.com/xi/SAPSCORE/SFIN\"><soapenv:Header/><soapenv:Body>"
         "<sfin:JournalEntryBulkCreateRequest><MessageHeader><ID>MSG-1</ID>"
         "<CreationDateTime>2026-03-01T12:00:00Z</CreationDateTime></MessageHeader>" +
         entries + "</sfin:JournalEntryBulkCreateRequest></soapenv:Body></soapenv:Envelope>";
}

const std::vector<line> balanced = {{"Item", "100.00", "S", "61008000"},
                                    {"Item", "-100.00", "H", "21100000"}};

raw_http_response post_soap(sap_fixture& f, const std::string& body) {
  return raw_http(
      f.sim->port(), "POST", soap_path,
      {{"Authorization", f.client->authorization},
       {"Content-Type", "text/xml; charset=utf-8"},
       {"SOAPAction",
        "http://sap.com/xi/SAPSCORE/SFIN/JournalEntryCreateRequestConfirmation_In/"
        "JournalEntryCreateRequestConfirmation_InRequest"}},
      body);
}

std::string between(const std::string& text, const std::string& tag, std::size_t from = 0) {
  const auto open = text.find("<" + tag + ">", from);
  if (open == std::string::npos) return {};
  const auto start = open + tag.size() + 2;
  return text.substr(start, text.find("</" + tag + ">", start) - start);
}

}  // namespace

TEST_CASE("a balanced journal entry posts and answers its accounting document",
          "[sap][journal]") {
  sap_fixture f;
  const auto r = post_soap(f, envelope(entry_xml("JE-1", balanced)));
  REQUIRE(r.status == 200);
  CHECK(r.header("Content-Type").rfind("text/xml", 0) == 0);
  CHECK(r.body.find("JournalEntryBulkCreateConfirmation") != std::string::npos);
  CHECK(between(r.body, "AccountingDocument") == "0100000000");
  CHECK(between(r.body, "FiscalYear") == "2026");
  CHECK(between(r.body, "CompanyCode") == "1010");
  CHECK(between(r.body, "MaximumLogItemSeverityCode") == "1");
  CHECK(between(r.body, "ReferenceID") == "MSG-1");
  const auto effects = f.effects("?record_type=JournalEntry");
  REQUIRE(effects["count"] == 1);
  CHECK(effects["effects"][0]["natural_key"] == "JE-1");
  CHECK(effects["effects"][0]["vendor_id"] == "1010/0100000000/2026");
  // No CSRF token is needed for the SOAP service (the client above sent none).
}

TEST_CASE("a failed posting answers HTTP 200 with document 0000000000 and error log items",
          "[sap][journal]") {
  sap_fixture f;
  const auto unbalanced = post_soap(
      f, envelope(entry_xml("JE-2", {{"Item", "100.00", "S", "61008000"},
                                     {"Item", "-90.00", "H", "21100000"}})));
  REQUIRE(unbalanced.status == 200);
  CHECK(between(unbalanced.body, "AccountingDocument") == "0000000000");
  CHECK(between(unbalanced.body, "MaximumLogItemSeverityCode") == "3");
  CHECK(between(unbalanced.body, "SeverityCode") == "3");
  CHECK(between(unbalanced.body, "Note").find("Balance in transaction currency") !=
        std::string::npos);

  const auto wrong_sign = post_soap(
      f, envelope(entry_xml("JE-3", {{"Item", "-100.00", "S", "61008000"},
                                     {"Item", "100.00", "H", "21100000"}})));
  CHECK(between(wrong_sign.body, "AccountingDocument") == "0000000000");
  const auto no_items = post_soap(f, envelope(entry_xml("JE-4", {})));
  CHECK(between(no_items.body, "AccountingDocument") == "0000000000");
  const auto bad_amount = post_soap(
      f, envelope(entry_xml("JE-5", {{"Item", "1e2", "S", "61008000"},
                                     {"Item", "-100", "H", "21100000"}})));
  CHECK(between(bad_amount.body, "AccountingDocument") == "0000000000");
  const auto unknown_creditor = post_soap(
      f, envelope(entry_xml("JE-6", {{"Item", "100.00", "S", "61008000"},
                                     {"CreditorItem", "-100.00", "H", "9999999"}})));
  CHECK(between(unknown_creditor.body, "AccountingDocument") == "0000000000");
  CHECK(unknown_creditor.body.find("9999999 is not defined") != std::string::npos);
  CHECK(f.effects()["count"] == 0);

  // One bulk request, one good and one bad entry: each confirmation stands on its own.
  const auto mixed = post_soap(
      f, envelope(entry_xml("JE-7", balanced) +
                  entry_xml("JE-8", {{"Item", "1.00", "S", "61008000"}})));
  REQUIRE(mixed.status == 200);
  const auto second = mixed.body.find("<JournalEntryCreateConfirmation>",
                                      mixed.body.find("</JournalEntryCreateConfirmation>"));
  CHECK(between(mixed.body, "AccountingDocument") == "0100000000");
  CHECK(between(mixed.body, "AccountingDocument", second + 10) == "0000000000");
  CHECK(f.effects()["count"] == 1);
}

TEST_CASE("a creditor item posts against a known supplier", "[sap][journal]") {
  sap_fixture f;
  const auto supplier = create_supplier(*f.client, "SUP-1", false, "1010");
  const auto r = post_soap(
      f, envelope(entry_xml("JE-9", {{"Item", "250.00", "S", "61008000"},
                                     {"CreditorItem", "-250.00", "H", supplier}})));
  CHECK(between(r.body, "AccountingDocument") == "0100000000");
}

TEST_CASE("a request the service cannot read is a SOAP fault with HTTP 500", "[sap][journal]") {
  sap_fixture f;
  const auto not_xml = post_soap(f, "this is not xml");
  CHECK(not_xml.status == 500);
  CHECK(not_xml.body.find("<faultstring") != std::string::npos);
  const auto other_operation = post_soap(
      f, "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">"
         "<soapenv:Body><x:Other xmlns:x=\"urn:other\"/></soapenv:Body></soapenv:Envelope>");
  CHECK(other_operation.status == 500);
  CHECK(other_operation.body.find("Operation not found") != std::string::npos);
  const auto not_soap = post_soap(f, "<JournalEntryBulkCreateRequest/>");
  CHECK(not_soap.status == 500);
  CHECK(raw_http(f.sim->port(), "GET", soap_path, {{"Authorization", f.client->authorization}})
            .status == 405);
}

TEST_CASE("a reused DocumentReferenceID: accepted, warned or refused by setting",
          "[sap][journal][settings]") {
  sap_fixture f;
  REQUIRE(between(post_soap(f, envelope(entry_xml("JE-R", balanced))).body,
                  "AccountingDocument") == "0100000000");
  // off (default): posts again.
  CHECK(between(post_soap(f, envelope(entry_xml("JE-R", balanced))).body,
                "AccountingDocument") == "0100000001");
  f.set({{"sap.journal.reference_check", "warning"}});
  const auto warned = post_soap(f, envelope(entry_xml("JE-R", balanced)));
  CHECK(between(warned.body, "AccountingDocument") == "0100000002");
  CHECK(between(warned.body, "MaximumLogItemSeverityCode") == "2");
  CHECK(warned.body.find("already been entered") != std::string::npos);
  f.set({{"sap.journal.reference_check", "error"}});
  const auto refused = post_soap(f, envelope(entry_xml("JE-R", balanced)));
  CHECK(refused.status == 200);
  CHECK(between(refused.body, "AccountingDocument") == "0000000000");
  CHECK(between(refused.body, "MaximumLogItemSeverityCode") == "3");
  // Another company code is another document series.
  CHECK(between(post_soap(f, envelope(entry_xml("JE-R", balanced, "1710"))).body,
                "AccountingDocument") == "0100000000");
  CHECK(f.effects("?natural_key=JE-R")["count"] == 4);
}
