#include <erpc/host/audit_trail.hpp>

#include "audit_encoding.hpp"
#include "audit_test_database.hpp"
#include "audit_test_support.hpp"

#include <erpc/error.hpp>
#include <erpc/host/audit_keys.hpp>
#include <erpc/host/database.hpp>
#include <erpc/host/transaction.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

using namespace erpc;
using namespace erpc::audit_testing;

namespace {

const audit_keys& keys() {
  static const audit_keys k = derive_audit_keys(key_from_hex(master_hex));
  return k;
}

struct trail_fixture {
  test_database site;
  audit_trail trail;

  explicit trail_fixture(database_backend backend, std::int64_t every = 100)
      : site(backend), trail(site.db(), keys(), {site.anchor_path(), every}) {}

  // 200 entries over two connections, one message (correlation id) per 4 entries.
  void append_200() {
    for (int i = 0; i < 200; ++i) {
      const std::string connection = i % 2 ? "conn-b" : "conn-a";
      const std::string correlation = "msg-" + std::to_string(i / 4);
      const char* events[] = {"received", "validated", "posted", "acknowledged"};
      trail.append(connection, correlation, events[i % 4],
                   {{"state", {{"to", events[i % 4]}}},
                    {"adapter", {{"id", "hello"}, {"version", "1.2.0"}}},
                    {"mapping_version", 3},
                    {"actor", "dispatcher"}});
      site.clock().advance_ms(7);
    }
  }

  std::vector<std::pair<audit_problem_kind, std::pair<std::string, std::int64_t>>> problems() {
    std::vector<std::pair<audit_problem_kind, std::pair<std::string, std::int64_t>>> out;
    for (const auto& p : trail.verify().problems) out.push_back({p.kind, {p.connection, p.seq}});
    return out;
  }

