// SPDX-License-Identifier: Apache-2.0
// to_json/from_json for payment.hpp (nlohmann::json; amounts as strings).
#pragma once

#include <erpc/contract/common_types_json.hpp>
#include <erpc/contract/payment.hpp>
#include <erpc/contract/json_io.hpp>

#include <nlohmann/json.hpp>

namespace erpc::contract {

inline void to_json(nlohmann::json& j, const payment_fx& v) {
  j = nlohmann::json::object();
  json_io::write(j, "rate", v.rate);
  json_io::write(j, "source_currency", v.source_currency);
  json_io::write(j, "target_currency", v.target_currency);
  json_io::write(j, "contract_id", v.contract_id);
}

inline void from_json(const nlohmann::json& j, payment_fx& v) {
  json_io::read(j, "rate", v.rate);
  json_io::read(j, "source_currency", v.source_currency);
  json_io::read(j, "target_currency", v.target_currency);
  json_io::read(j, "contract_id", v.contract_id);
}

inline void to_json(nlohmann::json& j, const short_payment& v) {
  j = nlohmann::json::object();
  json_io::write(j, "amount", v.amount);
  json_io::write(j, "reason_code", v.reason_code);
  json_io::write(j, "reason", v.reason);
}

inline void from_json(const nlohmann::json& j, short_payment& v) {
  json_io::read(j, "amount", v.amount);
  json_io::read(j, "reason_code", v.reason_code);
  json_io::read(j, "reason", v.reason);
}

inline void to_json(nlohmann::json& j, const payment_application& v) {
  j = nlohmann::json::object();
  json_io::write(j, "document_type", v.document_type);
  json_io::write(j, "document", v.document);
  json_io::write(j, "invoice_number", v.invoice_number);
  json_io::write(j, "amount", v.amount);
  json_io::write(j, "discount_taken", v.discount_taken);
  json_io::write(j, "withholding", v.withholding);
  json_io::write(j, "short_payment", v.short_payment);
}

inline void from_json(const nlohmann::json& j, payment_application& v) {
  json_io::read(j, "document_type", v.document_type);
  json_io::read(j, "document", v.document);
  json_io::read(j, "invoice_number", v.invoice_number);
  json_io::read(j, "amount", v.amount);
  json_io::read(j, "discount_taken", v.discount_taken);
  json_io::read(j, "withholding", v.withholding);
  json_io::read(j, "short_payment", v.short_payment);
}

inline void to_json(nlohmann::json& j, const payment& v) {
  j = nlohmann::json::object();
  json_io::write(j, "id", v.id);
  json_io::write(j, "external_refs", v.external_refs);
  json_io::write(j, "source", v.source);
  json_io::write(j, "legal_entity", v.legal_entity);
  json_io::write(j, "direction", v.direction);
  json_io::write(j, "method", v.method);
  json_io::write(j, "document_number", v.document_number);
  json_io::write(j, "amount", v.amount);
  json_io::write(j, "debit_amount", v.debit_amount);
  json_io::write(j, "fx", v.fx);
  json_io::write(j, "requested_execution_date", v.requested_execution_date);
  json_io::write(j, "value_date", v.value_date);
  json_io::write(j, "debtor", v.debtor);
  json_io::write(j, "debtor_account", v.debtor_account);
  json_io::write(j, "creditor", v.creditor);
  json_io::write(j, "creditor_account", v.creditor_account);
  json_io::write(j, "ultimate_debtor", v.ultimate_debtor);
  json_io::write(j, "ultimate_creditor", v.ultimate_creditor);
  json_io::write(j, "charge_bearer", v.charge_bearer);
  json_io::write(j, "references", v.references);
  json_io::write(j, "remittance", v.remittance);
  json_io::write(j, "purpose_code", v.purpose_code);
  json_io::write(j, "category_purpose", v.category_purpose);
  json_io::write(j, "clearing_account", v.clearing_account);
  if (!v.applications.empty()) json_io::write(j, "applications", v.applications);
  json_io::write(j, "notes", v.notes);
  json_io::write(j, "created_at", v.created_at);
  json_io::write(j, "updated_at", v.updated_at);
  json_io::write(j, "etag", v.etag);
}

inline void from_json(const nlohmann::json& j, payment& v) {
  json_io::read(j, "id", v.id);
  json_io::read(j, "external_refs", v.external_refs);
  json_io::read(j, "source", v.source);
  json_io::read(j, "legal_entity", v.legal_entity);
  json_io::read(j, "direction", v.direction);
  json_io::read(j, "method", v.method);
  json_io::read(j, "document_number", v.document_number);
  json_io::read(j, "amount", v.amount);
  json_io::read(j, "debit_amount", v.debit_amount);
  json_io::read(j, "fx", v.fx);
  json_io::read(j, "requested_execution_date", v.requested_execution_date);
  json_io::read(j, "value_date", v.value_date);
  json_io::read(j, "debtor", v.debtor);
  json_io::read(j, "debtor_account", v.debtor_account);
  json_io::read(j, "creditor", v.creditor);
  json_io::read(j, "creditor_account", v.creditor_account);
  json_io::read(j, "ultimate_debtor", v.ultimate_debtor);
  json_io::read(j, "ultimate_creditor", v.ultimate_creditor);
  json_io::read(j, "charge_bearer", v.charge_bearer);
  json_io::read(j, "references", v.references);
  json_io::read(j, "remittance", v.remittance);
  json_io::read(j, "purpose_code", v.purpose_code);
  json_io::read(j, "category_purpose", v.category_purpose);
  json_io::read(j, "clearing_account", v.clearing_account);
  if (j.contains("applications")) json_io::read(j, "applications", v.applications);
  json_io::read(j, "notes", v.notes);
  json_io::read(j, "created_at", v.created_at);
  json_io::read(j, "updated_at", v.updated_at);
  json_io::read(j, "etag", v.etag);
}

}  // namespace erpc::contract
