// SPDX-License-Identifier: Apache-2.0
// The JSON members of bank_statement.hpp (amounts as strings); json_members.hpp turns them into
// to_json/from_json.
#pragma once

#include <erpc/contract/common_types_json.hpp>
#include <erpc/contract/bank_statement.hpp>
#include <erpc/contract/json_io.hpp>
#include <erpc/contract/json_members.hpp>

#include <nlohmann/json.hpp>

#include <tuple>

namespace erpc::contract {

constexpr auto json_members(const statement_page*) {
  return std::tuple{json_io::member("number", &statement_page::number),
                    json_io::member("last", &statement_page::last)};
}

constexpr auto json_members(const statement_balance*) {
  return std::tuple{json_io::member("type", &statement_balance::type),
                    json_io::member("amount", &statement_balance::amount),
                    json_io::member("credit_debit", &statement_balance::credit_debit),
                    json_io::member("date", &statement_balance::date)};
}

constexpr auto json_members(const proprietary_code*) {
  return std::tuple{json_io::member("code", &proprietary_code::code),
                    json_io::member("issuer", &proprietary_code::issuer)};
}

constexpr auto json_members(const bank_transaction_code*) {
  return std::tuple{json_io::member("domain", &bank_transaction_code::domain),
                    json_io::member("family", &bank_transaction_code::family),
                    json_io::member("subfamily", &bank_transaction_code::subfamily),
                    json_io::member("proprietary", &bank_transaction_code::proprietary)};
}

constexpr auto json_members(const entry_batch*) {
  return std::tuple{json_io::member("message_id", &entry_batch::message_id),
                    json_io::member("payment_information_id", &entry_batch::payment_information_id),
                    json_io::member("number_of_transactions", &entry_batch::number_of_transactions),
                    json_io::member("total_amount", &entry_batch::total_amount)};
}

constexpr auto json_members(const entry_references*) {
  return std::tuple{
      json_io::member("message_id", &entry_references::message_id),
      json_io::member("account_servicer_reference", &entry_references::account_servicer_reference),
      json_io::member("payment_information_id", &entry_references::payment_information_id),
      json_io::member("instruction_id", &entry_references::instruction_id),
      json_io::member("end_to_end_id", &entry_references::end_to_end_id),
      json_io::member("uetr", &entry_references::uetr),
      json_io::member("mandate_id", &entry_references::mandate_id),
      json_io::member("cheque_number", &entry_references::cheque_number),
      json_io::member("customer_reference", &entry_references::customer_reference)};
}

constexpr auto json_members(const currency_exchange*) {
  return std::tuple{json_io::member("source_currency", &currency_exchange::source_currency),
                    json_io::member("target_currency", &currency_exchange::target_currency),
                    json_io::member("unit_currency", &currency_exchange::unit_currency),
                    json_io::member("rate", &currency_exchange::rate),
                    json_io::member("contract_id", &currency_exchange::contract_id)};
}

constexpr auto json_members(const transaction_details*) {
  return std::tuple{
      json_io::member("references", &transaction_details::references),
      json_io::member("amount", &transaction_details::amount),
      json_io::member("credit_debit", &transaction_details::credit_debit),
      json_io::member("instructed_amount", &transaction_details::instructed_amount),
      json_io::member("currency_exchange", &transaction_details::currency_exchange),
      json_io::member("debtor", &transaction_details::debtor),
      json_io::member("debtor_account", &transaction_details::debtor_account),
      json_io::member("creditor", &transaction_details::creditor),
      json_io::member("creditor_account", &transaction_details::creditor_account),
      json_io::member("ultimate_debtor", &transaction_details::ultimate_debtor),
      json_io::member("ultimate_creditor", &transaction_details::ultimate_creditor),
      json_io::member("remittance", &transaction_details::remittance),
      json_io::member("return_reason", &transaction_details::return_reason),
      json_io::member("additional_information", &transaction_details::additional_information)};
}

constexpr auto json_members(const statement_entry*) {
  return std::tuple{
      json_io::member("entry_reference", &statement_entry::entry_reference),
      json_io::member("amount", &statement_entry::amount),
      json_io::member("credit_debit", &statement_entry::credit_debit),
      json_io::member("reversal", &statement_entry::reversal),
      json_io::member("status", &statement_entry::status),
      json_io::member("booking_date", &statement_entry::booking_date),
      json_io::member("value_date", &statement_entry::value_date),
      json_io::member("account_servicer_reference", &statement_entry::account_servicer_reference),
      json_io::member("bank_transaction_code", &statement_entry::bank_transaction_code),
      json_io::member("batch", &statement_entry::batch),
      json_io::member_omitted_when_empty("details", &statement_entry::details),
      json_io::member("additional_information", &statement_entry::additional_information)};
}

constexpr auto json_members(const bank_statement*) {
  return std::tuple{
      json_io::member("id", &bank_statement::id),
      json_io::member("external_refs", &bank_statement::external_refs),
      json_io::member("source", &bank_statement::source),
      json_io::member("kind", &bank_statement::kind),
      json_io::member("format", &bank_statement::format),
      json_io::member("message_id", &bank_statement::message_id),
      json_io::member("statement_id", &bank_statement::statement_id),
      json_io::member("electronic_sequence_number", &bank_statement::electronic_sequence_number),
      json_io::member("legal_sequence_number", &bank_statement::legal_sequence_number),
      json_io::member("created_at_bank", &bank_statement::created_at_bank),
      json_io::member("from_date", &bank_statement::from_date),
      json_io::member("to_date", &bank_statement::to_date),
      json_io::member("copy_duplicate", &bank_statement::copy_duplicate),
      json_io::member("page", &bank_statement::page),
      json_io::member("account", &bank_statement::account),
      json_io::member("account_owner", &bank_statement::account_owner),
      json_io::member("balances", &bank_statement::balances),
      json_io::member("entries", &bank_statement::entries),
      json_io::member("additional_information", &bank_statement::additional_information),
      json_io::member("created_at", &bank_statement::created_at),
      json_io::member("updated_at", &bank_statement::updated_at)};
}

}  // namespace erpc::contract
