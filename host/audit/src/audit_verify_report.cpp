#include <erpc/host/audit_verify_report.hpp>

namespace erpc {

std::string_view to_string(audit_problem_kind kind) noexcept {
  switch (kind) {
    case audit_problem_kind::entry_edited:
      return "entry_edited";
    case audit_problem_kind::entries_missing:
      return "entries_missing";
    case audit_problem_kind::chain_broken:
      return "chain_broken";
    case audit_problem_kind::head_mismatch:
      return "head_mismatch";
    case audit_problem_kind::tail_truncated:
      return "tail_truncated";
    case audit_problem_kind::history_rewritten:
      return "history_rewritten";
    case audit_problem_kind::checkpoint_forged:
      return "checkpoint_forged";
    case audit_problem_kind::anchor_forged:
      return "anchor_forged";
    case audit_problem_kind::anchor_missing:
      return "anchor_missing";
    case audit_problem_kind::anchor_unreadable:
      return "anchor_unreadable";
  }
  return "unknown";
}

std::vector<audit_problem> audit_verify_report::of_kind(audit_problem_kind kind) const {
  std::vector<audit_problem> out;
  for (const auto& p : problems) {
    if (p.kind == kind) out.push_back(p);
  }
  return out;
}

nlohmann::json to_json(const audit_verify_report& report) {
  nlohmann::json connections = nlohmann::json::array();
  for (const auto& c : report.connections) {
    connections.push_back({{"connection", c.connection},
                           {"entries", c.entries},
                           {"last_seq", c.last_seq},
                           {"anchored_seq", c.anchored_seq}});
  }
  nlohmann::json problems = nlohmann::json::array();
  for (const auto& p : report.problems) {
    problems.push_back({{"kind", std::string(to_string(p.kind))},
                        {"connection", p.connection},
                        {"seq", p.seq},
                        {"message", p.message}});
  }
  return {{"ok", report.ok()},
          {"anchor_file_present", report.anchor_file_present},
          {"connections", std::move(connections)},
          {"problems", std::move(problems)}};
}

}  // namespace erpc
