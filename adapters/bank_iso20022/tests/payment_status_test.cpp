// SPDX-License-Identifier: Apache-2.0
// list PaymentStatus: pain.002 reports taken in from the inbound folder once, per transaction,
// forward-only (BANKING.md "pain.002"), with a cursor that never loses an item.
#include "bank_file_rig.hpp"
#include "payment_test_support.hpp"

namespace {

using namespace erpc::bank_file::test;
using erpc::error_class;

constexpr char batch_key[] = "netsuite:payment-run:PR-2026-0301";
constexpr char message[] = "7FC78B545B1B723061D1-1";

std::string e2e(int i) { return std::string(message) + "-E" + std::to_string(i); }

void submit_supplier_run(bank_file_rig& rig) {
  const auto r = rig.submit(batch_key, supplier_run_batch());
  INFO((r.error ? r.error->code() + ": " + r.error->message() : r.json));
  REQUIRE(r.ok);
  rig.bank_takes_outbound();
}

std::map<std::string, json> by_end_to_end(const json& items) {
  std::map<std::string, json> out;
  for (const auto& s : items) out[s["references"]["end_to_end_id"]] = s;
  return out;
}

}  // namespace

TEST_CASE("ACSC then a late ACTC: settled stays settled, re-reading changes nothing", "[status]") {
  bank_file_rig rig;
  submit_supplier_run(rig);
  CHECK(rig.list_ok("PaymentStatus").at("items").empty());

  rig.deliver("psr-1.xml", pain002("PSR-1", message, "ACSC", ""));
  const auto first = rig.list_ok("PaymentStatus");
  REQUIRE(first.at("items").size() == 4);
  for (const auto& s : first["items"]) {
    CHECK(s["status"] == "settled");
    CHECK(s["bank_status"] == "ACSC");
    CHECK(s["level"] == "group");
    CHECK(s["references"]["message_id"] == message);
    CHECK(s.contains("amount"));
    CHECK(erpc::banking::test::validator().validate("PaymentStatus", s).empty());
  }
  CHECK(by_end_to_end(first["items"])[e2e(2)]["amount"]["amount"] == "1200.50");
  const std::string cursor = first.at("next_cursor");
  CHECK(cursor == "pst:4");

  rig.deliver("psr-2.xml", pain002("PSR-2", message, "ACTC", ""));       // late and older
  rig.deliver("psr-1-again.xml", pain002("PSR-1", message, "ACSC", ""));  // the same report again
  const auto later = rig.list_ok("PaymentStatus", cursor);
  CHECK(later.at("items").empty());
  CHECK(later.at("next_cursor") == cursor);

  // Re-reading from the start gives the same items: nothing is lost, nothing added.
  rig.reopen();
  CHECK(rig.list_ok("PaymentStatus").at("items") == first.at("items"));
}

TEST_CASE("PART with AM04 and AC04: the listed transactions are rejected with their reasons",
          "[status]") {
  SECTION("unlisted transactions unchanged (default bank setting)") {
    bank_file_rig rig;
    submit_supplier_run(rig);
    rig.deliver("part.xml", banking_data("pain/pain002_v10_part_am04_ac04.xml"));
    auto items = by_end_to_end(rig.list_ok("PaymentStatus").at("items"));
    REQUIRE(items.size() == 2);
    CHECK(items[e2e(1)]["status"] == "rejected");
    CHECK(items[e2e(1)]["reasons"][0]["code"] == "AM04");
    CHECK(items[e2e(2)]["status"] == "rejected");
    CHECK(items[e2e(2)]["reasons"][0]["code"] == "AC04");
    CHECK(items[e2e(2)]["reasons"][0]["additional_information"].size() == 2);
    // Half rejected is not a rejected batch: resubmitting it whole would pay two twice.
    const auto r = rig.submit(std::string(batch_key) + ".g2", supplier_run_batch());
    REQUIRE(r.error);
    CHECK(r.error->code() == "bank_file.generation_not_rejected");
  }
  SECTION("unlisted transactions accepted (bank lists only exceptions)") {
    bank_file_rig rig(json{{"part_unlisted", "accepted"}});
    submit_supplier_run(rig);
    rig.deliver("part.xml", banking_data("pain/pain002_v10_part_am04_ac04.xml"));
    auto items = by_end_to_end(rig.list_ok("PaymentStatus").at("items"));
    REQUIRE(items.size() == 4);
    CHECK(items[e2e(3)]["status"] == "accepted");
    CHECK(items[e2e(4)]["status"] == "accepted");
    CHECK(items[e2e(1)]["status"] == "rejected");
  }
}

TEST_CASE("RJCT may follow an acceptance, RJCT after ACSC goes to a person", "[status]") {
  bank_file_rig rig;
  submit_supplier_run(rig);
  rig.deliver("a-accp.xml", pain002("PSR-A", message, "ACCP", ""));
  rig.deliver("b-rjct.xml", pain002("PSR-B", message, "", "", std::string(message) + "-P1",
                                    {{e2e(1), "RJCT", "AC04"}}));
  const auto page = rig.list_ok("PaymentStatus");
  REQUIRE(page["items"].size() == 5);  // 4 accepted, then E1 rejected
  CHECK(page["items"][4]["status"] == "rejected");
  CHECK(page["items"][4]["previous_status"] == "accepted");

  rig.deliver("c-acsc.xml", pain002("PSR-C", message, "", "", std::string(message) + "-P3",
                                    {{e2e(4), "ACSC", ""}}));
  rig.deliver("d-rjct.xml", pain002("PSR-D", message, "", "", std::string(message) + "-P3",
                                    {{e2e(4), "RJCT", "AM04"}}));
  const auto r = rig.list("PaymentStatus", page["next_cursor"]);
  REQUIRE(r.error);
  CHECK(r.error->cls() == error_class::conflict);
  CHECK(r.error->code() == "bank_file.status_conflict");
  CHECK(r.error->message().find("d-rjct.xml") != std::string::npos);
  // The settlement that came in the same call is not lost: the next call from the same cursor.
  const auto next = rig.list_ok("PaymentStatus", page["next_cursor"]);
  REQUIRE(next["items"].size() == 1);
  CHECK(next["items"][0]["status"] == "settled");
}

