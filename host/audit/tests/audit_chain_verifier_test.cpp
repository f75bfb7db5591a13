#include <erpc/host/audit_chain_verifier.hpp>

#include "audit_test_support.hpp"

#include <erpc/host/audit_keys.hpp>

#include <catch2/catch.hpp>

#include <vector>

using namespace erpc;
using namespace erpc::audit_testing;

namespace {

struct fixture {
  audit_keys keys = derive_audit_keys(key_from_hex(master_hex));
  audit_chain chain{keys.chain};
  audit_checkpoint_signer signer{keys.checkpoint};
  std::vector<audit_entry> entries;
  std::vector<audit_checkpoint> checkpoints;
  std::vector<audit_anchor_line> anchors;
  std::optional<audit_head> head;
  bool anchor_file_present = true;

  explicit fixture(int n, const std::string& flavour = "a") {
    std::string prev = audit_chain::genesis_mac();
    for (int i = 1; i <= n; ++i) {
      audit_entry e;
      e.connection = "c1";
      e.seq = i;
      e.ts_ms = 1000 + i;
      e.correlation_id = flavour + std::to_string(i);
      e.event = "received";
      e.detail = {{"n", i}};
      chain.seal(e, prev);
      prev = e.mac;
      entries.push_back(e);
      if (i % 5 == 0) checkpoint_at(i);
    }
    head = audit_head{n, prev};
  }

  void checkpoint_at(std::int64_t seq) {
    audit_checkpoint cp{"c1", seq, entries[static_cast<std::size_t>(seq - 1)].mac, 5000 + seq, ""};
    signer.sign(cp);
    checkpoints.push_back(cp);
    anchors.push_back({anchors.size() + 1, cp});
  }

  audit_verify_report run() const {
    audit_verify_report report;
    audit_chain_verifier v(chain, signer, "c1", checkpoints, anchors, anchor_file_present, report);
    for (const auto& e : entries) v.add(e);
    v.finish(head);
    return report;
  }

  void erase_seq(std::int64_t seq) {
    std::erase_if(entries, [&](const audit_entry& e) { return e.seq == seq; });
  }
};

std::vector<std::pair<audit_problem_kind, std::int64_t>> kinds(const audit_verify_report& r) {
  std::vector<std::pair<audit_problem_kind, std::int64_t>> out;
  for (const auto& p : r.problems) {
    REQUIRE(p.connection == "c1");
    out.emplace_back(p.kind, p.seq);
  }
  return out;
}

using kind_list = std::vector<std::pair<audit_problem_kind, std::int64_t>>;

}  // namespace

TEST_CASE("an untouched chain verifies with its summary") {
  const fixture f(12);
  const auto report = f.run();
  REQUIRE(report.ok());
  REQUIRE(report.connections.size() == 1);
  REQUIRE(report.connections[0].entries == 12);
  REQUIRE(report.connections[0].last_seq == 12);
  REQUIRE(report.connections[0].anchored_seq == 10);
}

TEST_CASE("an edited entry is reported at its seq and nowhere else") {
  fixture f(12);
  f.entries[3].detail["n"] = 400;
  REQUIRE(kinds(f.run()) == kind_list{{audit_problem_kind::entry_edited, 4}});
}

TEST_CASE("a rewritten mac is an edit and breaks the link to the next entry") {
  fixture f(12);
  f.entries[3].mac = std::string(64, 'f');
  REQUIRE(kinds(f.run()) ==
          kind_list{{audit_problem_kind::entry_edited, 4}, {audit_problem_kind::chain_broken, 5}});
}

TEST_CASE("deleted middle entries are a gap at the first missing seq") {
  fixture f(12);
  f.erase_seq(7);
  f.erase_seq(8);
  const auto report = f.run();
  REQUIRE(kinds(report) == kind_list{{audit_problem_kind::entries_missing, 7}});
  REQUIRE(report.problems[0].message == "entries 7 to 8 are missing");
}

TEST_CASE("a deleted first entry is a gap at seq 1") {
  fixture f(3);
  f.erase_seq(1);
  REQUIRE(kinds(f.run()) == kind_list{{audit_problem_kind::entries_missing, 1}});
}

