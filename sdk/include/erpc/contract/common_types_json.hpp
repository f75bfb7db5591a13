// SPDX-License-Identifier: Apache-2.0
// to_json/from_json for common_types.hpp (nlohmann::json; amounts as strings).
#pragma once

#include <erpc/contract/common_types.hpp>
#include <erpc/contract/json_io.hpp>

#include <nlohmann/json.hpp>

namespace erpc::contract {

inline void to_json(nlohmann::json& j, const postal_address& v) {
  j = nlohmann::json::object();
  json_io::write(j, "street_name", v.street_name);
  json_io::write(j, "building_number", v.building_number);
  json_io::write(j, "postal_code", v.postal_code);
  json_io::write(j, "town_name", v.town_name);
  json_io::write(j, "country_sub_division", v.country_sub_division);
  json_io::write(j, "country", v.country);
  if (!v.address_lines.empty()) json_io::write(j, "address_lines", v.address_lines);
}

inline void from_json(const nlohmann::json& j, postal_address& v) {
  json_io::read(j, "street_name", v.street_name);
  json_io::read(j, "building_number", v.building_number);
  json_io::read(j, "postal_code", v.postal_code);
  json_io::read(j, "town_name", v.town_name);
  json_io::read(j, "country_sub_division", v.country_sub_division);
  json_io::read(j, "country", v.country);
  if (j.contains("address_lines")) json_io::read(j, "address_lines", v.address_lines);
}

inline void to_json(nlohmann::json& j, const organisation_id& v) {
  j = nlohmann::json::object();
  json_io::write(j, "id", v.id);
  json_io::write(j, "scheme", v.scheme);
  json_io::write(j, "issuer", v.issuer);
}

inline void from_json(const nlohmann::json& j, organisation_id& v) {
  json_io::read(j, "id", v.id);
  json_io::read(j, "scheme", v.scheme);
  json_io::read(j, "issuer", v.issuer);
}

inline void to_json(nlohmann::json& j, const party& v) {
  j = nlohmann::json::object();
  json_io::write(j, "id", v.id);
  json_io::write(j, "number", v.number);
  json_io::write(j, "name", v.name);
  json_io::write(j, "tax_id", v.tax_id);
  json_io::write(j, "lei", v.lei);
  json_io::write(j, "organisation_id", v.organisation_id);
  json_io::write(j, "postal_address", v.postal_address);
  if (!v.external_refs.empty()) json_io::write(j, "external_refs", v.external_refs);
}

inline void from_json(const nlohmann::json& j, party& v) {
  json_io::read(j, "id", v.id);
  json_io::read(j, "number", v.number);
  json_io::read(j, "name", v.name);
  json_io::read(j, "tax_id", v.tax_id);
  json_io::read(j, "lei", v.lei);
  json_io::read(j, "organisation_id", v.organisation_id);
  json_io::read(j, "postal_address", v.postal_address);
  if (j.contains("external_refs")) json_io::read(j, "external_refs", v.external_refs);
}

inline void to_json(nlohmann::json& j, const other_account_id& v) {
  j = nlohmann::json::object();
  json_io::write(j, "id", v.id);
  json_io::write(j, "scheme", v.scheme);
}

inline void from_json(const nlohmann::json& j, other_account_id& v) {
  json_io::read(j, "id", v.id);
  json_io::read(j, "scheme", v.scheme);
}

inline void to_json(nlohmann::json& j, const bank_account& v) {
  j = nlohmann::json::object();
  json_io::write(j, "iban", v.iban);
  json_io::write(j, "other", v.other);
  json_io::write(j, "bic", v.bic);
  json_io::write(j, "currency", v.currency);
  json_io::write(j, "name", v.name);
  json_io::write(j, "bank_name", v.bank_name);
}

inline void from_json(const nlohmann::json& j, bank_account& v) {
  json_io::read(j, "iban", v.iban);
  json_io::read(j, "other", v.other);
  json_io::read(j, "bic", v.bic);
  json_io::read(j, "currency", v.currency);
  json_io::read(j, "name", v.name);
  json_io::read(j, "bank_name", v.bank_name);
}

inline void to_json(nlohmann::json& j, const payment_terms& v) {
  j = nlohmann::json::object();
  json_io::write(j, "code", v.code);
  json_io::write(j, "net_days", v.net_days);
  json_io::write(j, "discount_percent", v.discount_percent);
  json_io::write(j, "discount_days", v.discount_days);
  json_io::write(j, "discount_date", v.discount_date);
  json_io::write(j, "description", v.description);
}

inline void from_json(const nlohmann::json& j, payment_terms& v) {
  json_io::read(j, "code", v.code);
  json_io::read(j, "net_days", v.net_days);
  json_io::read(j, "discount_percent", v.discount_percent);
  json_io::read(j, "discount_days", v.discount_days);
  json_io::read(j, "discount_date", v.discount_date);
  json_io::read(j, "description", v.description);
}

inline void to_json(nlohmann::json& j, const creditor_reference& v) {
  j = nlohmann::json::object();
  json_io::write(j, "type", v.type);
  json_io::write(j, "issuer", v.issuer);
  json_io::write(j, "reference", v.reference);
}

inline void from_json(const nlohmann::json& j, creditor_reference& v) {
  json_io::read(j, "type", v.type);
  json_io::read(j, "issuer", v.issuer);
  json_io::read(j, "reference", v.reference);
}

inline void to_json(nlohmann::json& j, const referred_document& v) {
  j = nlohmann::json::object();
  json_io::write(j, "type", v.type);
  json_io::write(j, "number", v.number);
  json_io::write(j, "date", v.date);
  json_io::write(j, "amount", v.amount);
}

inline void from_json(const nlohmann::json& j, referred_document& v) {
  json_io::read(j, "type", v.type);
  json_io::read(j, "number", v.number);
  json_io::read(j, "date", v.date);
  json_io::read(j, "amount", v.amount);
}

inline void to_json(nlohmann::json& j, const structured_remittance& v) {
  j = nlohmann::json::object();
  json_io::write(j, "creditor_reference", v.creditor_reference);
  if (!v.referred_documents.empty()) json_io::write(j, "referred_documents", v.referred_documents);
  json_io::write(j, "additional_information", v.additional_information);
}

inline void from_json(const nlohmann::json& j, structured_remittance& v) {
  json_io::read(j, "creditor_reference", v.creditor_reference);
  if (j.contains("referred_documents")) {
    json_io::read(j, "referred_documents", v.referred_documents);
  }
  json_io::read(j, "additional_information", v.additional_information);
}

inline void to_json(nlohmann::json& j, const remittance& v) {
  j = nlohmann::json::object();
  json_io::write(j, "unstructured", v.unstructured);
  json_io::write(j, "structured", v.structured);
}

inline void from_json(const nlohmann::json& j, remittance& v) {
  json_io::read(j, "unstructured", v.unstructured);
  json_io::read(j, "structured", v.structured);
}

inline void to_json(nlohmann::json& j, const payment_references& v) {
  j = nlohmann::json::object();
  json_io::write(j, "message_id", v.message_id);
  json_io::write(j, "payment_information_id", v.payment_information_id);
  json_io::write(j, "instruction_id", v.instruction_id);
  json_io::write(j, "end_to_end_id", v.end_to_end_id);
  json_io::write(j, "uetr", v.uetr);
}

inline void from_json(const nlohmann::json& j, payment_references& v) {
  json_io::read(j, "message_id", v.message_id);
  json_io::read(j, "payment_information_id", v.payment_information_id);
  json_io::read(j, "instruction_id", v.instruction_id);
  json_io::read(j, "end_to_end_id", v.end_to_end_id);
  json_io::read(j, "uetr", v.uetr);
}

inline void to_json(nlohmann::json& j, const document_ref& v) {
  j = nlohmann::json::object();
  json_io::write(j, "id", v.id);
  json_io::write(j, "number", v.number);
  if (!v.external_refs.empty()) json_io::write(j, "external_refs", v.external_refs);
}

inline void from_json(const nlohmann::json& j, document_ref& v) {
  json_io::read(j, "id", v.id);
  json_io::read(j, "number", v.number);
  if (j.contains("external_refs")) json_io::read(j, "external_refs", v.external_refs);
}

inline void to_json(nlohmann::json& j, const source_ref& v) {
  j = nlohmann::json::object();
  json_io::write(j, "system", v.system);
  json_io::write(j, "id", v.id);
  json_io::write(j, "uri", v.uri);
  json_io::write(j, "received_at", v.received_at);
}

inline void from_json(const nlohmann::json& j, source_ref& v) {
  json_io::read(j, "system", v.system);
  json_io::read(j, "id", v.id);
  json_io::read(j, "uri", v.uri);
  json_io::read(j, "received_at", v.received_at);
}

}  // namespace erpc::contract
