// SPDX-License-Identifier: Apache-2.0
// The checks every reader shares, applied while entries stream through to the sink: currencies
// agree, BOOK entries are summed (PDNG/INFO/FUTR are not), and at the end opening + booked
// entries = closing (BANKING.md "Balances"). Entry identities are assigned here.
#pragma once

#include <erpc/banking/statement_reader.hpp>
#include <erpc/decimal.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace erpc::banking::detail {

class statement_assembler {
 public:
  explicit statement_assembler(statement_sink& sink) : sink_(sink) {}

  bool open() const noexcept { return open_; }

  // header: account and identity fields, and the balances known so far (each with its line in
  // balance_lines, same order). Tells the sink.
  void begin(contract::bank_statement header, std::vector<std::uint64_t> balance_lines,
             std::uint64_t line);
  void add_balance(contract::statement_balance balance, std::uint64_t line);
  void add_entry(contract::statement_entry entry, std::uint64_t line);
  // Balance check, then sink.end_statement. `identity`: statement_identity.hpp.
  void end(std::string identity, statement_disposition disposition, std::uint64_t line);

  // The header as the reader filled it, for fields it learns late (camt: none; MT940: closing).
  contract::bank_statement& header() noexcept { return header_; }
  // Sum of BOOK entries so far, credit positive.
  const decimal& booked() const noexcept { return booked_; }

 private:
  void check_currency(const money& m, std::uint64_t line) const;

  statement_sink& sink_;
  bool open_ = false;
  contract::bank_statement header_;
  std::vector<std::uint64_t> balance_lines_;
  std::string account_key_;
  std::uint64_t first_line_ = 0;
  std::size_t entries_ = 0;
  decimal booked_;
  std::map<std::string, std::size_t> content_occurrences_;
};

// Signed value of a balance or entry: CRDT positive, DBIT negative.
decimal signed_value(const money& amount, const std::string& credit_debit);

}  // namespace erpc::banking::detail
