#pragma once
// What `erpc audit verify` found: every problem with its connection and seq, and a summary per
// connection. ok() when there is no problem.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace erpc {

enum class audit_problem_kind {
  entry_edited,  // the entry's MAC does not match its content
  entries_missing,  // a seq gap: entries were deleted (seq = first missing)
  chain_broken,  // prev_mac is not the previous entry's mac
  head_mismatch,  // audit_heads disagrees with the last entry
  tail_truncated,  // a checkpoint, anchor or head row reaches beyond the last entry
  history_rewritten,  // the entry at an anchored seq has another mac than the anchor
  checkpoint_forged,  // an audit_checkpoints row whose signature is wrong
  anchor_forged,  // an anchor line whose signature is wrong
  anchor_missing,  // a genuine checkpoint row with no line in the anchor file
  anchor_unreadable,  // an anchor line that is not a checkpoint (seq = line number)
};

std::string_view to_string(audit_problem_kind kind) noexcept;

struct audit_problem {
  audit_problem_kind kind;
  std::string connection;
  std::int64_t seq = 0;
  std::string message;

  friend bool operator==(const audit_problem&, const audit_problem&) = default;
};

struct audit_connection_summary {
  std::string connection;
  std::int64_t entries = 0;  // rows read
  std::int64_t last_seq = 0;  // highest seq in the database
  std::int64_t anchored_seq = 0;  // highest seq covered by a genuine anchor line
};

struct audit_verify_report {
  std::vector<audit_problem> problems;
  std::vector<audit_connection_summary> connections;
  bool anchor_file_present = false;

  bool ok() const noexcept { return problems.empty(); }
  // Problems of one kind, for tests and the CLI's exit status.
  std::vector<audit_problem> of_kind(audit_problem_kind kind) const;
};

// {"ok", "anchor_file_present", "connections": [...], "problems": [{"kind","connection","seq",
// "message"}]}
nlohmann::json to_json(const audit_verify_report& report);

}  // namespace erpc
