// SPDX-License-Identifier: Apache-2.0
// JournalEntry ↔ LedgerJournalHeaders + LedgerJournalLines (vendors.md §5.1 journal line fields
// from public code: JournalBatchNumber, LineNumber, AccountDisplayValue, AccountType,
// DebitAmount, CreditAmount, CurrencyCode, Description, Document; the transaction-date name
// TransDate vs TransactionDate is unconfirmed — the simulator serves TransDate).
//   header: JournalName (connection journal_name), Description = the key's reference
//   lines[i] → LineNumber i+1, AccountType "Ledger", account → AccountDisplayValue (value map),
//              side + amount → DebitAmount | CreditAmount, amount.currency → CurrencyCode,
//              posting_date → TransDate, description (line's, else the journal's) → Description
//              (≤ 60), reference → Document (≤ 20; the key's reference when there is none)
// Lines in the functional currency only (functional_amount = amount): F&O computes the
// accounting-currency amount of a foreign-currency line itself, so this version refuses one
// (UNSUPPORTED) instead of sending an amount F&O would not keep. A journal must balance.
#include "fo_mapping.hpp"
#include "mapping_support.hpp"

#include <erpc/adapters/exact_json.hpp>

#include <erpc/adapters/key_digest.hpp>

namespace erpc::fo {

using namespace mapping;

std::string journal_reference(std::string_view key) {
  return "ERPC" + adapters::sha256_base32(key, 16);
}

ledger_journal journal_to_vendor(const nlohmann::json& p, const connection_config& config,
                                 const std::string& reference) {
  fields.refuse_unknown(p,
                 {"id", "external_refs", "source", "legal_entity", "reference", "posting_date",
                  "functional_currency", "description", "lines", "created_at", "updated_at", "etag"},
                 "", "F&O ledger journals through this adapter do not carry this field");
  check_legal_entity(p, config);
  const auto currency = fields.required_text(p, "functional_currency", "/functional_currency");
  const auto date = fields.date_text(p, "posting_date", "/posting_date", true);
  const auto description = fields.text(p, "description", "/description").value_or("");
  // The journal's own reference goes to the lines' Document; without one, the key's reference.
  auto document = fields.text(p, "reference", "/reference").value_or("");
  document = document.empty() ? reference : fields.fits(document, 20, "/reference", "Document");
  const auto lines = p.find("lines");
  if (lines == p.end() || !lines->is_array() || lines->size() < 2) {
    fields.invalid("/lines", "fo.required", "at least two lines");
  }
  ledger_journal out;
  out.header = {{"dataAreaId", config.company}, {"JournalName", config.journal_name}, {"Description", reference}};
  out.lines = nlohmann::json::array();
  decimal balance;
  for (std::size_t i = 0; i < lines->size(); ++i) {
    const auto& l = (*lines)[i];
    const std::string at = "/lines/" + std::to_string(i);
    fields.refuse_unknown(l, {"line_number", "account", "side", "amount", "functional_amount", "description"},
                   at, "F&O ledger journal lines through this adapter do not carry this field");
    const auto amount = fields.money_amount(l.value("amount", nlohmann::json()), at + "/amount", "");
    if (l["amount"]["currency"] != currency) {
      fields.unsupported(at + "/amount/currency", "lines in the functional currency only (F&O computes foreign-currency amounts)");
    }
    const auto functional = fields.money_amount(l.value("functional_amount", nlohmann::json()), at + "/functional_amount", currency);
    if (functional != amount) fields.invalid(at + "/functional_amount", "fo.functional_amount", "must equal amount");
    if (amount.is_negative() || amount.is_zero()) fields.invalid(at + "/amount", "fo.amount", "must be positive");
    const auto side = fields.required_text(l, "side", at + "/side");
    if (side != "debit" && side != "credit") fields.invalid(at + "/side", "fo.side", "debit or credit");
    balance += side == "debit" ? amount : -amount;
    nlohmann::json line = {
        {"dataAreaId", config.company},
        {"LineNumber", static_cast<std::int64_t>(i + 1)},
        {"AccountType", "Ledger"},
        {"AccountDisplayValue",
         fields.fits(mapped(config.maps.accounts, fields.required_text(l, "account", at + "/account"), at + "/account"), 100,
              at + "/account", "Account")},
        {side == "debit" ? "DebitAmount" : "CreditAmount", adapters::make_decimal(amount)},
        {"CurrencyCode", fields.fits(mapped(config.maps.currencies, currency, at + "/amount/currency"), 3,
                              at + "/amount/currency", "Currency")},
        {"TransDate", date},
        {"Document", document}};
    const auto d = fields.text(l, "description", at + "/description").value_or(description);
    if (!d.empty()) line["Description"] = fields.fits(d, 60, at + "/description", "Description");
    out.lines.push_back(std::move(line));
  }
  if (!balance.is_zero()) {
    fields.invalid("/lines", "fo.unbalanced", "debits and credits differ by " + balance.abs().to_string() + " " + currency);
  }
  return out;
}

nlohmann::json journal_from_vendor(const nlohmann::json& h, const nlohmann::json& lines,
                                   const connection_config& config) {
  const auto batch = string_member(h, "JournalBatchNumber");
  if (batch.empty()) {
    throw error(error_class::internal, "fo.malformed_response", "an F&O journal header without JournalBatchNumber")
        .with_effect(effect::none);
  }
  std::string currency, date;
  nlohmann::json out_lines = nlohmann::json::array();
  for (const auto& l : lines) {
    currency = code_for(config.maps.currencies, string_member(l, "CurrencyCode"), "currency");
    date = string_member(l, "TransDate");
    const auto debit = decimal_member(l, "DebitAmount");
    const bool is_debit = !debit.is_zero();
    const auto amount = money_json(is_debit ? debit : decimal_member(l, "CreditAmount"), currency);
    nlohmann::json line = {{"line_number", decimal_member(l, "LineNumber").to_minor_units(0).value_or(0)},
                           {"account", code_for(config.maps.accounts, string_member(l, "AccountDisplayValue"), "ledger account")},
                           {"side", is_debit ? "debit" : "credit"},
                           {"amount", amount},
                           {"functional_amount", amount}};
    if (const auto d = string_member(l, "Description"); !d.empty()) line["description"] = d;
    out_lines.push_back(std::move(line));
  }
  nlohmann::json doc = {{"id", batch},
                        {"external_refs", {{ref_key, batch}}},
                        {"source", {{"system", "dynamics_fo"}, {"id", "LedgerJournalHeaders/" + string_member(h, "dataAreaId") + "/" + batch}}},
                        {"document_number", batch},
                        {"posting_date", date},
                        {"functional_currency", currency},
                        {"legal_entity", config.legal_entity.empty() ? config.company : config.legal_entity},
                        {"lines", out_lines}};
  if (!lines.empty()) {
    if (const auto document = string_member(lines.front(), "Document"); !document.empty() && document != string_member(h, "Description")) {
      doc["reference"] = document;
    }
  }
  return doc;
}

nlohmann::json journal_line_compared(const nlohmann::json& l) {
  return {{"LineNumber", decimal_member(l, "LineNumber").normalized().to_string()},
          {"AccountDisplayValue", string_member(l, "AccountDisplayValue")},
          {"DebitAmount", decimal_member(l, "DebitAmount").normalized().to_string()},
          {"CreditAmount", decimal_member(l, "CreditAmount").normalized().to_string()},
          {"CurrencyCode", string_member(l, "CurrencyCode")},
          {"TransDate", string_member(l, "TransDate")},
          {"Description", string_member(l, "Description")},
          {"Document", string_member(l, "Document")}};
}

}  // namespace erpc::fo