TEST_CASE("a malformed or foreign pain.002 is a VALIDATION naming the file, once", "[status][hostile]") {
  bank_file_rig rig;
  submit_supplier_run(rig);
  rig.deliver("broken.xml",
              "<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.002.001.10\">"
              "<CstmrPmtStsRpt><GrpHdr>");
  rig.deliver("foreign.xml", pain002("PSR-F", "SOMEONE-ELSES-1", "ACSC", ""));
  rig.deliver("good.xml", pain002("PSR-G", message, "ACTC", ""));
  const auto r = rig.list("PaymentStatus");
  REQUIRE(r.error);
  CHECK(r.error->cls() == error_class::validation);
  CHECK(r.error->message().find("broken.xml") != std::string::npos);
  CHECK(r.error->message().find("foreign.xml") != std::string::npos);
  REQUIRE(r.error->field_errors().size() == 2);
  CHECK(r.error->field_errors()[0].pointer == "/inbound/broken.xml");
  CHECK(r.error->field_errors()[1].code == "bank_file.pain002_unknown_message");
  CHECK(fs::exists(rig.state() / "quarantine" / "broken.xml"));
  CHECK(fs::exists(rig.state() / "quarantine" / "broken.xml.error.json"));
  // Raised once; the good report still flows.
  const auto page = rig.list_ok("PaymentStatus");
  CHECK(page["items"].size() == 4);
}

TEST_CASE("a cursor that this connection did not give is refused", "[status]") {
  bank_file_rig rig;
  for (const char* bad : {"pst:abc", "stm:0", "pst:99", "pst:"}) {
    const auto r = rig.list("PaymentStatus", bad);
    REQUIRE(r.error);
    CHECK(r.error->cls() == erpc::error_class::validation);
    CHECK(r.error->code() == "bank_file.cursor_invalid");
  }
}

TEST_CASE("status PaymentBatch answers the latest report of one MsgId, or IN_PROGRESS while none",
          "[status][batch_status]") {
  bank_file_rig rig;
  submit_supplier_run(rig);
  auto status_of = [&](const std::string& message_id) {
    return rig.call({{"contract", "1.0"}, {"op", "status"}, {"object", "PaymentBatch"},
                     {"deadline_ms", 5000},
                     {"query", {{"natural_key", {{"message_id", message_id}}}}}});
  };

  const auto waiting = status_of(message);
  REQUIRE(waiting.error);
  CHECK(waiting.error->cls() == error_class::in_progress);
  CHECK(waiting.error->code() == "bank_file.status_not_received");
  CHECK(waiting.error->effect() == erpc::effect::none);
  CHECK(waiting.error->retry_after_ms().has_value());

  rig.deliver("psr-1.xml", pain002("PSR-1", message, "ACCP", ""));
  const auto accepted = status_of(message);
  INFO((accepted.error ? accepted.error->code() : accepted.json));
  REQUIRE(accepted.ok);
  const auto first = json::parse(accepted.json).at("result");
  CHECK(first["status"] == "accepted");
  CHECK(first["references"]["message_id"] == message);
  CHECK(erpc::banking::test::validator().validate("PaymentStatus", first).empty());

  // Asking did not consume the report: list still delivers every transaction's status once.
  CHECK(rig.list_ok("PaymentStatus").at("items").size() == 4);

  rig.deliver("psr-2.xml", pain002("PSR-2", message, "", "", std::string(message) + "-P1",
                                   {{e2e(1), "RJCT", "AC04"}}));
  const auto latest = json::parse(status_of(message).json).at("result");
  CHECK(latest["status"] == "rejected");
  CHECK(latest["references"]["end_to_end_id"] == e2e(1));
}

TEST_CASE("status PaymentBatch of a MsgId never sent, or with a bad query, is refused",
          "[status][batch_status]") {
  bank_file_rig rig;
  submit_supplier_run(rig);
  auto call = [&](const json& query) {
    return rig.call({{"contract", "1.0"}, {"op", "status"}, {"object", "PaymentBatch"},
                     {"deadline_ms", 5000}, {"query", query}});
  };
  const auto unknown = call({{"natural_key", {{"message_id", "7FC78B545B1B723061D1-9"}}}});
  REQUIRE(unknown.error);
  CHECK(unknown.error->cls() == error_class::not_found);
  CHECK(unknown.error->code() == "bank_file.message_unknown");
  const auto foreign = call({{"natural_key", {{"message_id", "SOMEONE-ELSES-1"}}}});
  REQUIRE(foreign.error);
  CHECK(foreign.error->code() == "bank_file.message_unknown");
  for (const json& bad : {json{{"id", "x"}}, json{{"natural_key", {{"end_to_end_id", "x"}}}},
                          json{{"natural_key", {{"message_id", message}}}, {"limit", 5}}}) {
    const auto r = call(bad);
    REQUIRE(r.error);
    CHECK(r.error->cls() == error_class::validation);
    CHECK(r.error->code() == "bank_file.status_query_invalid");
  }
}
