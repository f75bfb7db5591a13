// SPDX-License-Identifier: Apache-2.0
// One end-of-day statement of one account as the simulated bank books it, before it is written
// in a format (camt.053 .08/.02, MT940, BAI2: statement_writers.hpp). Amounts are exact
// decimals; balances are signed (negative = debit balance); dates are bank-local YYYY-MM-DD.
#pragma once

#include <erpc/decimal.hpp>

#include <optional>
#include <string>
#include <vector>

namespace erpc::sim::bank {

enum class line_kind { payment, charges, return_credit };

// A payment inside an entry (camt TxDtls; MT940 :86:; BAI2 customer reference).
struct booked_transaction {
  std::string message_id;
  std::string payment_information_id;
  std::string instruction_id;
  std::string end_to_end_id;
  decimal amount;  // the payment's own amount (without charges)
  std::string counterparty_name;
  std::string counterparty_account;
  std::string remittance;         // unstructured line, or the structured reference
  std::string return_reason;      // return_credit only, e.g. "AC04"
  // A foreign-currency payment the bank converted (setting fx.rates): `amount` is then in the
  // account's currency, the instructed amount in its own, at `exchange_rate` units of the
  // account currency per unit of the instructed one (camt AmtDtls/InstdAmt + CcyXchg).
  std::string instructed_currency;  // "" when not converted
  decimal instructed_amount;
  decimal exchange_rate;
};

struct statement_line {
  line_kind kind = line_kind::payment;
  std::string account_servicer_reference;  // unique per bank, ≤ 16 characters (MT940)
  decimal amount;                          // positive; the direction is `credit`
  bool credit = false;
  std::string booking_date;
  std::string value_date;
  // A batch booking: one entry for a PmtInf (camt NtryDtls/Btch).
  struct batch_info {
    std::string message_id;
    std::string payment_information_id;
    std::size_t number_of_transactions = 0;
    decimal total;
  };
  std::optional<batch_info> batch;
  std::vector<booked_transaction> transactions;
  bool write_transaction_details = true;  // camt TxDtls (omissible for batches, by setting)
  std::string additional_information;
};

struct statement_account {
  std::string iban;
  std::string bic;
  std::string currency;
  std::string owner_name;
};

struct statement_content {
  std::string message_id;        // camt GrpHdr/MsgId; MT940 :20:
  std::string statement_id;      // camt Stmt/Id
  std::uint32_t sequence_number = 1;  // camt ElctrncSeqNb; MT940 :28C:; BAI2 file id
  std::string creation_date_time;     // bank-local, YYYY-MM-DDTHH:MM:SS
  std::string business_date;          // the day the statement covers
  statement_account account;
  decimal opening_balance;
  decimal closing_balance;
  std::vector<statement_line> lines;
  std::string bai2_sender = "SIMBANK";
  std::string bai2_receiver = "ERPC";
};

// Opening + signed lines; the writers refuse content whose closing balance is not this.
decimal computed_closing(const statement_content& s);

}  // namespace erpc::sim::bank
