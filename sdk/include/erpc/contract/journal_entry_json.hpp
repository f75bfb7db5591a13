// SPDX-License-Identifier: Apache-2.0
// to_json/from_json for journal_entry.hpp (nlohmann::json; amounts as strings).
#pragma once

#include <erpc/contract/common_types_json.hpp>
#include <erpc/contract/journal_entry.hpp>
#include <erpc/contract/json_io.hpp>

#include <nlohmann/json.hpp>

namespace erpc::contract {

inline void to_json(nlohmann::json& j, const journal_line& v) {
  j = nlohmann::json::object();
  json_io::write(j, "line_number", v.line_number);
  json_io::write(j, "account", v.account);
  json_io::write(j, "side", v.side);
  json_io::write(j, "amount", v.amount);
  json_io::write(j, "functional_amount", v.functional_amount);
  json_io::write(j, "exchange_rate", v.exchange_rate);
  json_io::write(j, "description", v.description);
  json_io::write(j, "tax_code", v.tax_code);
  json_io::write(j, "counterparty", v.counterparty);
  if (!v.dimensions.empty()) json_io::write(j, "dimensions", v.dimensions);
}

inline void from_json(const nlohmann::json& j, journal_line& v) {
  json_io::read(j, "line_number", v.line_number);
  json_io::read(j, "account", v.account);
  json_io::read(j, "side", v.side);
  json_io::read(j, "amount", v.amount);
  json_io::read(j, "functional_amount", v.functional_amount);
  json_io::read(j, "exchange_rate", v.exchange_rate);
  json_io::read(j, "description", v.description);
  json_io::read(j, "tax_code", v.tax_code);
  json_io::read(j, "counterparty", v.counterparty);
  if (j.contains("dimensions")) json_io::read(j, "dimensions", v.dimensions);
}

inline void to_json(nlohmann::json& j, const journal_entry& v) {
  j = nlohmann::json::object();
  json_io::write(j, "id", v.id);
  json_io::write(j, "external_refs", v.external_refs);
  json_io::write(j, "source", v.source);
  json_io::write(j, "legal_entity", v.legal_entity);
  json_io::write(j, "document_number", v.document_number);
  json_io::write(j, "reference", v.reference);
  json_io::write(j, "posting_date", v.posting_date);
  json_io::write(j, "document_date", v.document_date);
  json_io::write(j, "period", v.period);
  json_io::write(j, "functional_currency", v.functional_currency);
  json_io::write(j, "description", v.description);
  json_io::write(j, "reversal_of", v.reversal_of);
  json_io::write(j, "lines", v.lines);
  json_io::write(j, "notes", v.notes);
  json_io::write(j, "created_at", v.created_at);
  json_io::write(j, "updated_at", v.updated_at);
  json_io::write(j, "etag", v.etag);
}

inline void from_json(const nlohmann::json& j, journal_entry& v) {
  json_io::read(j, "id", v.id);
  json_io::read(j, "external_refs", v.external_refs);
  json_io::read(j, "source", v.source);
  json_io::read(j, "legal_entity", v.legal_entity);
  json_io::read(j, "document_number", v.document_number);
  json_io::read(j, "reference", v.reference);
  json_io::read(j, "posting_date", v.posting_date);
  json_io::read(j, "document_date", v.document_date);
  json_io::read(j, "period", v.period);
  json_io::read(j, "functional_currency", v.functional_currency);
  json_io::read(j, "description", v.description);
  json_io::read(j, "reversal_of", v.reversal_of);
  json_io::read(j, "lines", v.lines);
  json_io::read(j, "notes", v.notes);
  json_io::read(j, "created_at", v.created_at);
  json_io::read(j, "updated_at", v.updated_at);
  json_io::read(j, "etag", v.etag);
}

}  // namespace erpc::contract