  std::string mac_at(const std::string& connection, std::int64_t seq) {
    return site.db().transact([&](transaction& tx) {
      return tx
          .execute("SELECT mac FROM audit_entries WHERE connection = ? AND seq = ?",
                   {connection, seq})
          .rows.at(0)
          .text(0);
    });
  }
};

using problem_list =
    std::vector<std::pair<audit_problem_kind, std::pair<std::string, std::int64_t>>>;

void appends_verify_and_tampering_is_found(database_backend backend) {
  trail_fixture f(backend);
  f.append_200();
  const auto clean = f.trail.verify();
  REQUIRE(clean.ok());
  REQUIRE(clean.anchor_file_present);
  REQUIRE(clean.connections.size() == 2);
  for (const auto& c : clean.connections) {
    REQUIRE(c.entries == 100);
    REQUIRE(c.last_seq == 100);
    REQUIRE(c.anchored_seq == 100);  // the automatic checkpoint at 100
  }

  SECTION("an entry edited in the database is reported with its seq") {
    f.site.tamper(
        "UPDATE audit_entries SET detail = '{\"actor\":\"mallory\"}' "
        "WHERE connection = 'conn-a' AND seq = 42");
    REQUIRE(f.problems() == problem_list{{audit_problem_kind::entry_edited, {"conn-a", 42}}});
  }
  SECTION("an entry's detail replaced by text that is not JSON is an edit") {
    f.site.tamper(
        "UPDATE audit_entries SET detail = 'oops' WHERE connection = 'conn-b' AND "
        "seq = 3");
    REQUIRE(f.problems() == problem_list{{audit_problem_kind::entry_edited, {"conn-b", 3}}});
  }
  SECTION("a deleted middle entry is reported as missing at its seq") {
    f.site.tamper("DELETE FROM audit_entries WHERE connection = 'conn-b' AND seq = 57");
    REQUIRE(f.problems() == problem_list{{audit_problem_kind::entries_missing, {"conn-b", 57}}});
  }
  SECTION("the last 5 entries deleted with their checkpoint rows and a fixed head: the anchor") {
    f.site.tamper("DELETE FROM audit_entries WHERE connection = 'conn-a' AND seq > 95");
    f.site.tamper("DELETE FROM audit_checkpoints WHERE connection = 'conn-a' AND seq > 95");
    f.site.tamper(
        "UPDATE audit_heads SET seq = 95, mac = (SELECT mac FROM audit_entries WHERE "
        "connection = 'conn-a' AND seq = 95) WHERE connection = 'conn-a'");
    const auto report = f.trail.verify();
    REQUIRE(f.problems() == problem_list{{audit_problem_kind::tail_truncated, {"conn-a", 100}}});
    REQUIRE(report.problems[0].message.find("anchor line") != std::string::npos);
  }
  SECTION("the last 5 entries deleted and the head left behind: the head row") {
    f.site.tamper("DELETE FROM audit_entries WHERE connection = 'conn-b' AND seq > 95");
    const auto found = f.problems();
    REQUIRE(std::count(found.begin(), found.end(),
                       std::make_pair(audit_problem_kind::tail_truncated,
                                      std::make_pair(std::string("conn-b"), std::int64_t{100}))) ==
            3);  // head row, checkpoint row, anchor line
  }
  SECTION("a forged checkpoint row is reported and not believed") {
    f.site.tamper("UPDATE audit_checkpoints SET head_mac = '" + std::string(64, 'a') +
                  "' WHERE connection = 'conn-b'");
    f.site.tamper(
        "INSERT INTO audit_checkpoints (connection, seq, head_mac, ts_ms, signature) "
        "VALUES ('conn-a', 150, '" +
        std::string(64, 'b') + "', 1, '" + std::string(64, 'c') + "')");
    REQUIRE(f.problems() == problem_list{{audit_problem_kind::checkpoint_forged, {"conn-a", 150}},
                                         {audit_problem_kind::checkpoint_forged, {"conn-b", 100}}});
  }
  SECTION("a lost anchor file is reported for every checkpoint row") {
    std::filesystem::remove(f.site.anchor_path());
    REQUIRE(f.problems() == problem_list{{audit_problem_kind::anchor_missing, {"conn-a", 100}},
                                         {audit_problem_kind::anchor_missing, {"conn-b", 100}}});
  }
}

void show_and_on_demand_checkpoints(database_backend backend) {
  trail_fixture f(backend);
  f.append_200();

  const auto entries = f.trail.show("msg-7");
  REQUIRE(entries.size() == 4);
  REQUIRE(entries[0].connection == "conn-a");
  REQUIRE(entries[0].seq == 15);
  REQUIRE(entries[0].event == "received");
  REQUIRE(entries[0].detail["adapter"]["version"] == "1.2.0");
  REQUIRE(entries[1].seq == 16);
  REQUIRE(entries[2].connection == "conn-b");
  REQUIRE(entries[0].prev_mac == f.mac_at("conn-a", 14));
  REQUIRE(f.trail.show("msg-unknown").empty());

  REQUIRE_FALSE(f.trail.checkpoint("conn-a").has_value());  // head already checkpointed
  REQUIRE_FALSE(f.trail.checkpoint("conn-none").has_value());
  f.trail.append("conn-a", "msg-x", "settled", nlohmann::json::object());
  f.trail.append("conn-a", "msg-x", "failed", {{"error", "UNAVAILABLE"}});
  const auto cp = f.trail.checkpoint("conn-a");
  REQUIRE(cp.has_value());
  REQUIRE(cp->seq == 102);
  REQUIRE(cp->head_mac == f.mac_at("conn-a", 102));
  REQUIRE(audit_checkpoint_signer(keys().checkpoint).signature_valid(*cp));
  REQUIRE(audit_anchor_file(f.site.anchor_path()).read().checkpoints.back().checkpoint == *cp);

  f.trail.append("conn-b", "msg-y", "discarded", {{"actor", "ops@example.com"}});
  const auto all = f.trail.checkpoint_all();
  REQUIRE(all.size() == 1);
  REQUIRE(all[0].connection == "conn-b");
  REQUIRE(all[0].seq == 101);
  REQUIRE(f.trail.verify().ok());
}

void appends_inside_the_callers_transaction(database_backend backend) {
  trail_fixture f(backend, 3);
  f.trail.append("c", "m1", "received", nlohmann::json::object());

  struct rollback {};
  REQUIRE_THROWS_AS(f.site.db().transact([&](transaction& tx) {
    REQUIRE(f.trail.append(tx, "c", "m2", "validated", nlohmann::json::object()) == 2);
    throw rollback{};
  }),
                    rollback);
  REQUIRE(f.trail.show("m2").empty());

  const std::int64_t seq = f.site.db().transact([&](transaction& tx) {
    return f.trail.append(tx, "c", "m2", "validated", {{"state", "pending"}});
  });
  REQUIRE(seq == 2);
  REQUIRE(audit_anchor_file(f.site.anchor_path()).read().checkpoints.empty());
  // seq 3 is a checkpoint multiple, but this attempt rolls back: no anchor may name it.
  REQUIRE_THROWS_AS(f.site.db().transact([&](transaction& tx) {
    REQUIRE(f.trail.append(tx, "c", "m3", "posted", nlohmann::json::object()) == 3);
    throw rollback{};
  }),
                    rollback);
  REQUIRE(audit_anchor_file(f.site.anchor_path()).read().checkpoints.empty());
  const std::int64_t third = f.site.db().transact([&](transaction& tx) {
    return f.trail.append(tx, "c", "m3", "posted", nlohmann::json::object());
  });
  REQUIRE(third == 3);
  // The caller only committed; the checkpoint followed from the transaction's commit action.
  const auto anchored = audit_anchor_file(f.site.anchor_path()).read().checkpoints;
  REQUIRE(anchored.size() == 1);
  REQUIRE(anchored[0].checkpoint.seq == 3);
  REQUIRE(anchored[0].checkpoint.head_mac == f.mac_at("c", 3));
  REQUIRE(f.trail.verify().ok());
}

void concurrent_appends_are_dense(database_backend backend) {
  trail_fixture f(backend, 50);
  std::mutex m;
  std::vector<std::int64_t> seqs;
  std::vector<std::thread> threads;
  std::vector<std::string> failures;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        try {
          const auto seq =
              f.trail.append("busy", "t" + std::to_string(t), "queued", {{"thread", t}, {"i", i}});
          const std::lock_guard lock(m);
          seqs.push_back(seq);
        } catch (const std::exception& e) {
          const std::lock_guard lock(m);
          failures.push_back(e.what());
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  REQUIRE(failures.empty());
  std::sort(seqs.begin(), seqs.end());
  std::vector<std::int64_t> dense(200);
  for (std::size_t i = 0; i < dense.size(); ++i) dense[i] = static_cast<std::int64_t>(i) + 1;
  REQUIRE(seqs == dense);
  const auto report = f.trail.verify();
  REQUIRE(report.ok());
  REQUIRE(report.connections.at(0).anchored_seq == 200);
  REQUIRE(audit_anchor_file(f.site.anchor_path()).read().checkpoints.size() == 4);
}

void a_corrupt_head_is_never_signed(database_backend backend) {
  trail_fixture f(backend);
  f.trail.append("c", "m", "received", nlohmann::json::object());
  f.site.tamper("UPDATE audit_entries SET event = 'posted' WHERE connection = 'c' AND seq = 1");
  REQUIRE(error_text([&] { f.trail.checkpoint("c"); }).rfind("audit.head_corrupt", 0) == 0);
  REQUIRE_FALSE(audit_anchor_file(f.site.anchor_path()).read().exists);
}

void reports_and_errors_hold_no_key(database_backend backend) {
  trail_fixture f(backend);
  f.trail.append("c", "m", "received", nlohmann::json::object());
  f.site.tamper("UPDATE audit_entries SET detail = '{}' WHERE seq = 1");
  f.trail.checkpoint("c");
  const std::string report = to_json(f.trail.verify()).dump();
  std::string texts = report;
  texts += error_text([&] { f.trail.checkpoint("c"); });
  texts += error_text([&] { f.trail.append("c", "m", "Bad Event", nlohmann::json::object()); });
  texts += error_text([&] { audit_trail(f.site.db(), keys(), {"", 100}); });
  for (const auto& key : {std::string(master_hex), audit_detail::hex_encode(keys().chain.bytes()),
                          audit_detail::hex_encode(keys().checkpoint.bytes())}) {
    REQUIRE(texts.find(key) == std::string::npos);
  }
  REQUIRE(texts.find("audit.bad_event") != std::string::npos);
  REQUIRE(texts.find("audit.bad_options") != std::string::npos);
}

}  // namespace

#define AUDIT_TRAIL_TEST(name, body)                                         \
  TEST_CASE("sqlite: " name, "[sqlite]") { body(database_backend::sqlite); } \
  TEST_CASE("postgres: " name, "[postgres]") { body(database_backend::postgres); }

AUDIT_TRAIL_TEST("200 entries on 2 connections verify and each kind of tampering is found",
                 appends_verify_and_tampering_is_found)
AUDIT_TRAIL_TEST("show lists a message's entries, checkpoints on demand and at shutdown",
                 show_and_on_demand_checkpoints)
AUDIT_TRAIL_TEST("an append in the caller's transaction commits or rolls back with it",
                 appends_inside_the_callers_transaction)
AUDIT_TRAIL_TEST("8 threads appending to one connection get dense seqs and a valid chain",
                 concurrent_appends_are_dense)
AUDIT_TRAIL_TEST("a head whose entry does not verify is never signed",
                 a_corrupt_head_is_never_signed)
AUDIT_TRAIL_TEST("no key material in reports or errors", reports_and_errors_hold_no_key)

TEST_CASE("sqlite: a column rewritten with a value of another type is reported, not thrown",
          "[sqlite]") {
  trail_fixture f(database_backend::sqlite);
  f.append_200();
  // SQLite keeps the type an UPDATE writes, whatever the column was declared as.
  f.site.tamper(
      "UPDATE audit_entries SET ts_ms = 'yesterday' WHERE connection = 'conn-a' AND "
      "seq = 10");
  f.site.tamper("UPDATE audit_heads SET seq = 'many' WHERE connection = 'conn-b'");
  REQUIRE(f.problems() == problem_list{{audit_problem_kind::entry_edited, {"conn-a", 10}},
                                       {audit_problem_kind::head_mismatch, {"conn-b", 100}}});
}

TEST_CASE("the same appends give the same chain on SQLite and PostgreSQL", "[postgres]") {
  trail_fixture lite(database_backend::sqlite);
  trail_fixture pg(database_backend::postgres);
  lite.append_200();
  pg.append_200();
  for (const char* c : {"conn-a", "conn-b"}) {
    for (const std::int64_t seq : {1, 50, 100}) REQUIRE(lite.mac_at(c, seq) == pg.mac_at(c, seq));
  }
  REQUIRE(lite.trail.show("msg-9") == pg.trail.show("msg-9"));
}
