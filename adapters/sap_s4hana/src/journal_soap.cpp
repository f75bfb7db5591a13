// SPDX-License-Identifier: Apache-2.0
#include "journal_soap.hpp"

#include "mapping_support.hpp"
#include "sap_mapping.hpp"

#include <erpc/currency.hpp>

namespace erpc::sap {

using namespace mapping;

namespace {

std::string escape(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string unescape(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '&') {
      out += text[i];
      continue;
    }
    static const std::pair<std::string_view, char> entities[] = {
        {"&lt;", '<'}, {"&gt;", '>'}, {"&amp;", '&'}, {"&quot;", '"'}, {"&apos;", '\''}};
    bool done = false;
    for (const auto& [entity, ch] : entities) {
      if (text.substr(i, entity.size()) == entity) {
        out += ch;
        i += entity.size() - 1;
        done = true;
        break;
      }
    }
    if (!done) out += '&';
  }
  return out;
}

std::string element(std::string_view name, std::string_view value) {
  return "<" + std::string(name) + ">" + escape(value) + "</" + std::string(name) + ">";
}

// The contents of every element with this local name (any namespace prefix), in order.
// Elements of the same name must not nest (true for the ones read here).
std::vector<std::string_view> elements(std::string_view xml, std::string_view local) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while ((pos = xml.find('<', pos)) != std::string_view::npos) {
    auto name_end = xml.find_first_of(" />\t\r\n", pos + 1);
    if (name_end == std::string_view::npos) break;
    auto name = xml.substr(pos + 1, name_end - pos - 1);
    if (const auto colon = name.find(':'); colon != std::string_view::npos) {
      name = name.substr(colon + 1);
    }
    const auto tag_end = xml.find('>', pos);
    if (tag_end == std::string_view::npos) break;
    if (name != local || xml[pos + 1] == '/' || xml[tag_end - 1] == '/') {
      if (name == local && xml[tag_end - 1] == '/') out.emplace_back();  // <X/>
      pos = tag_end + 1;
      continue;
    }
    // The matching close tag: "</" + (prefix:)? + local + ">".
    std::size_t search = tag_end + 1;
    std::size_t close = std::string_view::npos;
    while ((close = xml.find("</", search)) != std::string_view::npos) {
      const auto close_end = xml.find('>', close);
      if (close_end == std::string_view::npos) return out;
      auto close_name = xml.substr(close + 2, close_end - close - 2);
      if (const auto colon = close_name.find(':'); colon != std::string_view::npos) {
        close_name = close_name.substr(colon + 1);
      }
      if (close_name == local) break;
      search = close_end + 1;
    }
    if (close == std::string_view::npos) return out;
    out.push_back(xml.substr(tag_end + 1, close - tag_end - 1));
    pos = close + 1;
  }
  return out;
}

std::string first(std::string_view xml, std::string_view local) {
  const auto all = elements(xml, local);
  return all.empty() ? std::string() : unescape(all.front());
}

