// SPDX-License-Identifier: Apache-2.0
// Shared canonical building blocks (common.schema.json) as C++ types.
// Member names are the JSON names; json_fields lists them so contract_drift_test can
// compare them with the schema in both directions.
// JSON reading/writing: common_types_json.hpp.
#pragma once

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

struct postal_address {
  std::optional<std::string> street_name;
  std::optional<std::string> building_number;
  std::optional<std::string> postal_code;
  std::optional<std::string> town_name;
  std::optional<std::string> country_sub_division;
  std::optional<std::string> country;
  std::vector<std::string> address_lines;

  static constexpr std::array<std::string_view, 7> json_fields{
      "street_name", "building_number", "postal_code", "town_name", "country_sub_division",
      "country", "address_lines"};
};

struct organisation_id {
  std::string id;
  std::optional<std::string> scheme;
  std::optional<std::string> issuer;

  static constexpr std::array<std::string_view, 3> json_fields{
      "id", "scheme", "issuer"};
};

struct party {
  std::optional<std::string> id;
  std::optional<std::string> number;
  std::optional<std::string> name;
  std::optional<std::string> tax_id;
  std::optional<std::string> lei;
  std::optional<contract::organisation_id> organisation_id;
  std::optional<contract::postal_address> postal_address;
  std::map<std::string, std::string> external_refs;

  static constexpr std::array<std::string_view, 8> json_fields{
      "id", "number", "name", "tax_id", "lei", "organisation_id", "postal_address",
      "external_refs"};
};

struct other_account_id {
  std::string id;
  std::optional<std::string> scheme;

  static constexpr std::array<std::string_view, 2> json_fields{
      "id", "scheme"};
};

struct bank_account {
  std::optional<std::string> iban;
  std::optional<contract::other_account_id> other;
  std::optional<std::string> bic;
  std::optional<std::string> currency;
  std::optional<std::string> name;
  std::optional<std::string> bank_name;

  static constexpr std::array<std::string_view, 6> json_fields{
      "iban", "other", "bic", "currency", "name", "bank_name"};
};

struct payment_terms {
  std::optional<std::string> code;
  std::optional<std::int64_t> net_days;
  std::optional<decimal> discount_percent;
  std::optional<std::int64_t> discount_days;
  std::optional<std::string> discount_date;
  std::optional<std::string> description;

  static constexpr std::array<std::string_view, 6> json_fields{
      "code", "net_days", "discount_percent", "discount_days", "discount_date", "description"};
};

struct creditor_reference {
  std::optional<std::string> type;
  std::optional<std::string> issuer;
  std::string reference;

  static constexpr std::array<std::string_view, 3> json_fields{
      "type", "issuer", "reference"};
};

struct referred_document {
  std::optional<std::string> type;
  std::string number;
  std::optional<std::string> date;
  std::optional<money> amount;

  static constexpr std::array<std::string_view, 4> json_fields{
      "type", "number", "date", "amount"};
};

struct structured_remittance {
  std::optional<contract::creditor_reference> creditor_reference;
  std::vector<contract::referred_document> referred_documents;
  std::optional<std::string> additional_information;

  static constexpr std::array<std::string_view, 3> json_fields{
      "creditor_reference", "referred_documents", "additional_information"};
};

struct remittance {
  std::optional<std::string> unstructured;
  std::optional<contract::structured_remittance> structured;

  static constexpr std::array<std::string_view, 2> json_fields{
      "unstructured", "structured"};
};

struct payment_references {
  std::optional<std::string> message_id;
  std::optional<std::string> payment_information_id;
  std::optional<std::string> instruction_id;
  std::optional<std::string> end_to_end_id;
  std::optional<std::string> uetr;

  static constexpr std::array<std::string_view, 5> json_fields{
      "message_id", "payment_information_id", "instruction_id", "end_to_end_id", "uetr"};
};

struct document_ref {
  std::optional<std::string> id;
  std::optional<std::string> number;
  std::map<std::string, std::string> external_refs;

  static constexpr std::array<std::string_view, 3> json_fields{
      "id", "number", "external_refs"};
};

struct source_ref {
  std::string system;
  std::optional<std::string> id;
  std::optional<std::string> uri;
  std::optional<std::string> received_at;

  static constexpr std::array<std::string_view, 4> json_fields{
      "system", "id", "uri", "received_at"};
};

}  // namespace erpc::contract
