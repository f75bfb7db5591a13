// SPDX-License-Identifier: Apache-2.0
// to_json/from_json for supplier.hpp (nlohmann::json; amounts as strings).
#pragma once

#include <erpc/contract/common_types_json.hpp>
#include <erpc/contract/supplier.hpp>
#include <erpc/contract/json_io.hpp>

#include <nlohmann/json.hpp>

namespace erpc::contract {

inline void to_json(nlohmann::json& j, const supplier& v) {
  j = nlohmann::json::object();
  json_io::write(j, "id", v.id);
  json_io::write(j, "external_refs", v.external_refs);
  json_io::write(j, "source", v.source);
  json_io::write(j, "legal_entity", v.legal_entity);
  json_io::write(j, "number", v.number);
  json_io::write(j, "name", v.name);
  json_io::write(j, "tax_id", v.tax_id);
  json_io::write(j, "country", v.country);
  json_io::write(j, "postal_address", v.postal_address);
  json_io::write(j, "email", v.email);
  json_io::write(j, "default_currency", v.default_currency);
  json_io::write(j, "payment_terms", v.payment_terms);
  if (!v.bank_accounts.empty()) json_io::write(j, "bank_accounts", v.bank_accounts);
  json_io::write(j, "status", v.status);
  json_io::write(j, "payment_block", v.payment_block);
  json_io::write(j, "notes", v.notes);
  json_io::write(j, "created_at", v.created_at);
  json_io::write(j, "updated_at", v.updated_at);
  json_io::write(j, "etag", v.etag);
}

inline void from_json(const nlohmann::json& j, supplier& v) {
  json_io::read(j, "id", v.id);
  json_io::read(j, "external_refs", v.external_refs);
  json_io::read(j, "source", v.source);
  json_io::read(j, "legal_entity", v.legal_entity);
  json_io::read(j, "number", v.number);
  json_io::read(j, "name", v.name);
  json_io::read(j, "tax_id", v.tax_id);
  json_io::read(j, "country", v.country);
  json_io::read(j, "postal_address", v.postal_address);
  json_io::read(j, "email", v.email);
  json_io::read(j, "default_currency", v.default_currency);
  json_io::read(j, "payment_terms", v.payment_terms);
  if (j.contains("bank_accounts")) json_io::read(j, "bank_accounts", v.bank_accounts);
  json_io::read(j, "status", v.status);
  json_io::read(j, "payment_block", v.payment_block);
  json_io::read(j, "notes", v.notes);
  json_io::read(j, "created_at", v.created_at);
  json_io::read(j, "updated_at", v.updated_at);
  json_io::read(j, "etag", v.etag);
}

}  // namespace erpc::contract