int to_int(const std::string& text) {
  int value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return 0;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

std::string journal_request(const nlohmann::json& p, const value_maps& maps,
                            const std::string& document_type, const std::string& marker,
                            const std::string& now_utc) {
  fields.refuse_unknown(p,
                 {"id", "external_refs", "source", "legal_entity", "reference", "posting_date",
                  "document_date", "functional_currency", "description", "lines", "created_at",
                  "updated_at", "etag"},
                 "", "SAP journal entries through this adapter do not carry this field");
  const auto company =
      mapped(maps.company_codes, fields.required_text(p, "legal_entity", "/legal_entity"),
             "/legal_entity");
  const auto posting = fields.required_text(p, "posting_date", "/posting_date");
  const auto document = fields.text(p, "document_date", "/document_date").value_or(posting);
  for (const auto& [value, at] : {std::pair{posting, "/posting_date"},
                                  std::pair{document, "/document_date"}}) {
    if (value.size() != 10 || value[4] != '-' || value[7] != '-') {
      fields.invalid(at, "sap.date", "must be a date YYYY-MM-DD");
    }
  }
  const auto functional = fields.required_text(p, "functional_currency", "/functional_currency");
  std::string header = element("OriginalReferenceDocumentType", "BKPFF") +
                       element("BusinessTransactionType", "RFBU") +
                       element("AccountingDocumentType", document_type) +
                       element("DocumentReferenceID", marker);
  if (auto d = fields.text(p, "description", "/description")) {
    header += element("DocumentHeaderText", fields.fits(*d, 25, "/description", "DocumentHeaderText"));
  }
  header += element("CompanyCode", company) + element("DocumentDate", document) +
            element("PostingDate", posting);
  if (auto r = fields.text(p, "reference", "/reference")) {
    header += element("Reference1InDocumentHeader",
                      fields.fits(*r, 20, "/reference", "Reference1InDocumentHeader"));
  }
  const auto lines = p.find("lines");
  if (lines == p.end() || !lines->is_array() || lines->size() < 2) {
    fields.invalid("/lines", "sap.required", "at least two lines");
  }
  std::string items;
  for (std::size_t i = 0; i < lines->size(); ++i) {
    const auto& line = (*lines)[i];
    const std::string at = "/lines/" + std::to_string(i);
    fields.refuse_unknown(line, {"line_number", "account", "side", "amount", "functional_amount",
                          "exchange_rate", "description"},
                   at, "SAP journal items through this adapter do not carry this field");
    const auto side = fields.required_text(line, "side", at + "/side");
    if (side != "debit" && side != "credit") fields.invalid(at + "/side", "sap.side", "debit or credit");
    const auto amount_json = line.value("amount", nlohmann::json());
    const auto currency = fields.required_text(amount_json, "currency", at + "/amount/currency");
    const auto amount = fields.money_amount(amount_json, at + "/amount", currency);
    const auto functional_amount =
        fields.money_amount(line.value("functional_amount", nlohmann::json()), at + "/functional_amount",
                     functional);
    if (currency == functional && functional_amount != amount) {
      fields.invalid(at + "/functional_amount", "sap.functional_amount",
              "must equal amount when the line is in the functional currency");
    }
    const bool credit = side == "credit";
    const auto sap_currency = mapped(maps.currencies, currency, at + "/amount/currency");
    const auto sap_functional = mapped(maps.currencies, functional, "/functional_currency");
    std::string item = element("GLAccount", fields.fits(mapped(maps.accounts,
                                                        fields.required_text(line, "account",
                                                                      at + "/account"),
                                                        at + "/account"),
                                                 10, at + "/account", "GLAccount"));
    item += "<AmountInTransactionCurrency currencyCode=\"" + escape(sap_currency) + "\">" +
            (credit ? "-" : "") + money_text(amount, currency) + "</AmountInTransactionCurrency>";
    if (currency != functional) {
      item += "<AmountInCompanyCodeCurrency currencyCode=\"" + escape(sap_functional) + "\">" +
              (credit ? "-" : "") + money_text(functional_amount, functional) +
              "</AmountInCompanyCodeCurrency>";
    }
    item += element("DebitCreditCode", credit ? "H" : "S");
    if (auto d = fields.text(line, "description", at + "/description")) {
      item += element("DocumentItemText", fields.fits(*d, 50, at + "/description", "DocumentItemText"));
    }
    items += "<Item>" + item + "</Item>";
  }
  const auto message_header = "<MessageHeader>" + element("ID", marker) +
                              element("CreationDateTime", now_utc) + "</MessageHeader>";
  return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
         "xmlns:sfin=\"http://sap.com/xi/SAPSCORE/SFIN\"><soapenv:Header/><soapenv:Body>"
         "<sfin:JournalEntryBulkCreateRequest>" +
         message_header + "<JournalEntryCreateRequest>" + message_header + "<JournalEntry>" +
         header + items +
         "</JournalEntry></JournalEntryCreateRequest></sfin:JournalEntryBulkCreateRequest>"
         "</soapenv:Body></soapenv:Envelope>";
}

bool journal_confirmation::posted() const {
  return max_severity < 3 && !accounting_document.empty() &&
         accounting_document.find_first_not_of('0') != std::string::npos;
}

std::string journal_confirmation::vendor_id() const {
  return company_code + "/" + accounting_document + "/" + fiscal_year;
}

std::optional<journal_confirmation> parse_journal_confirmation(std::string_view body) {
  if (elements(body, "JournalEntryBulkCreateConfirmation").empty()) return std::nullopt;
  journal_confirmation c;
  c.accounting_document = first(body, "AccountingDocument");
  c.company_code = first(body, "CompanyCode");
  c.fiscal_year = first(body, "FiscalYear");
  for (const auto max : elements(body, "MaximumLogItemSeverityCode")) {
    c.max_severity = std::max(c.max_severity, to_int(unescape(max)));
  }
  for (const auto log : elements(body, "Log")) {
    for (const auto item : elements(log, "Item")) {
      journal_log_item entry{first(item, "TypeID"), to_int(first(item, "SeverityCode")),
                             first(item, "Note")};
      c.max_severity = std::max(c.max_severity, entry.severity);
      c.log.push_back(std::move(entry));
    }
  }
  return c;
}

std::optional<std::string> parse_soap_fault(std::string_view body) {
  if (elements(body, "Fault").empty()) return std::nullopt;
  return first(body, "faultstring");
}

std::optional<std::string> earlier_journal(const journal_log_item& item,
                                           const std::string& company_code) {
  // "… under number 0100000000 2026": a 10-digit document and a 4-digit year.
  const auto& note = item.note;
  for (std::size_t i = 0; i + 15 <= note.size(); ++i) {
    bool match = note[i + 10] == ' ';
    for (std::size_t k = 0; k < 15 && match; ++k) {
      if (k == 10) continue;
      match = note[i + k] >= '0' && note[i + k] <= '9';
    }
    const bool bounded = (i == 0 || note[i - 1] == ' ') &&
                         (i + 15 == note.size() || note[i + 15] < '0' || note[i + 15] > '9');
    if (match && bounded) {
      return company_code + "/" + note.substr(i, 10) + "/" + note.substr(i + 11, 4);
    }
  }
  return std::nullopt;
}

}  // namespace erpc::sap
