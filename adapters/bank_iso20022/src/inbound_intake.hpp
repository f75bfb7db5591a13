// SPDX-License-Identifier: Apache-2.0
// Taking in the inbound folder exactly once (BANK_CONTRACT.md "inbound_dir"). Every new or
// changed file (by name, size, mtime, then SHA-256) is read once under the state lock:
//   pain.002 → per-transaction PaymentStatus changes (forward-only, BANKING.md "pain.002")
//              appended to <state_dir>/statuses/<seq>.json
//   camt.052/053/054, MT940, BAI2 → statements new by identity appended to
//              <state_dir>/statements/<seq>.json; an identical re-delivery or a CpyDplctInd copy
//              is not appended again; the same identity with other content is a problem
// A file that cannot be read, or that conflicts, is copied to <state_dir>/quarantine/ with an
// .error.json and recorded as a problem; the rest of the folder still flows. Problems are
// raised once, as the error of the next list call of their kind (README "Problems").
// The index, counters and problems live in <state_dir>/intake.json, rewritten atomically after
// each file, so a crash repeats at most the file it was on — and its records are keyed by
// identity, so repeating it adds nothing.
#pragma once

#include "bank_file_config.hpp"

#include <erpc/call_context.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace erpc::bank_file {

inline constexpr char problem_kind_statement[] = "BankStatement";
inline constexpr char problem_kind_status[] = "PaymentStatus";

class inbound_intake {
 public:
  // Loads <state_dir>/intake.json (the caller holds the state lock).
  explicit inbound_intake(const connection_config& config);

  // Reads every inbound file not taken in yet.
  void take_in(call_context& ctx);

  // Throws the problems of `kind` not raised yet (marking them raised): class and code of the
  // first, every file as a field error "/inbound/<file>". Returns when there are none.
  void raise_new_problems(std::string_view kind);

  std::uint64_t statement_count() const { return state_.value("statement_seq", std::uint64_t{0}); }
  std::uint64_t status_count() const { return state_.value("status_seq", std::uint64_t{0}); }

  // Whether every transaction of a sent generation (its record entry) is rejected or
  // cancelled per the pain.002 reports taken in: the condition for the next generation.
  bool generation_rejected(const nlohmann::json& generation) const;

 private:
  void take_in_file(const std::string& name, const std::string& bytes, call_context& ctx);
  void take_in_pain002(const std::string& name, const std::string& bytes);
  void take_in_statements(const std::string& name, const std::string& bytes, call_context& ctx);
  void add_problem(std::string_view kind, const std::string& file, const std::string& bytes,
                   error_class cls, const std::string& code, const std::string& message);
  void save();

  const connection_config& config_;
  nlohmann::json state_;
};

}  // namespace erpc::bank_file
