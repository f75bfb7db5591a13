// SPDX-License-Identifier: Apache-2.0
#include "journal_entry_soap.hpp"

#include "odata_values.hpp"
#include "sap_settings.hpp"

#include <erpc/decimal.hpp>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <cstdio>
#include <map>
#include <memory>

namespace erpc::sim::sap {

namespace {

constexpr const char* sfin_ns = "http://sap.com/xi/SAPSCORE/SFIN";
constexpr const char* soap_ns = "http://schemas.xmlsoap.org/soap/envelope/";
constexpr const char* journal_table = "JournalEntry";

struct xml_doc_deleter {
  void operator()(xmlDoc* doc) const noexcept { xmlFreeDoc(doc); }
};

bool named(const xmlNode* node, std::string_view local_name) {
  return node && node->type == XML_ELEMENT_NODE &&
         std::string_view(reinterpret_cast<const char*>(node->name)) == local_name;
}

const xmlNode* child(const xmlNode* parent, std::string_view name) {
  for (const xmlNode* c = parent ? parent->children : nullptr; c; c = c->next) {
    if (named(c, name)) return c;
  }
  return nullptr;
}

std::vector<const xmlNode*> children(const xmlNode* parent, std::string_view name) {
  std::vector<const xmlNode*> out;
  for (const xmlNode* c = parent ? parent->children : nullptr; c; c = c->next) {
    if (named(c, name)) out.push_back(c);
  }
  return out;
}

std::string text(const xmlNode* node) {
  if (!node) return {};
  xmlChar* content = xmlNodeGetContent(node);
  std::string value = content ? reinterpret_cast<const char*>(content) : "";
  xmlFree(content);
  const auto first = value.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return value.substr(first, value.find_last_not_of(" \t\r\n") - first + 1);
}

std::string child_text(const xmlNode* parent, std::string_view name) {
  return text(child(parent, name));
}

std::string attribute(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  std::string out = value ? reinterpret_cast<const char*>(value) : "";
  xmlFree(value);
  return out;
}

std::string xml_escape(std::string_view in) {
  std::string out;
  for (const char c : in) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string element(std::string_view name, std::string_view value) {
  return "<" + std::string(name) + ">" + xml_escape(value) + "</" + std::string(name) + ">";
}

server_response soap_fault(std::string_view faultstring) {
  server_response res;
  res.status = 500;
  res.headers.set("Content-Type", "text/xml; charset=utf-8");
  res.body = std::string("<soap-env:Envelope xmlns:soap-env=\"") + soap_ns +
             "\"><soap-env:Header/><soap-env:Body><soap-env:Fault>"
             "<faultcode>soap-env:Client</faultcode><faultstring xml:lang=\"en\">" +
             xml_escape(faultstring) +
             "</faultstring><detail/></soap-env:Fault></soap-env:Body></soap-env:Envelope>";
  return res;
}

struct log_item {
  std::string type_id;  // "<number>(<message class>)"
  int severity = 1;     // 1 info, 2 warning, 3 error
  std::string note;
};

struct confirmation {
  std::string request_id;  // the sub-request's MessageHeader/ID
  std::string accounting_document = "0000000000";
  std::string company_code;
  std::string fiscal_year = "0000";
  std::vector<log_item> log;
};

int max_severity(const std::vector<log_item>& log) {
  int max = 0;
  for (const auto& item : log) max = std::max(max, item.severity);
  return max;
}

std::string log_xml(const std::vector<log_item>& log) {
  std::string out = "<Log>";
  if (!log.empty()) out += element("MaximumLogItemSeverityCode", std::to_string(max_severity(log)));
  for (const auto& item : log) {
    out += "<Item>" + element("TypeID", item.type_id) +
           element("SeverityCode", std::to_string(item.severity)) + element("Note", item.note) +
           "</Item>";
  }
  return out + "</Log>";
}

// YYYY-MM-DD → epoch ms at midnight UTC.
std::optional<std::int64_t> xsd_date(const std::string& value) {
  if (value.size() != 10) return std::nullopt;
  return parse_date_millis(value + "T00:00:00", false);
}

bool supplier_in_company(const entity_store& store, const std::string& supplier,
                         const std::string& company) {
  edm_entity_type type;
  type.keys = {"Supplier", "CompanyCode"};
  return store.rows("A_SupplierCompany")
             .count(key_predicate(type, {{"Supplier", supplier}, {"CompanyCode", company}})) > 0;
}

confirmation post_one(const xmlNode* request, entity_store& store, effects_log& effects,
                      const simulator_settings& settings) {
  confirmation c;
  c.request_id = child_text(child(request, "MessageHeader"), "ID");
  const xmlNode* entry = child(request, "JournalEntry");
  const auto error = [&](std::string type_id, std::string note) {
    c.log.push_back({std::move(type_id), 3, std::move(note)});
  };
  if (!entry) {
    error("001(ZERPC_SIM)", "JournalEntry is missing");
    return c;
  }
  c.company_code = child_text(entry, "CompanyCode");
  const auto reference = child_text(entry, "DocumentReferenceID");
  for (const char* field : {"CompanyCode", "AccountingDocumentType", "DocumentDate",
                            "PostingDate"}) {
    if (child_text(entry, field).empty()) {
      error("008(ZERPC_SIM)", std::string("Enter a value in field ") + field);
    }
  }
  const auto posting = xsd_date(child_text(entry, "PostingDate"));
  if (!child_text(entry, "PostingDate").empty() && !posting) {
    error("002(ZERPC_SIM)", "PostingDate is not a date (YYYY-MM-DD)");
  }
  if (!child_text(entry, "DocumentDate").empty() && !xsd_date(child_text(entry, "DocumentDate"))) {
    error("002(ZERPC_SIM)", "DocumentDate is not a date (YYYY-MM-DD)");
  }

  nlohmann::json items = nlohmann::json::array();
  std::map<std::string, decimal> balance;  // per currency
  for (const char* kind : {"Item", "CreditorItem", "DebtorItem"}) {
    for (const xmlNode* item : children(entry, kind)) {
      const xmlNode* amount_node = child(item, "AmountInTransactionCurrency");
      const auto amount = decimal::parse(text(amount_node));
      const auto currency = amount_node ? attribute(amount_node, "currencyCode") : "";
      const auto side = child_text(item, "DebitCreditCode");
      if (!amount || currency.empty()) {
        error("002(ZERPC_SIM)", std::string(kind) +
                                    ": AmountInTransactionCurrency needs a decimal amount and a "
                                    "currencyCode");
        continue;
      }
      if ((side == "S" && amount->is_negative()) || (side == "H" && amount->signum() > 0)) {
        error("002(ZERPC_SIM)", std::string(kind) + ": the amount's sign does not match "
                                                    "DebitCreditCode " + side);
      }
      const auto it = balance.find(currency);
      balance[currency] = it == balance.end() ? *amount : it->second + *amount;
      nlohmann::json kept = {{"kind", kind},
                             {"Amount", amount->to_string()},
                             {"Currency", currency},
                             {"DebitCreditCode", side}};
      if (std::string_view(kind) == "Item") kept["GLAccount"] = child_text(item, "GLAccount");
      if (std::string_view(kind) == "CreditorItem") {
        const auto creditor = child_text(item, "Creditor");
        kept["Creditor"] = creditor;
        if (settings.boolean(setting::require_known_supplier) &&
            !supplier_in_company(store, creditor, c.company_code)) {
          error("009(ZERPC_SIM)", "Supplier " + creditor + " is not defined in company code " +
                                      c.company_code);
        }
      }
      items.push_back(std::move(kept));
    }
  }
  if (items.empty()) error("008(ZERPC_SIM)", "The journal entry has no items");
  for (const auto& [currency, sum] : balance) {
    if (!sum.is_zero()) {
      error("702(F5)", "Balance in transaction currency " + currency + ": " + sum.to_string());
    }
  }

  const auto check = settings.text(setting::journal_reference_check);
  if (check != "off" && !reference.empty()) {
    for (const auto& [key, earlier] : store.rows(journal_table)) {
      if (earlier.value("DocumentReferenceID", "") == reference &&
          earlier.value("CompanyCode", "") == c.company_code) {
        c.log.push_back({"117(F5)", check == "error" ? 3 : 2,
                         "Check whether document has already been entered under number " +
                             earlier.value("AccountingDocument", "") + " " +
                             earlier.value("FiscalYear", "")});
        break;
      }
    }
  }
  if (max_severity(c.log) >= 3) return c;

  c.fiscal_year = std::to_string(year_of_millis(posting.value_or(0)));
  char number[16];
  std::snprintf(number, sizeof number, "%010llu",
                static_cast<unsigned long long>(
                    store.next_number(std::string(journal_table) + "/" + c.company_code + "/" +
                                          c.fiscal_year,
                                      100000000)));
  c.accounting_document = number;
  const auto vendor_id = c.company_code + "/" + c.accounting_document + "/" + c.fiscal_year;
  store.put(journal_table, vendor_id,
            {{"CompanyCode", c.company_code},
             {"AccountingDocument", c.accounting_document},
             {"FiscalYear", c.fiscal_year},
             {"DocumentReferenceID", reference},
             {"AccountingDocumentType", child_text(entry, "AccountingDocumentType")},
             {"PostingDate", odata_date(posting.value_or(0))},
             {"Items", std::move(items)}});
  effects.record_write(journal_table, vendor_id, reference);
  c.log.push_back({"609(RW)", 1,
                   "Document posted successfully: BKPFF " + c.accounting_document + " " +
                       c.company_code + " " + c.fiscal_year});
  return c;
}

}  // namespace

server_response post_journal_entries(const server_request& req, entity_store& store,
                                   effects_log& effects, const simulator_settings& settings) {
  std::unique_ptr<xmlDoc, xml_doc_deleter> doc(
      xmlReadMemory(req.body.data(), static_cast<int>(req.body.size()), "request.xml", nullptr,
                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (!doc) return soap_fault("The request is not well-formed XML");
  const xmlNode* envelope = xmlDocGetRootElement(doc.get());
  if (!named(envelope, "Envelope")) return soap_fault("The request is not a SOAP envelope");
  const xmlNode* body = child(envelope, "Body");
  const xmlNode* bulk = child(body, "JournalEntryBulkCreateRequest");
  if (!bulk || !bulk->ns ||
      std::string_view(reinterpret_cast<const char*>(bulk->ns->href)) != sfin_ns) {
    return soap_fault(
        "Operation not found: expected JournalEntryBulkCreateRequest in namespace " +
        std::string(sfin_ns));
  }
  const auto requests = children(bulk, "JournalEntryCreateRequest");
  if (requests.empty()) {
    return soap_fault("JournalEntryBulkCreateRequest has no JournalEntryCreateRequest");
  }

  std::string confirmations;
  for (const xmlNode* request : requests) {
    const auto c = post_one(request, store, effects, settings);
    confirmations += "<JournalEntryCreateConfirmation><MessageHeader>" +
                     element("ReferenceID", c.request_id) +
                     "</MessageHeader><JournalEntryCreateConfirmation>" +
                     element("AccountingDocument", c.accounting_document) +
                     element("CompanyCode", c.company_code) +
                     element("FiscalYear", c.fiscal_year) +
                     "</JournalEntryCreateConfirmation>" + log_xml(c.log) +
                     "</JournalEntryCreateConfirmation>";
  }
  server_response res;
  res.status = 200;
  res.headers.set("Content-Type", "text/xml; charset=utf-8");
  res.body = std::string("<soap-env:Envelope xmlns:soap-env=\"") + soap_ns +
             "\"><soap-env:Header/><soap-env:Body><n0:JournalEntryBulkCreateConfirmation "
             "xmlns:n0=\"" + sfin_ns + "\"><MessageHeader>" +
             element("ReferenceID", child_text(child(bulk, "MessageHeader"), "ID")) +
             "</MessageHeader>" + confirmations + log_xml({}) +
             "</n0:JournalEntryBulkCreateConfirmation></soap-env:Body></soap-env:Envelope>";
  return res;
}

}  // namespace erpc::sim::sap