TEST_CASE("a truncated tail with its head and checkpoint rows rewritten is caught by the anchor") {
  fixture f(12);
  for (std::int64_t s = 8; s <= 12; ++s) f.erase_seq(s);
  std::erase_if(f.checkpoints, [](const audit_checkpoint& c) { return c.seq > 7; });
  f.head = audit_head{7, f.entries.back().mac};
  REQUIRE(kinds(f.run()) == kind_list{{audit_problem_kind::tail_truncated, 10}});
  REQUIRE(f.run().connections[0].last_seq == 7);
}

TEST_CASE("a truncated tail with the head row left behind is caught by the head row") {
  fixture f(12);
  f.erase_seq(12);
  f.erase_seq(11);
  REQUIRE(kinds(f.run()) == kind_list{{audit_problem_kind::tail_truncated, 12}});
}

TEST_CASE("a head row that disagrees with the last entry is head_mismatch") {
  fixture f(4);
  f.head->mac = std::string(64, '1');
  REQUIRE(kinds(f.run()) == kind_list{{audit_problem_kind::head_mismatch, 4}});
  f.head.reset();
  REQUIRE(kinds(f.run()) == kind_list{{audit_problem_kind::head_mismatch, 4}});
}

TEST_CASE("a forged checkpoint row or anchor line is reported and not trusted") {
  fixture f(12);
  audit_checkpoint forged{"c1", 50, std::string(64, 'e'), 9, std::string(64, '0')};
  f.checkpoints.push_back(forged);
  f.anchors.push_back({99, forged});
  const auto report = f.run();
  REQUIRE(kinds(report) == kind_list{{audit_problem_kind::anchor_forged, 50},
                                     {audit_problem_kind::checkpoint_forged, 50}});
  REQUIRE(report.problems[0].message == "anchor line 99 has a wrong signature");
}

TEST_CASE("a chain re-sealed from another history is caught at the anchored seq") {
  fixture f(12);
  const fixture other(12, "b");
  // Someone with database access (and the key, as in a restore of the wrong backup) replaces
  // seq 6.. with a chain of different content.
  for (std::size_t i = 5; i < 12; ++i) f.entries[i] = other.entries[i];
  f.head = other.head;
  const auto report = f.run();
  REQUIRE(report.of_kind(audit_problem_kind::chain_broken).at(0).seq == 6);
  REQUIRE(report.of_kind(audit_problem_kind::history_rewritten).size() == 2);  // row + anchor
  REQUIRE(report.of_kind(audit_problem_kind::history_rewritten)[0].seq == 10);
}

TEST_CASE("a genuine checkpoint row without its anchor line means the anchor lost lines") {
  fixture f(12);
  f.anchors.pop_back();
  REQUIRE(kinds(f.run()) == kind_list{{audit_problem_kind::anchor_missing, 10}});
  f.anchors.clear();
  f.anchor_file_present = false;
  const auto report = f.run();
  REQUIRE(kinds(report) == kind_list{{audit_problem_kind::anchor_missing, 5},
                                     {audit_problem_kind::anchor_missing, 10}});
  REQUIRE(report.problems[0].message.find("anchor file does not") != std::string::npos);
}

TEST_CASE("an unreadable row is an edit at its seq and its mac still links the chain") {
  fixture f(12);
  audit_verify_report report;
  audit_chain_verifier v(f.chain, f.signer, "c1", f.checkpoints, f.anchors, true, report);
  for (const auto& e : f.entries) {
    if (e.seq == 4) {
      v.add_unreadable(4, e.mac);
    } else if (e.seq == 8) {
      v.add_unreadable(9, "");  // 8 gone, 9 unreadable with an unreadable mac
    } else if (e.seq != 9) {
      v.add(e);
    }
  }
  v.finish(f.head);
  REQUIRE(kinds(report) == kind_list{{audit_problem_kind::entry_edited, 4},
                                     {audit_problem_kind::entries_missing, 8},
                                     {audit_problem_kind::entry_edited, 9},
                                     {audit_problem_kind::chain_broken, 10}});
}
