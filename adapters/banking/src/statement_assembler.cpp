// SPDX-License-Identifier: Apache-2.0
#include "statement_assembler.hpp"

#include "statement_failure.hpp"

#include <erpc/banking/statement_identity.hpp>
#include <erpc/currency.hpp>

#include <utility>

namespace erpc::banking::detail {

decimal signed_value(const money& amount, const std::string& credit_debit) {
  return credit_debit == "DBIT" ? -amount.amount : amount.amount;
}

void statement_assembler::check_currency(const money& m, std::uint64_t line) const {
  if (!is_currency_code(m.currency)) {
    fail("statement.currency_invalid", line, quote(m.currency) + " is not an ISO 4217 code");
  }
  if (header_.account.currency && *header_.account.currency != m.currency) {
    fail("statement.currency_mismatch", line,
         "amount in " + m.currency + " on an account kept in " + *header_.account.currency);
  }
}

void statement_assembler::begin(contract::bank_statement header,
                                std::vector<std::uint64_t> balance_lines, std::uint64_t line) {
  header_ = std::move(header);
  header_.entries.clear();
  balance_lines_ = std::move(balance_lines);
  balance_lines_.resize(header_.balances.size(), line);
  // With no account currency the first balance sets it, so entries are checked against it.
  if (!header_.account.currency && !header_.balances.empty()) {
    header_.account.currency = header_.balances.front().amount.currency;
  }
  for (std::size_t i = 0; i < header_.balances.size(); ++i) {
    check_currency(header_.balances[i].amount, balance_lines_[i]);
  }
  account_key_ = account_key(header_.account);
  first_line_ = line;
  entries_ = 0;
  booked_ = decimal{};
  content_occurrences_.clear();
  open_ = true;
  sink_.begin_statement(header_);
}

void statement_assembler::add_balance(contract::statement_balance balance, std::uint64_t line) {
  if (!header_.account.currency) header_.account.currency = balance.amount.currency;
  check_currency(balance.amount, line);
  header_.balances.push_back(std::move(balance));
  balance_lines_.push_back(line);
}

void statement_assembler::add_entry(contract::statement_entry entry, std::uint64_t line) {
  check_currency(entry.amount, line);
  if (entry.status == "BOOK") booked_ += signed_value(entry.amount, entry.credit_debit);
  std::string identity;
  if (has_reference_identity(entry)) {
    identity = entry_identity_for_key(account_key_, entry);
  } else {
    // Identical content within one statement: the n-th copy is the n-th entry, not a repeat.
    const auto first = entry_identity_for_key(account_key_, entry, 0);
    const auto n = content_occurrences_[first]++;
    identity = n == 0 ? first : entry_identity_for_key(account_key_, entry, n);
  }
  ++entries_;
  sink_.entry(std::move(entry), identity);
}

void statement_assembler::end(std::string identity, statement_disposition disposition,
                              std::uint64_t line) {
  // Mirrors the contract invariant bank_statement.balance_mismatch: opening OPBD or PRCD (or an
  // ITBD opening a later page), closing CLBD (or an ITBD closing an earlier page).
  std::optional<std::size_t> opening, closing, interim;
  for (std::size_t i = 0; i < header_.balances.size(); ++i) {
    const auto& type = header_.balances[i].type;
    if ((type == "OPBD" || type == "PRCD") && !opening) opening = i;
    if (type == "CLBD" && !closing) closing = i;
    if (type == "ITBD" && !interim) interim = i;
  }
  if (!opening && interim && closing) opening = interim;
  if (!closing && interim && opening && *opening != *interim) closing = interim;
  if (opening && closing) {
    const auto& o = header_.balances[*opening];
    const auto& c = header_.balances[*closing];
    const decimal expected = signed_value(o.amount, o.credit_debit) + booked_;
    const decimal stated = signed_value(c.amount, c.credit_debit);
    if (expected != stated) {
      fail("statement.balance_mismatch", balance_lines_[*closing],
           o.type + " " + signed_value(o.amount, o.credit_debit).to_string() +
               " + booked entries " + booked_.to_string() + " = " + expected.to_string() +
               ", but " + c.type + " is " + stated.to_string() + " " + c.amount.currency);
    }
  }
  (void)line;
  statement_summary summary;
  summary.statement = std::move(header_);
  summary.identity = std::move(identity);
  summary.disposition = disposition;
  summary.first_line = first_line_;
  summary.entry_count = entries_;
  open_ = false;
  header_ = {};
  sink_.end_statement(std::move(summary));
}

}  // namespace erpc::banking::detail
