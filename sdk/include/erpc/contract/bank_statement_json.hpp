// SPDX-License-Identifier: Apache-2.0
// to_json/from_json for bank_statement.hpp (nlohmann::json; amounts as strings).
#pragma once

#include <erpc/contract/common_types_json.hpp>
#include <erpc/contract/bank_statement.hpp>
#include <erpc/contract/json_io.hpp>

#include <nlohmann/json.hpp>

namespace erpc::contract {

inline void to_json(nlohmann::json& j, const statement_page& v) {
  j = nlohmann::json::object();
  json_io::write(j, "number", v.number);
  json_io::write(j, "last", v.last);
}

inline void from_json(const nlohmann::json& j, statement_page& v) {
  json_io::read(j, "number", v.number);
  json_io::read(j, "last", v.last);
}

inline void to_json(nlohmann::json& j, const statement_balance& v) {
  j = nlohmann::json::object();
  json_io::write(j, "type", v.type);
  json_io::write(j, "amount", v.amount);
  json_io::write(j, "credit_debit", v.credit_debit);
  json_io::write(j, "date", v.date);
}

inline void from_json(const nlohmann::json& j, statement_balance& v) {
  json_io::read(j, "type", v.type);
  json_io::read(j, "amount", v.amount);
  json_io::read(j, "credit_debit", v.credit_debit);
  json_io::read(j, "date", v.date);
}

inline void to_json(nlohmann::json& j, const proprietary_code& v) {
  j = nlohmann::json::object();
  json_io::write(j, "code", v.code);
  json_io::write(j, "issuer", v.issuer);
}

inline void from_json(const nlohmann::json& j, proprietary_code& v) {
  json_io::read(j, "code", v.code);
  json_io::read(j, "issuer", v.issuer);
}

inline void to_json(nlohmann::json& j, const bank_transaction_code& v) {
  j = nlohmann::json::object();
  json_io::write(j, "domain", v.domain);
  json_io::write(j, "family", v.family);
  json_io::write(j, "subfamily", v.subfamily);
  json_io::write(j, "proprietary", v.proprietary);
}

inline void from_json(const nlohmann::json& j, bank_transaction_code& v) {
  json_io::read(j, "domain", v.domain);
  json_io::read(j, "family", v.family);
  json_io::read(j, "subfamily", v.subfamily);
  json_io::read(j, "proprietary", v.proprietary);
}

inline void to_json(nlohmann::json& j, const entry_batch& v) {
  j = nlohmann::json::object();
  json_io::write(j, "message_id", v.message_id);
  json_io::write(j, "payment_information_id", v.payment_information_id);
  json_io::write(j, "number_of_transactions", v.number_of_transactions);
  json_io::write(j, "total_amount", v.total_amount);
}

inline void from_json(const nlohmann::json& j, entry_batch& v) {
  json_io::read(j, "message_id", v.message_id);
  json_io::read(j, "payment_information_id", v.payment_information_id);
  json_io::read(j, "number_of_transactions", v.number_of_transactions);
  json_io::read(j, "total_amount", v.total_amount);
}

inline void to_json(nlohmann::json& j, const entry_references& v) {
  j = nlohmann::json::object();
  json_io::write(j, "message_id", v.message_id);
  json_io::write(j, "account_servicer_reference", v.account_servicer_reference);
  json_io::write(j, "payment_information_id", v.payment_information_id);
  json_io::write(j, "instruction_id", v.instruction_id);
  json_io::write(j, "end_to_end_id", v.end_to_end_id);
  json_io::write(j, "uetr", v.uetr);
  json_io::write(j, "mandate_id", v.mandate_id);
  json_io::write(j, "cheque_number", v.cheque_number);
  json_io::write(j, "customer_reference", v.customer_reference);
}

inline void from_json(const nlohmann::json& j, entry_references& v) {
  json_io::read(j, "message_id", v.message_id);
  json_io::read(j, "account_servicer_reference", v.account_servicer_reference);
  json_io::read(j, "payment_information_id", v.payment_information_id);
  json_io::read(j, "instruction_id", v.instruction_id);
  json_io::read(j, "end_to_end_id", v.end_to_end_id);
  json_io::read(j, "uetr", v.uetr);
  json_io::read(j, "mandate_id", v.mandate_id);
  json_io::read(j, "cheque_number", v.cheque_number);
  json_io::read(j, "customer_reference", v.customer_reference);
}

inline void to_json(nlohmann::json& j, const transaction_details& v) {
  j = nlohmann::json::object();
  json_io::write(j, "references", v.references);
  json_io::write(j, "amount", v.amount);
  json_io::write(j, "credit_debit", v.credit_debit);
  json_io::write(j, "debtor", v.debtor);
  json_io::write(j, "debtor_account", v.debtor_account);
  json_io::write(j, "creditor", v.creditor);
  json_io::write(j, "creditor_account", v.creditor_account);
  json_io::write(j, "ultimate_debtor", v.ultimate_debtor);
  json_io::write(j, "ultimate_creditor", v.ultimate_creditor);
  json_io::write(j, "remittance", v.remittance);
  json_io::write(j, "return_reason", v.return_reason);
  json_io::write(j, "additional_information", v.additional_information);
}

inline void from_json(const nlohmann::json& j, transaction_details& v) {
  json_io::read(j, "references", v.references);
  json_io::read(j, "amount", v.amount);
  json_io::read(j, "credit_debit", v.credit_debit);
  json_io::read(j, "debtor", v.debtor);
  json_io::read(j, "debtor_account", v.debtor_account);
  json_io::read(j, "creditor", v.creditor);
  json_io::read(j, "creditor_account", v.creditor_account);
  json_io::read(j, "ultimate_debtor", v.ultimate_debtor);
  json_io::read(j, "ultimate_creditor", v.ultimate_creditor);
  json_io::read(j, "remittance", v.remittance);
  json_io::read(j, "return_reason", v.return_reason);
  json_io::read(j, "additional_information", v.additional_information);
}

inline void to_json(nlohmann::json& j, const statement_entry& v) {
  j = nlohmann::json::object();
  json_io::write(j, "entry_reference", v.entry_reference);
  json_io::write(j, "amount", v.amount);
  json_io::write(j, "credit_debit", v.credit_debit);
  json_io::write(j, "reversal", v.reversal);
  json_io::write(j, "status", v.status);
  json_io::write(j, "booking_date", v.booking_date);
  json_io::write(j, "value_date", v.value_date);
  json_io::write(j, "account_servicer_reference", v.account_servicer_reference);
  json_io::write(j, "bank_transaction_code", v.bank_transaction_code);
  json_io::write(j, "batch", v.batch);
  if (!v.details.empty()) json_io::write(j, "details", v.details);
  json_io::write(j, "additional_information", v.additional_information);
}

inline void from_json(const nlohmann::json& j, statement_entry& v) {
  json_io::read(j, "entry_reference", v.entry_reference);
  json_io::read(j, "amount", v.amount);
  json_io::read(j, "credit_debit", v.credit_debit);
  json_io::read(j, "reversal", v.reversal);
  json_io::read(j, "status", v.status);
  json_io::read(j, "booking_date", v.booking_date);
  json_io::read(j, "value_date", v.value_date);
  json_io::read(j, "account_servicer_reference", v.account_servicer_reference);
  json_io::read(j, "bank_transaction_code", v.bank_transaction_code);
  json_io::read(j, "batch", v.batch);
  if (j.contains("details")) json_io::read(j, "details", v.details);
  json_io::read(j, "additional_information", v.additional_information);
}

inline void to_json(nlohmann::json& j, const bank_statement& v) {
  j = nlohmann::json::object();
  json_io::write(j, "id", v.id);
  json_io::write(j, "external_refs", v.external_refs);
  json_io::write(j, "source", v.source);
  json_io::write(j, "kind", v.kind);
  json_io::write(j, "format", v.format);
  json_io::write(j, "message_id", v.message_id);
  json_io::write(j, "statement_id", v.statement_id);
  json_io::write(j, "electronic_sequence_number", v.electronic_sequence_number);
  json_io::write(j, "legal_sequence_number", v.legal_sequence_number);
  json_io::write(j, "created_at_bank", v.created_at_bank);
  json_io::write(j, "from_date", v.from_date);
  json_io::write(j, "to_date", v.to_date);
  json_io::write(j, "copy_duplicate", v.copy_duplicate);
  json_io::write(j, "page", v.page);
  json_io::write(j, "account", v.account);
  json_io::write(j, "account_owner", v.account_owner);
  json_io::write(j, "balances", v.balances);
  json_io::write(j, "entries", v.entries);
  json_io::write(j, "additional_information", v.additional_information);
  json_io::write(j, "created_at", v.created_at);
  json_io::write(j, "updated_at", v.updated_at);
}

inline void from_json(const nlohmann::json& j, bank_statement& v) {
  json_io::read(j, "id", v.id);
  json_io::read(j, "external_refs", v.external_refs);
  json_io::read(j, "source", v.source);
  json_io::read(j, "kind", v.kind);
  json_io::read(j, "format", v.format);
  json_io::read(j, "message_id", v.message_id);
  json_io::read(j, "statement_id", v.statement_id);
  json_io::read(j, "electronic_sequence_number", v.electronic_sequence_number);
  json_io::read(j, "legal_sequence_number", v.legal_sequence_number);
  json_io::read(j, "created_at_bank", v.created_at_bank);
  json_io::read(j, "from_date", v.from_date);
  json_io::read(j, "to_date", v.to_date);
  json_io::read(j, "copy_duplicate", v.copy_duplicate);
  json_io::read(j, "page", v.page);
  json_io::read(j, "account", v.account);
  json_io::read(j, "account_owner", v.account_owner);
  json_io::read(j, "balances", v.balances);
  json_io::read(j, "entries", v.entries);
  json_io::read(j, "additional_information", v.additional_information);
  json_io::read(j, "created_at", v.created_at);
  json_io::read(j, "updated_at", v.updated_at);
}

}  // namespace erpc::contract
