// SPDX-License-Identifier: Apache-2.0
// pain.001 (Customer Credit Transfer Initiation) from a canonical PaymentBatch (BANKING.md
// "Payments out (pain.001)", vendors.md §6.2). Versions pain.001.001.03 and .001.09 (EPC SEPA
// or CGI-MP usage, per connection), pain.001.001.10 on request. Every rule violation of the
// batch is collected and thrown at once as erpc::error(VALIDATION) whose code is the first
// violation's and whose field errors point into the batch ("/payments/2/amount/amount").
// Codes: docs/bank-payments.md.
#pragma once

#include <erpc/banking/payment_batch.hpp>
#include <erpc/contract/common_types.hpp>
#include <erpc/decimal.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace erpc::banking {

enum class pain001_version { v03, v09, v10 };

// sepa: the EPC SEPA Credit Transfer rulebook on top of the message (EUR, SLEV, SEPA characters,
// TARGET days, ...). cgi_mp: the Common Global Implementation market practice (any currency,
// several structured remittance blocks).
enum class pain001_usage { sepa, cgi_mp };

// What to do with a requested execution date that is not a TARGET business day.
enum class non_business_day_policy {
  next_business_day,  // move it forward to the next TARGET business day (reported per block)
  reject,             // VALIDATION pain001.execution_date_not_business_day
};

struct pain001_options {
  pain001_version version = pain001_version::v09;
  pain001_usage usage = pain001_usage::sepa;
  std::string idempotency_key;      // of the batch; identifiers derive from it
  std::uint32_t generation = 1;     // +1 for every resubmission (payment_identifiers.hpp)
  std::string creation_date_time;   // GrpHdr/CreDtTm, ISO date-time, given for determinism
  std::optional<contract::party> initiating_party;  // default: the batch debtor
  non_business_day_policy non_business_day = non_business_day_policy::next_business_day;
  // Check execution dates against the TARGET calendar also for cgi_mp (always for sepa).
  bool target_calendar_for_cgi = false;
};

std::string_view message_name(pain001_version version) noexcept;  // "pain.001.001.09"

// Connection settings by name: "pain.001.001.03" | "pain.001.001.09" | "pain.001.001.10", and
// "sepa" | "cgi_mp". Anything else throws CONFIGURATION "pain001.version_unsupported" /
// "pain001.usage_unknown".
pain001_version pain001_version_from_name(std::string_view name);
pain001_usage pain001_usage_from_name(std::string_view name);

// One CdtTrfTxInf: which payment of the batch, and the identifiers it was written with.
struct written_transaction {
  std::size_t payment_index = 0;  // into payment_batch::payments
  contract::payment_references references;
  std::string requested_execution_date;  // after any move to a business day
};

struct written_payment_information {
  std::string payment_information_id;
  std::string requested_execution_date;
  std::optional<std::string> date_moved_from;  // set when the date was not a business day
  std::size_t number_of_transactions = 0;
  decimal control_sum;
};

struct pain001_document {
  std::string xml;            // UTF-8, XML declaration, newline-terminated elements
  std::string message_id;
  std::string message_name;   // "pain.001.001.03" ...
  std::size_t number_of_transactions = 0;
  decimal control_sum;        // the plain sum of all amounts, as written in GrpHdr/CtrlSum
  std::vector<written_payment_information> payment_information;
  std::vector<written_transaction> transactions;  // in file order
};

pain001_document write_pain001(const payment_batch& batch, const pain001_options& options);

}  // namespace erpc::banking
