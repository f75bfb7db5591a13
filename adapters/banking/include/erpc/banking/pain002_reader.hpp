// SPDX-License-Identifier: Apache-2.0
// pain.002 (Customer Payment Status Report) .001.03, .001.10 and .001.11 → canonical
// PaymentStatus (BANKING.md "pain.002", vendors.md §6.3). The reader streams the XML with
// libxml2 (no DTD, no entities, no network; size, depth and value limits) and keeps what the
// report says at each level; resolve_transaction_statuses then gives each transaction of the
// original pain.001 its status by precedence TxSts > PmtInfSts > GrpSts. Codes:
// docs/bank-payments.md.
#pragma once

#include <erpc/contract/payment_status.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace erpc::banking {

struct pain002_limits {
  std::size_t max_bytes = std::size_t{64} << 20;  // status reports are small; 64 MiB is generous
  int max_xml_depth = 32;                        // pain.002 nests about 10 levels deep
  std::size_t max_field_bytes = 4096;            // the longest pain.002 text is 140 characters
  std::size_t max_transactions = 1'000'000;
};

// Transactions a PART status does not list (BANKING.md: "follow a bank setting"): some banks
// list only the rejected ones (the rest were accepted), others report the rest later.
enum class unlisted_under_part {
  unchanged,  // no status for them from this report
  accepted,   // the bank lists only exceptions: unlisted means accepted
};

struct pain002_options {
  std::string source_system = "bank_file";
  std::string source_id;  // e.g. the file name; empty: none
  pain002_limits limits;
  unlisted_under_part part_unlisted = unlisted_under_part::unchanged;
};

// The bank status code (RCVD, ACTC, ..., PART) as a canonical state; std::nullopt for a code
// outside the BANKING.md mapping.
std::optional<contract::payment_state> payment_state_for_bank_status(std::string_view code);

struct pain002_status_block {
  std::optional<std::string> bank_status;  // GrpSts / PmtInfSts / TxSts
  std::vector<contract::status_reason> reasons;
};

struct pain002_transaction {
  std::optional<std::string> original_instruction_id;
  std::optional<std::string> original_end_to_end_id;
  std::optional<std::string> original_uetr;
  std::optional<std::string> status_id;
  std::optional<std::string> account_servicer_reference;
  std::optional<std::string> acceptance_date_time;
  pain002_status_block status;
  std::uint64_t line = 0;
};

struct pain002_payment_information {
  std::string original_payment_information_id;
  pain002_status_block status;
  std::vector<pain002_transaction> transactions;
};

struct pain002_report {
  std::string version;  // "pain.002.001.10"
  std::string message_id;
  std::string creation_date_time;
  std::string original_message_id;
  std::string original_message_name;
  pain002_status_block group;
  std::vector<pain002_payment_information> payment_information;
};

pain002_report read_pain002(std::string_view xml, const pain002_options& options = {});

// One transaction of the original pain.001, as the writer reported it (written_transaction).
struct sent_transaction {
  std::string payment_information_id;
  std::optional<std::string> instruction_id;
  std::string end_to_end_id;
};

// A canonical PaymentStatus (level "transaction", references filled) for every sent transaction
// the report gives a status to, in the order of `sent`: its TxSts, else its block's PmtInfSts,
// else GrpSts; a PART status stands for the transactions it lists, the others follow
// options.part_unlisted. Reasons are those of the level the status came from. Throws
// VALIDATION "pain002.original_message_mismatch" when the report is about another MsgId, and
// "pain002.unknown_transaction" when it lists a transaction that was not sent.
std::vector<contract::payment_status> resolve_transaction_statuses(
    const pain002_report& report, std::string_view sent_message_id,
    const std::vector<sent_transaction>& sent, const pain002_options& options = {});

}  // namespace erpc::banking
