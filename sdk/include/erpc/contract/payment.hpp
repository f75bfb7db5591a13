// SPDX-License-Identifier: Apache-2.0
// Canonical payment (payment.schema.json) as C++ types.
// Member names are the JSON names; json_fields lists them so contract_drift_test can
// compare them with the schema in both directions.
// JSON reading/writing: payment_json.hpp.
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

struct payment_fx {
  decimal rate;
  std::string source_currency;
  std::string target_currency;
  std::optional<std::string> contract_id;

  static constexpr std::array<std::string_view, 4> json_fields{
      "rate", "source_currency", "target_currency", "contract_id"};
};

struct short_payment {
  money amount;
  std::optional<std::string> reason_code;
  std::optional<std::string> reason;

  static constexpr std::array<std::string_view, 3> json_fields{
      "amount", "reason_code", "reason"};
};

struct payment_application {
  std::string document_type;
  contract::document_ref document;
  std::optional<std::string> invoice_number;
  money amount;
  std::optional<money> discount_taken;
  std::optional<money> withholding;
  std::optional<contract::short_payment> short_payment;

  static constexpr std::array<std::string_view, 7> json_fields{
      "document_type", "document", "invoice_number", "amount", "discount_taken", "withholding",
      "short_payment"};
};

struct payment {
  std::optional<std::string> id;
  std::map<std::string, std::string> external_refs;
  contract::source_ref source;
  std::optional<std::string> legal_entity;
  std::string direction;
  std::optional<std::string> method;
  std::optional<std::string> document_number;
  money amount;
  std::optional<money> debit_amount;
  std::optional<contract::payment_fx> fx;
  std::optional<std::string> requested_execution_date;
  std::optional<std::string> value_date;
  std::optional<contract::party> debtor;
  std::optional<contract::bank_account> debtor_account;
  std::optional<contract::party> creditor;
  std::optional<contract::bank_account> creditor_account;
  std::optional<contract::party> ultimate_debtor;
  std::optional<contract::party> ultimate_creditor;
  std::optional<std::string> charge_bearer;
  std::optional<contract::payment_references> references;
  std::optional<contract::remittance> remittance;
  std::optional<std::string> purpose_code;
  std::optional<std::string> category_purpose;
  std::optional<std::string> clearing_account;
  std::vector<contract::payment_application> applications;
  std::optional<std::string> notes;
  std::optional<std::string> created_at;
  std::optional<std::string> updated_at;
  std::optional<std::string> etag;

  static constexpr std::array<std::string_view, 29> json_fields{
      "id", "external_refs", "source", "legal_entity", "direction", "method", "document_number",
      "amount", "debit_amount", "fx", "requested_execution_date", "value_date", "debtor",
      "debtor_account", "creditor", "creditor_account", "ultimate_debtor", "ultimate_creditor",
      "charge_bearer", "references", "remittance", "purpose_code", "category_purpose",
      "clearing_account", "applications", "notes", "created_at", "updated_at", "etag"};
};

}  // namespace erpc::contract
