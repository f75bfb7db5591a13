// SPDX-License-Identifier: Apache-2.0
// list BankStatement: statements taken in from the inbound folder exactly once by identity
// (BANKING.md "Identity"), formats detected per file, a cursor that never loses a statement,
// conflicts and malformed files raised once naming the file while the rest still flows.
#include "bank_file_rig.hpp"
#include "payment_test_support.hpp"

#include <thread>

namespace {

using namespace erpc::bank_file::test;
using erpc::error_class;

std::string replace_once(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

std::vector<std::string> statement_ids(const json& items) {
  std::vector<std::string> ids;
  for (const auto& s : items) ids.push_back(s.at("statement_id"));
  return ids;
}

// Read when a test asks (REQUIRE needs a running test case).
#define two_statements banking_data("camt053_v02_two_statements.xml")

}  // namespace

TEST_CASE("two Stmt in one camt.053 file are two statements, each valid", "[statements]") {
  bank_file_rig rig;
  rig.deliver("camt-1.xml", two_statements);
  const auto page = rig.list_ok("BankStatement");
  CHECK(statement_ids(page["items"]) ==
        std::vector<std::string>{"V02-A-20260302", "V02-B-20260302"});
  CHECK(page["next_cursor"] == "stm:2");
  for (const auto& s : page["items"]) {
    CHECK(s["format"] == "camt.053");
    CHECK(s["source"]["id"] == "camt-1.xml");
    CHECK(erpc::banking::test::validator().validate("BankStatement", s).empty());
  }
}

TEST_CASE("an identical re-delivery is not returned again", "[statements]") {
  bank_file_rig rig;
  rig.deliver("camt-1.xml", two_statements);
  const auto first = rig.list_ok("BankStatement");
  REQUIRE(first["items"].size() == 2);

  SECTION("under another name") { rig.deliver("camt-1-again.xml", two_statements); }
  SECTION("under the same name, rewritten") {
    rig.deliver("camt-1.xml", two_statements);
    fs::last_write_time(rig.inbound() / "camt-1.xml",
                        fs::last_write_time(rig.inbound() / "camt-1.xml") + std::chrono::seconds(5));
  }
  SECTION("with a new envelope (GrpHdr MsgId)") {
    rig.deliver("camt-2.xml", replace_once(two_statements, "<MsgId>", "<MsgId>RESENT-"));
  }
  const auto later = rig.list_ok("BankStatement", first["next_cursor"]);
  CHECK(later["items"].empty());
  CHECK(later["next_cursor"] == "stm:2");
}

TEST_CASE("a CpyDplctInd copy is not returned as a new statement", "[statements]") {
  bank_file_rig rig;
  const std::string copy = banking_data("camt053_v04_dupl_copy.xml");
  const std::string original = replace_once(copy, "<CpyDplctInd>DUPL</CpyDplctInd>", "");
  rig.deliver("a-original.xml", original);
  rig.deliver("b-copy.xml", copy);
  const auto page = rig.list_ok("BankStatement");
  REQUIRE(page["items"].size() == 1);
  CHECK(page["items"][0]["source"]["id"] == "a-original.xml");
  CHECK_FALSE(page["items"][0].contains("copy_duplicate"));
}

TEST_CASE("a changed file with the same identity is a CONFLICT, the rest still flows",
          "[statements][conflict]") {
  bank_file_rig rig;
  rig.deliver("a.xml", two_statements);
  const auto first = rig.list_ok("BankStatement");
  REQUIRE(first["items"].size() == 2);

  rig.deliver("b-changed.xml", replace_once(two_statements, "Customer AG", "Customer SA"));
  rig.deliver("c-mt940.sta", banking_data("mt940_vendors_sample.sta"));
  const auto r = rig.list("BankStatement", first["next_cursor"]);
  REQUIRE(r.error);
  CHECK(r.error->cls() == error_class::conflict);
  CHECK(r.error->code() == "bank_file.statement_conflict");
  CHECK(r.error->message().find("b-changed.xml") != std::string::npos);
  CHECK(r.error->message().find("V02-A-20260302") != std::string::npos);
  REQUIRE(r.error->field_errors().size() == 1);
  CHECK(r.error->field_errors()[0].pointer == "/inbound/b-changed.xml");
  CHECK(fs::exists(rig.state() / "quarantine" / "b-changed.xml"));

  // The same cursor again: the conflict was raised once; the MT940 file and the changed file's
  // second, unchanged statement are not delivered twice, the MT940 statement is delivered.
  const auto next = rig.list_ok("BankStatement", first["next_cursor"]);
  REQUIRE_FALSE(next["items"].empty());
  for (const auto& s : next["items"]) CHECK(s["format"] == "mt940");
}

TEST_CASE("MT940 and BAI2 files are detected and read", "[statements]") {
  bank_file_rig rig;
  rig.deliver("day.sta", banking_data("mt940_vendors_sample.sta"));
  rig.deliver("day.bai", banking_data("bai2_westpac_shaped.bai"));
  rig.deliver(".day2.sta.part", "half a file");  // a bank's temp file: never read
  rig.deliver("readme.txt", "not a statement");  // not a statement extension: ignored
  const auto page = rig.list_ok("BankStatement");
  std::set<std::string> formats;
  for (const auto& s : page["items"]) {
    formats.insert(s["format"].get<std::string>());
    CHECK(erpc::banking::test::validator().validate("BankStatement", s).empty());
  }
  CHECK(formats == std::set<std::string>{"bai2", "mt940"});
}

TEST_CASE("a BAI2 test group (status 4) is never delivered", "[statements]") {
  bank_file_rig rig;
  rig.deliver("funds.bai", banking_data("bai2_funds_types_jpy_test.bai"));
  const auto page = rig.list_ok("BankStatement");
  REQUIRE_FALSE(page["items"].empty());
  for (const auto& s : page["items"]) {
    CHECK(s["account"]["currency"] != "JPY");  // the JPY group is the test group
  }
}

TEST_CASE("the cursor pages through and a re-read never loses a statement", "[statements][cursor]") {
  bank_file_rig rig;
  rig.deliver("a.xml", two_statements);
  rig.deliver("b.sta", banking_data("mt940_vendors_sample.sta"));
  const auto all = rig.list_ok("BankStatement");
  const auto total = all["items"].size();
  REQUIRE(total >= 3);

  json collected = json::array();
  std::string cursor;
  for (std::size_t guard = 0; guard < 10; ++guard) {
    const auto page = rig.list_ok("BankStatement", cursor, 1);
    if (page["items"].empty()) break;
    CHECK(page["items"].size() == 1);
    collected.push_back(page["items"][0]);
    cursor = page["next_cursor"];
  }
  CHECK(collected == all["items"]);
  rig.reopen();  // a restart: the log is on disk
  CHECK(rig.list_ok("BankStatement", "stm:1")["items"].size() == total - 1);
  CHECK(rig.list_ok("BankStatement")["items"] == all["items"]);
}

TEST_CASE("a malformed file is a VALIDATION naming it, quarantined, and does not block the rest",
          "[statements][hostile]") {
  bank_file_rig rig;
  rig.deliver("a-laughs.xml", banking_data("hostile/billion_laughs.xml"));
  rig.deliver("b-truncated.xml", banking_data("hostile/truncated.xml"));
  rig.deliver("c-junk.sta", std::string("\x00\x01garbage:20:", 13));
  rig.deliver("d-good.xml", two_statements);
  rig.deliver("e-\xff\x01name.xml", "<not read/>");  // a name that cannot go into JSON state
  const auto r = rig.list("BankStatement");
  REQUIRE(r.error);
  CHECK(r.error->cls() == error_class::validation);
  for (const char* name : {"a-laughs.xml", "b-truncated.xml", "c-junk.sta"}) {
    CHECK(r.error->message().find(name) != std::string::npos);
    CHECK(fs::exists(rig.state() / "quarantine" / name));
    const auto note = json::parse(read_text(rig.state() / "quarantine" / (std::string(name) + ".error.json")));
    CHECK(note["class"] == "VALIDATION");
    CHECK_FALSE(note["code"].get<std::string>().empty());
  }
  CHECK(r.error->field_errors().size() == 3);
  CHECK(rig.list_ok("BankStatement")["items"].size() == 2);
  CHECK(rig.list_ok("BankStatement")["items"].size() == 2);  // and nothing raised again
}

TEST_CASE("two lists at once take a file in once", "[statements][concurrency]") {
  bank_file_rig rig;
  for (int i = 0; i < 6; ++i) rig.deliver("copy-" + std::to_string(i) + ".xml", two_statements);
  rig.deliver("z.sta", banking_data("mt940_vendors_sample.sta"));
  erpc::testing::call_result a, b;
  std::thread t1([&] { a = rig.list("BankStatement"); });
  std::thread t2([&] { b = rig.list("BankStatement"); });
  t1.join();
  t2.join();
  REQUIRE(a.ok);
  REQUIRE(b.ok);
  const auto items = rig.list_ok("BankStatement")["items"];
  std::set<std::string> identities;
  for (const auto& s : items) {
    identities.insert(s["account"].dump() + s["statement_id"].get<std::string>() +
                      s.value("electronic_sequence_number", json()).dump());
  }
  CHECK(identities.size() == items.size());
  CHECK(json::parse(a.json)["result"]["items"].size() == items.size());
  CHECK(json::parse(b.json)["result"]["items"].size() == items.size());
}
