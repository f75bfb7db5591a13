// SPDX-License-Identifier: Apache-2.0
#include "journal_create.hpp"

#include "bc_mapping.hpp"
#include "mapping_support.hpp"
#include "purchase_document_create.hpp"

#include <erpc/adapters/exact_json.hpp>

#include <algorithm>
#include <array>

namespace erpc::bc {

using namespace mapping;

namespace {

// What a read-back compares: (account, signed amount, posting date) per line, in any order.
using posting = std::array<std::string, 3>;

std::vector<posting> postings_of_lines(const nlohmann::json& lines) {
  std::vector<posting> out;
  for (const auto& l : lines) {
    out.push_back({string_member(l, "accountNumber"), decimal_member(l, "amount").normalized().to_string(), string_member(l, "postingDate")});
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<posting> postings_of_ledger(const nlohmann::json& entries) {
  std::vector<posting> out;
  for (const auto& e : entries) {
    out.push_back({string_member(e, "accountNumber"),
                   (decimal_member(e, "debitAmount") - decimal_member(e, "creditAmount")).normalized().to_string(),
                   string_member(e, "postingDate")});
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

nlohmann::json journal_to_vendor(const nlohmann::json& p, const connection_config& config,
                                 const std::string& document_number) {
  fields.refuse_unknown(p,
                 {"id", "external_refs", "source", "legal_entity", "reference", "posting_date",
                  "functional_currency", "description", "lines", "created_at", "updated_at", "etag"},
                 "", "Business Central general journal lines through this adapter do not carry this field");
  if (auto le = fields.text(p, "legal_entity", "/legal_entity")) {
    if (!config.legal_entity.empty() && *le != config.legal_entity) {
      fields.invalid("/legal_entity", "bc.legal_entity",
              "this connection is the company of legal entity " + config.legal_entity);
    }
  }
  const auto currency = fields.required_text(p, "functional_currency", "/functional_currency");
  if (currency != config.local_currency) {
    fields.unsupported("/functional_currency",
                "journals are posted in the company's local currency (" + config.local_currency +
                    "): the v2.0 journalLine carries no currency");
  }
  const auto date = fields.required_text(p, "posting_date", "/posting_date");
  const auto reference = fields.text(p, "reference", "/reference").value_or("");
  fields.fits(reference, 35, "/reference", "External Document No.");
  const auto description = fields.text(p, "description", "/description").value_or("");
  const auto lines = p.find("lines");
  if (lines == p.end() || !lines->is_array() || lines->size() < 2) {
    fields.invalid("/lines", "bc.required", "at least two lines");
  }
  nlohmann::json out = nlohmann::json::array();
  decimal balance;
  for (std::size_t i = 0; i < lines->size(); ++i) {
    const auto& l = (*lines)[i];
    const std::string at = "/lines/" + std::to_string(i);
    fields.refuse_unknown(l, {"line_number", "account", "side", "amount", "functional_amount", "description", "tax_code"},
                   at, "BC journal lines through this adapter do not carry this field");
    const auto amount = fields.money_amount(l.value("amount", nlohmann::json()), at + "/amount", currency);
    const auto functional = fields.money_amount(l.value("functional_amount", nlohmann::json()),
                                         at + "/functional_amount", currency);
    if (functional != amount) {
      fields.invalid(at + "/functional_amount", "bc.functional_amount",
              "must equal amount in a local-currency journal");
    }
    const auto side = fields.required_text(l, "side", at + "/side");
    if (side != "debit" && side != "credit") fields.invalid(at + "/side", "bc.side", "debit or credit");
    const auto signed_amount = side == "debit" ? amount : decimal{} - amount;
    balance += signed_amount;
    nlohmann::json line = {
        {"lineNumber", static_cast<std::int64_t>((i + 1) * 10000)},
        {"accountType", "G/L Account"},
        {"accountNumber", fields.fits(mapped(config.maps.accounts, fields.required_text(l, "account", at + "/account"),
                                      at + "/account"),
                               20, at + "/account", "Account No.")},
        {"postingDate", date},
        {"documentNumber", document_number},
        {"amount", adapters::make_decimal(signed_amount)}};
    if (!reference.empty()) line["externalDocumentNumber"] = reference;
    const auto d = fields.text(l, "description", at + "/description").value_or(description);
    if (!d.empty()) line["description"] = fields.fits(d, 100, at + "/description", "Description");
    if (auto code = fields.text(l, "tax_code", at + "/tax_code")) {
      line["taxCode"] = fields.fits(mapped(config.maps.tax_codes, *code, at + "/tax_code"), 20,
                             at + "/tax_code", "VAT Prod. Posting Group");
    }
    out.push_back(std::move(line));
  }
  if (!balance.is_zero()) {
    fields.invalid("/lines", "bc.journal_unbalanced",
            "debits and credits differ by " + balance.to_string() + " " + currency);
  }
  return out;
}

nlohmann::json journal_from_ledger(const nlohmann::json& entries, const std::string& document_number,
                                   const connection_config& config) {
  nlohmann::json lines = nlohmann::json::array();
  std::string date;
  const auto& currency = config.local_currency;
  for (const auto& e : entries) {
    const auto debit = decimal_member(e, "debitAmount");
    const auto credit = decimal_member(e, "creditAmount");
    const bool is_debit = !debit.is_zero();
    const auto amount = money_json(is_debit ? debit : credit, currency);
    nlohmann::json l = {{"account", code_for(config.maps.accounts, string_member(e, "accountNumber"), "G/L account")},
                        {"side", is_debit ? "debit" : "credit"},
                        {"amount", amount},
                        {"functional_amount", amount}};
    if (const auto d = string_member(e, "description"); !d.empty()) l["description"] = d;
    lines.push_back(std::move(l));
    date = string_member(e, "postingDate");
  }
  nlohmann::json doc = {{"id", document_number},
                        {"external_refs", {{ref_key, document_number}}},
                        {"source", {{"system", "business_central"}, {"id", "generalLedgerEntries/" + document_number}}},
                        {"document_number", document_number},
                        {"posting_date", date},
                        {"functional_currency", currency},
                        {"lines", lines}};
  if (!config.legal_entity.empty()) doc["legal_entity"] = config.legal_entity;
  return doc;
}

nlohmann::json journal_create::ledger_entries(const std::string& document_number,
                                              call_context& ctx) const {
  return bc::ledger_entries(client_, document_number, ctx);
}

result journal_create::create(const request& req, call_context& ctx) const {
  if (req.idempotency_key.empty()) {
    throw error(error_class::validation, "bc.idempotency_key_required", "a create needs an idempotency key")
        .with_effect(effect::none);
  }
  const auto keys = keys_for(req.idempotency_key);
  const auto lines = journal_to_vendor(req.payload, client_.config(), keys.document_number);
  const auto want = postings_of_lines(lines);
  journal_batch_kind kind;
  kind.journals_path = "/journals";
  kind.lines_url = [this](const std::string& batch) {
    return client_.company_url("/journals(" + batch + ")/journalLines");
  };
  kind.line_post_url = kind.lines_url;
  kind.line_body = [](const nlohmann::json& line, const std::string&) { return line; };
  kind.line_signature = [](const nlohmann::json& line) {
    const auto p = postings_of_lines(nlohmann::json::array({line})).front();
    return std::vector<std::string>(p.begin(), p.end());
  };
  kind.ledger_equal = [&want](const nlohmann::json& entries) { return postings_of_ledger(entries) == want; };
  kind.what = "journal";
  const nlohmann::json batch_body = {
      {"code", keys.batch_code}, {"displayName", fields.fits("erpconnect " + req.idempotency_key, 100, "/", "Description")}};
  const bool replayed = post_batch_once(client_, ctx, kind, keys, batch_body, lines);
  auto doc = created_document(req.payload, keys.document_number);
  doc["document_number"] = keys.document_number;
  return result{std::move(doc), replayed};
}

}  // namespace erpc::bc
