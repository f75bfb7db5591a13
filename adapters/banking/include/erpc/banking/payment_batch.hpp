// SPDX-License-Identifier: Apache-2.0
// The canonical PaymentBatch (schemas/v1/payment_batch.schema.json) as the pain.001 writer reads
// it: batch-level defaults (debtor, debtor account, execution date, charge bearer, batch
// booking) that each payment may override. Amounts stay exact decimals.
#pragma once

#include <erpc/contract/payment.hpp>

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace erpc::banking {

struct payment_batch {
  std::optional<std::string> id;
  std::map<std::string, std::string> external_refs;
  contract::source_ref source;
  std::optional<std::string> legal_entity;
  std::optional<std::string> message_id;
  std::optional<std::string> requested_execution_date;
  std::optional<bool> batch_booking;
  std::optional<contract::party> debtor;
  std::optional<contract::bank_account> debtor_account;
  std::optional<std::string> charge_bearer;
  std::optional<std::int64_t> number_of_transactions;
  std::optional<decimal> control_sum;
  std::vector<contract::payment> payments;
};

// Reads a PaymentBatch document (validate it with the host's contract_validator first to get
// every schema finding at once); a missing or mistyped member throws VALIDATION
// "contract.decode".
payment_batch payment_batch_from_json(const nlohmann::json& document);

}  // namespace erpc::banking
