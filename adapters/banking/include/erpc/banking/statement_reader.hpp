// SPDX-License-Identifier: Apache-2.0
// What every statement reader (camt.053/052/054, MT940, BAI2) shares: limits, the sink that
// receives statements one entry at a time (so a 200 MB file never sits in memory), and the
// collected form for callers that want whole statements. Rules: BANKING.md "Statements";
// error codes: docs/bank-statements.md.
#pragma once

#include <erpc/contract/bank_statement.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace erpc::banking {

struct statement_limits {
  std::uint64_t max_bytes = std::uint64_t{1} << 30;  // a whole file; 200 MB camt files exist
  int max_xml_depth = 64;                            // camt nests about 12 levels deep
  std::size_t max_line_bytes = 64 * 1024;            // one MT940/BAI2 line or record
  std::size_t max_field_bytes = 64 * 1024;           // one XML text value
};

struct read_options {
  std::string source_system = "bank_file";  // source.system of every statement
  std::string source_id;                    // source.id, e.g. the file name; empty: none
  statement_limits limits;
};

// What a booking step may do with a statement (BANKING.md "Identity" and "BAI2").
enum class statement_disposition {
  book,          // BOOK entries may be booked, once each
  copy,          // camt CpyDplctInd: a copy of a statement already delivered, never books again
  test,          // BAI2 group status 4: never books
  needs_review,  // BAI2 group status 2 (deletion) or 3 (correction): goes to a person
};

std::string_view to_string(statement_disposition d) noexcept;

// Everything about one statement except its entries, which went to statement_sink::entry.
struct statement_summary {
  contract::bank_statement statement;  // entries empty; every balance the file gave
  std::string identity;                // statement identity (statement_identity.hpp)
  statement_disposition disposition = statement_disposition::book;
  std::uint64_t first_line = 0;        // where the statement starts in the file
  std::size_t entry_count = 0;
};

// Receives statements in file order. begin_statement → entry* → end_statement; end_statement
// comes only after every check of the statement passed (balances, totals, counts). A reader that
// throws leaves the open statement unfinished: a consumer must treat entries it has seen since
// the last end_statement as provisional and discard them on an exception.
class statement_sink {
 public:
  virtual ~statement_sink() = default;
  // The statement as far as the file has told it: account, identity fields, and the balances
  // that precede the entries (camt: all; MT940: the opening ones; BAI2: all). entries is empty.
  virtual void begin_statement(const contract::bank_statement& header) = 0;
  virtual void entry(contract::statement_entry&& entry, std::string_view identity) = 0;
  virtual void end_statement(statement_summary&& summary) = 0;
};

// A whole statement, collected.
struct parsed_statement {
  contract::bank_statement statement;
  std::string identity;
  std::vector<std::string> entry_identities;  // one per statement.entries element
  statement_disposition disposition = statement_disposition::book;
  std::uint64_t first_line = 0;
};

// A sink that keeps every statement in memory: for files of ordinary size and for tests.
class collecting_sink final : public statement_sink {
 public:
  void begin_statement(const contract::bank_statement& header) override;
  void entry(contract::statement_entry&& entry, std::string_view identity) override;
  void end_statement(statement_summary&& summary) override;

  std::vector<parsed_statement>& statements() noexcept { return done_; }

 private:
  std::vector<contract::statement_entry> entries_;
  std::vector<std::string> identities_;
  std::vector<parsed_statement> done_;
};

}  // namespace erpc::banking
