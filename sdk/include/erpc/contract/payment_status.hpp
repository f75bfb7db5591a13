// SPDX-License-Identifier: Apache-2.0
// Canonical payment_status (payment_status.schema.json) as C++ types.
// Member names are the JSON names; json_fields lists them so contract_drift_test can
// compare them with the schema in both directions.
// JSON reading/writing: payment_status_json.hpp.
#pragma once

#include <erpc/contract/common_types.hpp>
#include <erpc/contract/payment_state.hpp>
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

struct status_reason {
  std::optional<std::string> code;
  std::optional<std::string> proprietary;
  std::vector<std::string> additional_information;

  static constexpr std::array<std::string_view, 3> json_fields{
      "code", "proprietary", "additional_information"};
};

struct payment_status {
  std::optional<std::string> id;
  std::map<std::string, std::string> external_refs;
  contract::source_ref source;
  std::optional<contract::document_ref> payment;
  std::optional<contract::payment_references> references;
  std::string level;
  payment_state status = payment_state::initiated;
  std::optional<payment_state> previous_status;
  std::optional<std::string> bank_status;
  std::vector<contract::status_reason> reasons;
  std::optional<std::string> status_at;
  std::optional<std::string> account_servicer_reference;
  std::optional<money> amount;
  std::optional<std::string> created_at;
  std::optional<std::string> updated_at;
  std::optional<std::string> etag;

  static constexpr std::array<std::string_view, 16> json_fields{
      "id", "external_refs", "source", "payment", "references", "level", "status",
      "previous_status", "bank_status", "reasons", "status_at", "account_servicer_reference",
      "amount", "created_at", "updated_at", "etag"};
};

}  // namespace erpc::contract
