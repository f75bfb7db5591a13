// SPDX-License-Identifier: Apache-2.0
// Canonical supplier (supplier.schema.json) as C++ types.
// Member names are the JSON names; json_fields lists them so contract_drift_test can
// compare them with the schema in both directions.
// JSON reading/writing: supplier_json.hpp.
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

struct supplier {
  std::optional<std::string> id;
  std::map<std::string, std::string> external_refs;
  contract::source_ref source;
  std::optional<std::string> legal_entity;
  std::optional<std::string> number;
  std::string name;
  std::optional<std::string> tax_id;
  std::optional<std::string> country;
  std::optional<contract::postal_address> postal_address;
  std::optional<std::string> email;
  std::optional<std::string> default_currency;
  std::optional<contract::payment_terms> payment_terms;
  std::vector<contract::bank_account> bank_accounts;
  std::optional<std::string> status;
  std::optional<bool> payment_block;
  std::optional<std::string> notes;
  std::optional<std::string> created_at;
  std::optional<std::string> updated_at;
  std::optional<std::string> etag;

  static constexpr std::array<std::string_view, 19> json_fields{
      "id", "external_refs", "source", "legal_entity", "number", "name", "tax_id", "country",
      "postal_address", "email", "default_currency", "payment_terms", "bank_accounts", "status",
      "payment_block", "notes", "created_at", "updated_at", "etag"};
};

}  // namespace erpc::contract
