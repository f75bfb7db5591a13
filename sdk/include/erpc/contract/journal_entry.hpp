// SPDX-License-Identifier: Apache-2.0
// Canonical journal_entry (journal_entry.schema.json) as C++ types.
// Member names are the JSON names; json_fields lists them so contract_drift_test can
// compare them with the schema in both directions.
// JSON reading/writing: journal_entry_json.hpp.
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

struct journal_line {
  std::optional<std::int64_t> line_number;
  std::string account;
  std::string side;
  money amount;
  money functional_amount;
  std::optional<decimal> exchange_rate;
  std::optional<std::string> description;
  std::optional<std::string> tax_code;
  std::optional<contract::document_ref> counterparty;
  std::map<std::string, std::string> dimensions;

  static constexpr std::array<std::string_view, 10> json_fields{
      "line_number", "account", "side", "amount", "functional_amount", "exchange_rate",
      "description", "tax_code", "counterparty", "dimensions"};
};

struct journal_entry {
  std::optional<std::string> id;
  std::map<std::string, std::string> external_refs;
  contract::source_ref source;
  std::string legal_entity;
  std::optional<std::string> document_number;
  std::optional<std::string> reference;
  std::string posting_date;
  std::optional<std::string> document_date;
  std::optional<std::string> period;
  std::string functional_currency;
  std::optional<std::string> description;
  std::optional<contract::document_ref> reversal_of;
  std::vector<contract::journal_line> lines;
  std::optional<std::string> notes;
  std::optional<std::string> created_at;
  std::optional<std::string> updated_at;
  std::optional<std::string> etag;

  static constexpr std::array<std::string_view, 17> json_fields{
      "id", "external_refs", "source", "legal_entity", "document_number", "reference",
      "posting_date", "document_date", "period", "functional_currency", "description",
      "reversal_of", "lines", "notes", "created_at", "updated_at", "etag"};
};

}  // namespace erpc::contract
