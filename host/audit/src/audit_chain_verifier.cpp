#include <erpc/host/audit_chain_verifier.hpp>

#include <algorithm>
#include <utility>

namespace erpc {

audit_chain_verifier::audit_chain_verifier(const audit_chain& chain,
                                           const audit_checkpoint_signer& signer,
                                           std::string connection,
                                           std::vector<audit_checkpoint> checkpoints,
                                           std::vector<audit_anchor_line> anchors,
                                           bool anchor_file_present, audit_verify_report& report)
    : chain_(chain), connection_(std::move(connection)), report_(report) {
  std::vector<const audit_checkpoint*> genuine_anchors;
  for (const auto& a : anchors) {
    if (a.checkpoint.connection != connection_) continue;
    if (!signer.signature_valid(a.checkpoint)) {
      add_problem(audit_problem_kind::anchor_forged, a.checkpoint.seq,
                  "anchor line " + std::to_string(a.line) + " has a wrong signature");
      continue;
    }
    genuine_anchors.push_back(&a.checkpoint);
    anchored_.push_back(
        {a.checkpoint.seq, a.checkpoint.head_mac, "anchor line " + std::to_string(a.line)});
    anchored_seq_ = std::max(anchored_seq_, a.checkpoint.seq);
  }
  for (const auto& c : checkpoints) {
    if (c.connection != connection_) continue;
    if (!signer.signature_valid(c)) {
      add_problem(audit_problem_kind::checkpoint_forged, c.seq,
                  "checkpoint row at seq " + std::to_string(c.seq) + " has a wrong signature");
      continue;
    }
    // A genuine row must have been anchored first (the trail writes the anchor line before the
    // row), so a row without its line means the anchor file lost lines.
    const bool in_anchor = std::any_of(
        genuine_anchors.begin(), genuine_anchors.end(),
        [&](const audit_checkpoint* a) { return a->seq == c.seq && a->head_mac == c.head_mac; });
    if (!in_anchor) {
      add_problem(audit_problem_kind::anchor_missing, c.seq,
                  anchor_file_present
                      ? "checkpoint at seq " + std::to_string(c.seq) + " is not in the anchor file"
                      : "checkpoint at seq " + std::to_string(c.seq) +
                            " exists but the anchor file does not");
    }
    anchored_.push_back({c.seq, c.head_mac, "checkpoint row"});
  }
  for (const auto& a : anchored_) macs_at_anchored_seqs_.emplace(a.seq, std::string());
}

void audit_chain_verifier::add_problem(audit_problem_kind kind, std::int64_t seq,
                                       std::string message) {
  report_.problems.push_back({kind, connection_, seq, std::move(message)});
}

void audit_chain_verifier::report_gap(std::int64_t seq) {
  const std::int64_t first = last_seq_ + 1;
  add_problem(audit_problem_kind::entries_missing, first,
              seq - first == 1 ? "entry " + std::to_string(first) + " is missing"
                               : "entries " + std::to_string(first) + " to " +
                                     std::to_string(seq - 1) + " are missing");
}

void audit_chain_verifier::add(const audit_entry& entry) {
  ++entries_;
  const std::int64_t expected = last_seq_ + 1;
  if (entry.seq < expected) {
    add_problem(audit_problem_kind::chain_broken, entry.seq,
                "entry out of order after seq " + std::to_string(last_seq_));
  } else if (entry.seq > expected) {
    report_gap(entry.seq);
  } else if (entry.prev_mac != last_mac_) {
    add_problem(audit_problem_kind::chain_broken, entry.seq,
                "prev_mac is not the mac of entry " + std::to_string(last_seq_));
  }
  if (!chain_.mac_valid(entry)) {
    add_problem(audit_problem_kind::entry_edited, entry.seq,
                "mac does not match the entry's content");
  }
  if (const auto it = macs_at_anchored_seqs_.find(entry.seq); it != macs_at_anchored_seqs_.end()) {
    it->second = entry.mac;
  }
  last_seq_ = std::max(last_seq_, entry.seq);
  last_mac_ = entry.mac;
}

void audit_chain_verifier::add_unreadable(std::int64_t seq, std::string mac) {
  ++entries_;
  if (seq > last_seq_ + 1) report_gap(seq);
  add_problem(audit_problem_kind::entry_edited, seq, "row has a column of the wrong type");
  if (const auto it = macs_at_anchored_seqs_.find(seq); it != macs_at_anchored_seqs_.end()) {
    it->second = mac;
  }
  last_seq_ = std::max(last_seq_, seq);
  last_mac_ = std::move(mac);
}

void audit_chain_verifier::finish(const std::optional<audit_head>& head) {
  if (!head) {
    if (entries_ > 0) {
      add_problem(audit_problem_kind::head_mismatch, last_seq_,
                  "the head row is missing or unreadable");
    }
  } else if (head->seq > last_seq_) {
    add_problem(audit_problem_kind::tail_truncated, head->seq,
                "head row is at seq " + std::to_string(head->seq) + " but the last entry is " +
                    std::to_string(last_seq_));
  } else if (head->seq < last_seq_ || head->mac != last_mac_) {
    add_problem(audit_problem_kind::head_mismatch, head->seq,
                "head row (seq " + std::to_string(head->seq) + ") does not match the last entry (" +
                    std::to_string(last_seq_) + ")");
  }

  for (const auto& a : anchored_) {
    if (a.seq > last_seq_) {
      add_problem(audit_problem_kind::tail_truncated, a.seq,
                  a.source + " reaches seq " + std::to_string(a.seq) + " but the last entry is " +
                      std::to_string(last_seq_));
      continue;
    }
    const std::string& mac = macs_at_anchored_seqs_[a.seq];
    // An empty mac means the entry is gone: entries_missing already names it.
    if (!mac.empty() && mac != a.head_mac) {
      add_problem(audit_problem_kind::history_rewritten, a.seq,
                  a.source + " signed another mac for seq " + std::to_string(a.seq));
    }
  }
  report_.connections.push_back({connection_, entries_, last_seq_, anchored_seq_});
}

}  // namespace erpc
