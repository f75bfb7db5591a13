// SPDX-License-Identifier: Apache-2.0
#include "general_journals.hpp"

#include "bc_settings.hpp"
#include "journal_line_number.hpp"
#include "request_fields.hpp"

#include <erpc/adapters/exact_json.hpp>
#include <erpc/decimal.hpp>

#include <set>

namespace erpc::sim::bc {

namespace {

}  // namespace

const stored_entity& general_journals::create_journal(const nlohmann::json& body) {
  if (!body.is_object()) refuse(400, "BadRequest", "The request body must be a JSON object.");
  for (const auto& [name, value] : body.items()) {
    if (name != "code" && name != "displayName" && name != "balancingAccountId" &&
        name != "balancingAccountNumber") {
      refuse(400, "BadRequest", "The property '" + name + "' does not exist on type 'Microsoft.NAV.journal'.");
    }
  }
  const auto code = text_of(body, "code");
  if (code.empty()) refuse(400, "Application_FieldValidationException", "Name must have a value in Gen. Journal Batch.");
  check_length(body, "code", 10);
  check_length(body, "displayName", 100);
  for (const auto* j : journals_.all()) {
    if (text_of(j->fields, "code") == code) {
      refuse(static_cast<unsigned>(settings_.integer(setting::same_key_status)),
             "Internal_EntityWithSameKeyExists",
             "The record in table Gen. Journal Batch already exists. Identification fields and "
             "values: Journal Template Name='GENERAL',Name='" + code + "'");
    }
  }
  const auto id = new_guid();
  nlohmann::json j = {{"id", id},
                      {"code", code},
                      {"displayName", text_of(body, "displayName")},
                      {"templateDisplayName", "GENERAL"},
                      {"balancingAccountNumber", text_of(body, "balancingAccountNumber")},
                      {"journalLines", nlohmann::json::array()}};
  auto& stored = journals_.insert(id, std::move(j));
  effects_.record_write("genJournalBatch", id, code);
  return stored;
}

nlohmann::json general_journals::add_line(const std::string& journal_id, const nlohmann::json& body) {
  auto* j = journals_.find(journal_id);
  if (!j) refuse(404, "BadRequest_NotFound", "The journal does not exist.");
  if (!body.is_object()) refuse(400, "BadRequest", "The request body must be a JSON object.");
  static const std::set<std::string> writable = {
      "lineNumber", "accountType", "accountId", "accountNumber", "postingDate", "documentNumber",
      "externalDocumentNumber", "amount", "description", "comment", "taxCode",
      "balanceAccountType", "balancingAccountId", "balancingAccountNumber"};
  for (const auto& [name, value] : body.items()) {
    if (writable.count(name) == 0) {
      refuse(400, "BadRequest", "The property '" + name + "' does not exist on type 'Microsoft.NAV.journalLine'.");
    }
  }
  const auto type = body.value("accountType", std::string("G/L Account"));
  static const std::set<std::string> types = {"G/L Account", "Customer", "Vendor", "Bank Account",
                                              "Fixed Asset", "IC Partner", "Employee"};
  if (types.count(type) == 0) {
    refuse(400, "Application_EvaluateException", "Cannot convert '" + type + "' to an option of the field Account Type.");
  }
  check_length(body, "documentNumber", 20);
  check_length(body, "externalDocumentNumber", 35);
  check_length(body, "description", 100);
  if (body.contains("amount") && !adapters::to_decimal(body["amount"])) {
    refuse(400, "BadRequest", "Cannot convert the literal to the expected type 'Edm.Decimal' for amount.");
  }
  auto& lines = j->fields["journalLines"];
  const auto number =
      journal_line_number(body, lines, "GENERAL", text_of(j->fields, "code"),
                          static_cast<unsigned>(settings_.integer(setting::same_key_status)));
  nlohmann::json line = {{"id", new_guid()},
                         {"journalId", journal_id},
                         {"journalDisplayName", text_of(j->fields, "code")},
                         {"lineNumber", number},
                         {"accountType", type},
                         {"accountNumber", text_of(body, "accountNumber")},
                         {"postingDate", body.value("postingDate", std::string())},
                         {"documentNumber", text_of(body, "documentNumber")},
                         {"externalDocumentNumber", text_of(body, "externalDocumentNumber")},
                         {"amount", body.contains("amount") ? body["amount"] : adapters::make_decimal(decimal{})},
                         {"description", text_of(body, "description")},
                         {"comment", text_of(body, "comment")},
                         {"taxCode", text_of(body, "taxCode")},
                         {"balanceAccountType", body.value("balanceAccountType", std::string("G/L Account"))},
                         {"balancingAccountNumber", text_of(body, "balancingAccountNumber")}};
  lines.push_back(line);
  ++j->version;
  effects_.record_write("genJournalLine", line["id"].get<std::string>(),
                        text_of(j->fields, "code") + "/" + std::to_string(number));
  return line;
}

nlohmann::json general_journals::lines(const std::string& journal_id) {
  auto* j = journals_.find(journal_id);
  if (!j) refuse(404, "BadRequest_NotFound", "The journal does not exist.");
  return j->fields["journalLines"];
}

void general_journals::post(const std::string& journal_id) {
  auto* j = journals_.find(journal_id);
  if (!j) refuse(404, "BadRequest_NotFound", "The journal does not exist.");
  auto& lines = j->fields["journalLines"];
  if (lines.empty()) refuse(400, "Application_DialogException", "There is nothing to post.");
  decimal balance;
  for (const auto& l : lines) {
    if (text_of(l, "accountNumber").empty()) {
      refuse(400, "Application_FieldValidationException",
             "Account No. must have a value in Gen. Journal Line: Line No.=" + l["lineNumber"].dump());
    }
    if (text_of(l, "postingDate").empty()) {
      refuse(400, "Application_FieldValidationException",
             "Posting Date must have a value in Gen. Journal Line: Line No.=" + l["lineNumber"].dump());
    }
    if (text_of(l, "balancingAccountNumber").empty()) balance += adapters::to_decimal(l["amount"]).value_or(decimal{});
  }
  if (!balance.is_zero()) {
    refuse(400, "Application_DialogException",
           "The transaction is out of balance by " + balance.to_string() + ".");
  }
  // The posting is identified by the Document No. of its lines (how G/L entries are read
  // back), the first line's when they differ.
  const auto document_number = text_of(lines.front(), "documentNumber");
  for (const auto& l : lines) {
    const auto amount = adapters::to_decimal(l["amount"]).value_or(decimal{});
    auto entry = [&](const std::string& account, const decimal& a) {
      const bool debit = a > decimal{};
      ledger_.push_back({{"id", new_guid()},
                         {"entryNumber", static_cast<std::int64_t>(++entries_)},
                         {"postingDate", l["postingDate"]},
                         {"documentNumber", l["documentNumber"]},
                         {"documentType", " "},
                         {"accountNumber", account},
                         {"description", l["description"]},
                         {"debitAmount", adapters::make_decimal(debit ? a : decimal{})},
                         {"creditAmount", adapters::make_decimal(debit ? decimal{} : decimal{} - a)}});
    };
    entry(text_of(l, "accountNumber"), amount);
    if (!text_of(l, "balancingAccountNumber").empty()) entry(text_of(l, "balancingAccountNumber"), decimal{} - amount);
  }
  lines = nlohmann::json::array();
  ++j->version;
  ++registers_;
  effects_.record_write("glRegister", document_number.empty() ? new_guid() : document_number,
                        text_of(j->fields, "code"));
}

void general_journals::add_entry(const std::string& posting_date, const std::string& document_number,
                                 const std::string& account, const std::string& description,
                                 const decimal& amount) {
  const bool debit = amount > decimal{};
  ledger_.push_back({{"id", new_guid()},
                     {"entryNumber", static_cast<std::int64_t>(++entries_)},
                     {"postingDate", posting_date},
                     {"documentNumber", document_number},
                     {"documentType", "Payment"},
                     {"accountNumber", account},
                     {"description", description},
                     {"debitAmount", adapters::make_decimal(debit ? amount : decimal{})},
                     {"creditAmount", adapters::make_decimal(debit ? decimal{} : decimal{} - amount)}});
}

void general_journals::clear() {
  journals_.clear();
  ledger_.clear();
  entries_ = 0;
  registers_ = 0;
}

}  // namespace erpc::sim::bc
