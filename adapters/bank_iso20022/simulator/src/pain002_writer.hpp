// SPDX-License-Identifier: Apache-2.0
// pain.002 (Customer Payment Status Report) as the simulated bank sends it: .001.03, .001.10 or
// .001.11 (vendors.md §6.3), elements in XSD order. What goes in (which levels carry a status)
// is the caller's choice: a group RJCT DUPL lists no payment information, a pickup report lists
// every transaction, a settlement report lists the booked ones.
#pragma once

#include <erpc/decimal.hpp>

#include <optional>
#include <string>
#include <vector>

namespace erpc::sim::bank {

struct status_reason {
  std::string code;  // ExternalStatusReason1Code, e.g. "AC01"
  std::string additional_information;  // ≤ 105 characters; "" for none
};

struct transaction_status_report {
  std::string original_instruction_id;  // "" when the pain.001 had none
  std::string original_end_to_end_id;
  std::string status;  // ACTC, ACCP, ACSC, RJCT …
  std::optional<status_reason> reason;
  std::string acceptance_date_time;  // "" for none
  std::string account_servicer_reference;
};

struct payment_information_status_report {
  std::string original_payment_information_id;
  // Of the original PmtInf; omitted when not given (a settlement report lists only part of it).
  std::optional<std::size_t> original_number_of_transactions;
  std::optional<decimal> original_control_sum;
  std::string status;  // "" for none (the transactions carry it)
  std::optional<status_reason> reason;
  std::vector<transaction_status_report> transactions;
};

struct pain002_content {
  std::string version = "pain.002.001.10";  // .03 | .10 | .11
  std::string message_id;
  std::string creation_date_time;  // ISO, no zone: the bank's local time
  std::string original_message_id;
  std::string original_message_name;  // "pain.001.001.09"
  std::string original_creation_date_time;
  std::optional<std::size_t> original_number_of_transactions;
  std::optional<decimal> original_control_sum;
  std::string group_status;  // "" for none
  std::optional<status_reason> group_reason;
  std::vector<payment_information_status_report> payment_information;
};

// Throws CONFIGURATION "bank.pain002_version_unsupported" for another version.
std::string write_pain002(const pain002_content& report);

}  // namespace erpc::sim::bank
