// SPDX-License-Identifier: Apache-2.0
// Canonical bank_statement (bank_statement.schema.json) as C++ types.
// Member names are the JSON names; json_fields lists them so contract_drift_test can
// compare them with the schema in both directions.
// JSON reading/writing: bank_statement_json.hpp.
#pragma once

#include <erpc/contract/common_types.hpp>
#include <erpc/decimal.hpp>
#include <erpc/money.hpp>

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace erpc::contract {

struct statement_page {
  std::int64_t number = 0;
  bool last = false;

  static constexpr std::array<std::string_view, 2> json_fields{
      "number", "last"};
};

struct statement_balance {
  std::string type;
  money amount;
  std::string credit_debit;
  std::string date;

  static constexpr std::array<std::string_view, 4> json_fields{
      "type", "amount", "credit_debit", "date"};
};

struct proprietary_code {
  std::string code;
  std::optional<std::string> issuer;

  static constexpr std::array<std::string_view, 2> json_fields{
      "code", "issuer"};
};

struct bank_transaction_code {
  std::optional<std::string> domain;
  std::optional<std::string> family;
  std::optional<std::string> subfamily;
  std::optional<contract::proprietary_code> proprietary;

  static constexpr std::array<std::string_view, 4> json_fields{
      "domain", "family", "subfamily", "proprietary"};
};

struct entry_batch {
  std::optional<std::string> message_id;
  std::optional<std::string> payment_information_id;
  std::optional<std::int64_t> number_of_transactions;
  std::optional<money> total_amount;

  static constexpr std::array<std::string_view, 4> json_fields{
      "message_id", "payment_information_id", "number_of_transactions", "total_amount"};
};

struct entry_references {
  std::optional<std::string> message_id;
  std::optional<std::string> account_servicer_reference;
  std::optional<std::string> payment_information_id;
  std::optional<std::string> instruction_id;
  std::optional<std::string> end_to_end_id;
  std::optional<std::string> uetr;
  std::optional<std::string> mandate_id;
  std::optional<std::string> cheque_number;
  std::optional<std::string> customer_reference;

  static constexpr std::array<std::string_view, 9> json_fields{
      "message_id", "account_servicer_reference", "payment_information_id", "instruction_id",
      "end_to_end_id", "uetr", "mandate_id", "cheque_number", "customer_reference"};
};

// CcyXchg of a converted payment (the bank's rate; see the schema for the rate's direction).
struct currency_exchange {
  std::string source_currency;
  std::optional<std::string> target_currency;
  std::optional<std::string> unit_currency;
  decimal rate;
  std::optional<std::string> contract_id;

  static constexpr std::array<std::string_view, 5> json_fields{
      "source_currency", "target_currency", "unit_currency", "rate", "contract_id"};
};

struct transaction_details {
  std::optional<contract::entry_references> references;
  std::optional<money> amount;
  std::optional<std::string> credit_debit;
  std::optional<money> instructed_amount;  // AmtDtls/InstdAmt, when the bank converted
  std::optional<contract::currency_exchange> currency_exchange;
  std::optional<contract::party> debtor;
  std::optional<contract::bank_account> debtor_account;
  std::optional<contract::party> creditor;
  std::optional<contract::bank_account> creditor_account;
  std::optional<contract::party> ultimate_debtor;
  std::optional<contract::party> ultimate_creditor;
  std::optional<contract::remittance> remittance;
  std::optional<std::string> return_reason;
  std::optional<std::string> additional_information;

  static constexpr std::array<std::string_view, 14> json_fields{
      "references", "amount", "credit_debit", "instructed_amount", "currency_exchange",
      "debtor", "debtor_account", "creditor",
      "creditor_account", "ultimate_debtor", "ultimate_creditor", "remittance", "return_reason",
      "additional_information"};
};

struct statement_entry {
  std::optional<std::string> entry_reference;
  money amount;
  std::string credit_debit;
  std::optional<bool> reversal;
  std::string status;
  std::optional<std::string> booking_date;
  std::optional<std::string> value_date;
  std::optional<std::string> account_servicer_reference;
  std::optional<contract::bank_transaction_code> bank_transaction_code;
  std::optional<contract::entry_batch> batch;
  std::vector<contract::transaction_details> details;
  std::optional<std::string> additional_information;

  static constexpr std::array<std::string_view, 12> json_fields{
      "entry_reference", "amount", "credit_debit", "reversal", "status", "booking_date",
      "value_date", "account_servicer_reference", "bank_transaction_code", "batch", "details",
      "additional_information"};
};

struct bank_statement {
  std::optional<std::string> id;
  std::map<std::string, std::string> external_refs;
  contract::source_ref source;
  std::string kind;
  std::optional<std::string> format;
  std::optional<std::string> message_id;
  std::string statement_id;
  std::optional<std::string> electronic_sequence_number;
  std::optional<std::string> legal_sequence_number;
  std::optional<std::string> created_at_bank;
  std::optional<std::string> from_date;
  std::optional<std::string> to_date;
  std::optional<std::string> copy_duplicate;
  std::optional<contract::statement_page> page;
  contract::bank_account account;
  std::optional<contract::party> account_owner;
  std::vector<contract::statement_balance> balances;
  std::vector<contract::statement_entry> entries;
  std::optional<std::string> additional_information;
  std::optional<std::string> created_at;
  std::optional<std::string> updated_at;

  static constexpr std::array<std::string_view, 21> json_fields{
      "id", "external_refs", "source", "kind", "format", "message_id", "statement_id",
      "electronic_sequence_number", "legal_sequence_number", "created_at_bank", "from_date",
      "to_date", "copy_duplicate", "page", "account", "account_owner", "balances", "entries",
      "additional_information", "created_at", "updated_at"};
};

}  // namespace erpc::contract
