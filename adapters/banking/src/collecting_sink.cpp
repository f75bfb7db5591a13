// SPDX-License-Identifier: Apache-2.0
#include <erpc/banking/statement_reader.hpp>

#include <utility>

namespace erpc::banking {

std::string_view to_string(statement_disposition d) noexcept {
  switch (d) {
    case statement_disposition::book: return "book";
    case statement_disposition::copy: return "copy";
    case statement_disposition::test: return "test";
    case statement_disposition::needs_review: return "needs_review";
  }
  return "needs_review";
}

void collecting_sink::begin_statement(const contract::bank_statement&) {
  entries_.clear();
  identities_.clear();
}

void collecting_sink::entry(contract::statement_entry&& entry, std::string_view identity) {
  entries_.push_back(std::move(entry));
  identities_.emplace_back(identity);
}

void collecting_sink::end_statement(statement_summary&& summary) {
  parsed_statement p;
  p.statement = std::move(summary.statement);
  p.statement.entries = std::move(entries_);
  p.identity = std::move(summary.identity);
  p.entry_identities = std::move(identities_);
  p.disposition = summary.disposition;
  p.first_line = summary.first_line;
  entries_.clear();
  identities_.clear();
  done_.push_back(std::move(p));
}

}  // namespace erpc::banking
