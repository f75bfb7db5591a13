#pragma once
// Verifies one connection's chain as its entries stream past in seq order, against its head
// row, its checkpoint rows and the anchor file's lines. Storage-independent: audit_trail feeds
// it rows; tests can feed it anything.

#include <erpc/host/audit_anchor_file.hpp>
#include <erpc/host/audit_chain.hpp>
#include <erpc/host/audit_checkpoint.hpp>
#include <erpc/host/audit_entry.hpp>
#include <erpc/host/audit_verify_report.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace erpc {

struct audit_head {
  std::int64_t seq = 0;
  std::string mac;
};

class audit_chain_verifier {
 public:
  // `anchors` are the anchor file's lines for this connection; with anchor_file_present false
  // every genuine checkpoint row is reported anchor_missing.
  audit_chain_verifier(const audit_chain& chain, const audit_checkpoint_signer& signer,
                       std::string connection, std::vector<audit_checkpoint> checkpoints,
                       std::vector<audit_anchor_line> anchors, bool anchor_file_present,
                       audit_verify_report& report);

  // Entries in ascending seq order.
  void add(const audit_entry& entry);

  // A row at `seq` that cannot be read as an entry (a column of the wrong type): reported as
  // entry_edited; `mac` (empty if unreadable) links the next entry.
  void add_unreadable(std::int64_t seq, std::string mac);

  // Compares the end of the chain with the head row, checkpoints and anchors; adds the
  // connection's summary to the report.
  void finish(const std::optional<audit_head>& head);

 private:
  struct anchored {
    std::int64_t seq;
    std::string head_mac;
    std::string source;  // "checkpoint row" or "anchor line N", for messages
  };

  void add_problem(audit_problem_kind kind, std::int64_t seq, std::string message);
  void report_gap(std::int64_t seq);  // entries last_seq_ + 1 .. seq - 1 are missing

  const audit_chain& chain_;
  std::string connection_;
  audit_verify_report& report_;
  std::vector<anchored> anchored_;
  std::map<std::int64_t, std::string> macs_at_anchored_seqs_;
  std::int64_t entries_ = 0;
  std::int64_t last_seq_ = 0;
  std::string last_mac_ = audit_chain::genesis_mac();
  std::int64_t anchored_seq_ = 0;
};

}  // namespace erpc
