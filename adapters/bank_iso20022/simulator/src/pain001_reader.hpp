// SPDX-License-Identifier: Apache-2.0
// The bank's side of pain.001 (vendors.md §6.2): what a bank reads from a Customer Credit
// Transfer Initiation to accept, reject and book it. Versions .001.03, .001.09 and .001.10,
// whose paths agree for what is read here except ReqdExctnDt (plain date in .03, Dt|DtTm
// choice later) and the agent BIC (BIC in .03, BICFI later); both forms are read.
// Hardened like the statement readers (erpc/banking/untrusted_xml_reader.hpp): no DTD, no
// entities, no network, size/depth/value limits. Codes pain001.* (docs/errors.md).
#pragma once

#include <erpc/banking/untrusted_xml_reader.hpp>
#include <erpc/decimal.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace erpc::sim::bank {

struct pain001_transaction {
  std::string instruction_id;  // "" when the file has none
  std::string end_to_end_id;
  std::string uetr;
  decimal amount;
  std::string currency;
  std::string creditor_name;
  std::string creditor_account;  // IBAN, or Othr/Id
  std::string creditor_bic;
  std::string remittance_unstructured;  // the first Ustrd
  std::string remittance_reference;     // Strd/CdtrRefInf/Ref
};

struct pain001_payment_information {
  std::string payment_information_id;
  std::optional<bool> batch_booking;  // absent: the bank's agreement decides
  std::string requested_execution_date;  // YYYY-MM-DD (the date part of a DtTm)
  std::string debtor_name;
  std::string debtor_account;  // IBAN, or Othr/Id
  std::string debtor_bic;
  std::string charge_bearer;
  std::vector<pain001_transaction> transactions;
  decimal total() const;
};

struct pain001_message {
  std::string message_name;  // "pain.001.001.09"
  std::string message_id;
  std::string creation_date_time;
  std::string initiating_party_name;
  std::size_t number_of_transactions = 0;
  std::optional<decimal> control_sum;
  std::vector<pain001_payment_information> payment_information;
};

// Throws erpc::error(VALIDATION, "pain001.*") naming the line: the XML guard's codes, and
// not_pain001, message_version_unsupported, missing_element, amount_invalid, currency_invalid,
// count_mismatch, control_sum_mismatch.
pain001_message read_pain001(std::string_view xml,
                             const banking::untrusted_xml_limits& limits = {});

// The group header only (message name, MsgId, CreDtTm), for answering a file whose content
// read_pain001 refused: std::nullopt when even that cannot be read (not XML, DTD, not pain.001,
// no MsgId). Never throws erpc::error for bad input.
struct pain001_header {
  std::string message_name;
  std::string message_id;
  std::string creation_date_time;
};
std::optional<pain001_header> read_pain001_header(
    std::string_view xml, const banking::untrusted_xml_limits& limits = {});

}  // namespace erpc::sim::bank
