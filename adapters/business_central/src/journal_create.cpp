// SPDX-License-Identifier: Apache-2.0
#include "journal_create.hpp"

#include "bc_mapping.hpp"
#include "mapping_support.hpp"
#include "purchase_document_create.hpp"

#include <erpc/adapters/exact_json.hpp>

#include <openssl/sha.h>

#include <algorithm>
#include <array>

namespace erpc::bc {

using namespace mapping;

namespace {

std::string normalized(const decimal& d) {
  auto s = d.to_string();
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s;
}

// What a read-back compares: (account, signed amount, posting date) per line, in any order.
using posting = std::array<std::string, 3>;

std::vector<posting> postings_of_lines(const nlohmann::json& lines) {
  std::vector<posting> out;
  for (const auto& l : lines) {
    out.push_back({member(l, "accountNumber"), normalized(number_of(l, "amount")), member(l, "postingDate")});
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<posting> postings_of_ledger(const nlohmann::json& entries) {
  std::vector<posting> out;
  for (const auto& e : entries) {
    out.push_back({member(e, "accountNumber"),
                   normalized(number_of(e, "debitAmount") - number_of(e, "creditAmount")),
                   member(e, "postingDate")});
  }
  std::sort(out.begin(), out.end());
  return out;
}

error key_reuse(const std::string& what) {
  return error(error_class::idempotency_key_reuse, "bc.key_reuse",
               "the journal this key made differs: " + what)
      .with_effect(effect::none);
}

}  // namespace

journal_keys keys_for(std::string_view key) {
  std::array<unsigned char, SHA256_DIGEST_LENGTH> digest{};
  SHA256(reinterpret_cast<const unsigned char*>(key.data()), key.size(), digest.data());
  static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";  // RFC 4648 base32
  std::string b32;
  unsigned buffer = 0;
  int bits = 0;
  for (const unsigned char byte : digest) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      b32 += alphabet[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1u << bits) - 1;
  }
  return {"E" + b32.substr(0, 9), "ERPC" + b32.substr(0, 16)};
}

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
    const auto debit = number_of(e, "debitAmount");
    const auto credit = number_of(e, "creditAmount");
    const bool is_debit = !debit.is_zero();
    const auto amount = money_json(is_debit ? debit : credit, currency);
    nlohmann::json l = {{"account", code_for(config.maps.accounts, member(e, "accountNumber"), "G/L account")},
                        {"side", is_debit ? "debit" : "credit"},
                        {"amount", amount},
                        {"functional_amount", amount}};
    if (const auto d = member(e, "description"); !d.empty()) l["description"] = d;
    lines.push_back(std::move(l));
    date = member(e, "postingDate");
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
  auto url = client_.company_url("/generalLedgerEntries",
                                 url_query({{"$filter", "documentNumber eq " + odata_literal(document_number)}}));
  nlohmann::json out = nlohmann::json::array();
  for (int pages = 0; !url.empty() && pages < 100; ++pages) {
    const auto page = client_.get_json(url, ctx);
    const auto value = page.find("value");
    if (value == page.end() || !value->is_array()) {
      throw malformed_response("its collection has no value array", call_kind::read, 200);
    }
    for (const auto& e : *value) out.push_back(e);
    url = member(page, "@odata.nextLink");
  }
  return out;
}

result journal_create::create(const request& req, call_context& ctx) const {
  if (req.idempotency_key.empty()) {
    throw error(error_class::validation, "bc.idempotency_key_required", "a create needs an idempotency key")
        .with_effect(effect::none);
  }
  const auto keys = keys_for(req.idempotency_key);
  const auto lines = journal_to_vendor(req.payload, client_.config(), keys.document_number);
  const auto want = postings_of_lines(lines);
  auto done = [&](bool replayed) {
    auto doc = created_document(req.payload, keys.document_number);
    doc["document_number"] = keys.document_number;
    return result{std::move(doc), replayed};
  };
  // 1. Posted already?
  if (const auto entries = ledger_entries(keys.document_number, ctx); !entries.empty()) {
    if (postings_of_ledger(entries) != want) throw key_reuse("its G/L entries have other accounts, amounts or dates");
    return done(true);
  }
  // 2. The batch of this key (an earlier attempt may have made it, and some lines).
  auto find_batch = [&]() -> std::string {
    const auto page = client_.get_json(
        client_.company_url("/journals", url_query({{"$filter", "code eq " + odata_literal(keys.batch_code)}})), ctx);
    const auto value = page.find("value");
    if (value == page.end() || !value->is_array() || value->empty()) return {};
    return member(value->front(), "id");
  };
  auto batch = find_batch();
  bool resumed = !batch.empty();
  if (batch.empty()) {
    const nlohmann::json body = {{"code", keys.batch_code},
                                 {"displayName", fields.fits("erpconnect " + req.idempotency_key, 100, "/", "Description")}};
    const auto res = client_.send("POST", client_.company_url("/journals"), call_kind::write, ctx, &body);
    if (res.status == 201 || res.status == 200) {
      batch = member(body_of(res, call_kind::write), "id");
    } else {
      auto mapped = map_odata_error(res, call_kind::write, client_.now_ms(ctx));
      if (mapped.code() != "bc.same_key_exists") throw mapped;
      batch = find_batch();  // made concurrently by a late-delivered attempt
      resumed = true;
    }
    if (batch.empty()) throw malformed_response("its journal has no id", call_kind::write, res.status);
  }
  const auto lines_url = client_.company_url("/journals(" + batch + ")/journalLines");
  auto existing_lines = [&] {
    const auto page = client_.get_json(lines_url, ctx);
    const auto value = page.find("value");
    return value != page.end() && value->is_array() ? *value : nlohmann::json::array();
  };
  auto present = resumed ? existing_lines() : nlohmann::json::array();
  auto line_of = [&](const nlohmann::json& have, std::int64_t number) -> const nlohmann::json* {
    for (const auto& l : have) {
      if (l.value("lineNumber", std::int64_t{0}) == number) return &l;
    }
    return nullptr;
  };
  auto check_present = [&](const nlohmann::json& have) {
    for (const auto& l : have) {
      const nlohmann::json* mine = line_of(lines, l.value("lineNumber", std::int64_t{0}));
      if (!mine || postings_of_lines(nlohmann::json::array({*mine})) != postings_of_lines(nlohmann::json::array({l}))) {
        throw key_reuse("its unposted batch " + keys.batch_code + " holds other lines");
      }
    }
  };
  check_present(present);
  // 3. The missing lines.
  for (const auto& l : lines) {
    if (line_of(present, l["lineNumber"].get<std::int64_t>())) continue;
    const auto res = client_.send("POST", lines_url, call_kind::write, ctx, &l);
    if (res.status == 201 || res.status == 200) continue;
    auto mapped = map_odata_error(res, call_kind::write, client_.now_ms(ctx));
    if (mapped.code() != "bc.same_key_exists") throw mapped;
    present = existing_lines();  // a late-delivered attempt added it
    check_present(present);
  }
  // 4. Post the batch: only this key's lines are in it.
  const nlohmann::json empty = nlohmann::json::object();
  http_response res;
  try {
    res = client_.send("POST", client_.company_url("/journals(" + batch + ")/Microsoft.NAV.post"),
                       call_kind::write, ctx, &empty);
  } catch (const error& e) {
    if (e.cls() != error_class::outcome_unknown) throw;
    // The post may have happened: the G/L entries decide; if they cannot be read, the outcome
    // stays unknown.
    bool posted = false;
    try {
      posted = !ledger_entries(keys.document_number, ctx).empty();
    } catch (const error&) {
    }
    if (posted) return done(resumed);
    throw;
  }
  if (res.status == 204 || res.status == 200) return done(resumed);
  auto mapped = map_odata_error(res, call_kind::write, client_.now_ms(ctx));
  if (const auto entries = ledger_entries(keys.document_number, ctx); !entries.empty()) {
    if (postings_of_ledger(entries) != want) throw key_reuse("its G/L entries have other accounts, amounts or dates");
    return done(true);  // posted by a concurrent or late-delivered attempt
  }
  throw mapped;
}

}  // namespace erpc::bc
