// SPDX-License-Identifier: Apache-2.0
// submit PaymentBatch: atomic placement, replay, key reuse, the crash windows of the archive-first
// order, generations after a rejection, configuration errors, concurrent submits.
#include "bank_file_rig.hpp"
#include "payment_test_support.hpp"

#include <atomic>
#include <thread>

namespace {

using namespace erpc::bank_file::test;
using erpc::error_class;

constexpr char batch_key[] = "netsuite:payment-run:PR-2026-0301";
constexpr char first_message[] = "7FC78B545B1B723061D1-1";  // docs/bank-payments.md example

json result_of(const erpc::testing::call_result& r) {
  INFO((r.error ? r.error->code() + ": " + r.error->message() : r.json));
  REQUIRE(r.ok);
  return json::parse(r.json);
}

json key_record(const bank_file_rig& rig) {
  return json::parse(read_text(rig.state() / "sent" / "7FC78B545B1B723061D1.json"));
}
void save_key_record(const bank_file_rig& rig, const json& record) {
  std::ofstream(rig.state() / "sent" / "7FC78B545B1B723061D1.json") << record.dump();
}

}  // namespace

TEST_CASE("submit writes one XSD-valid pain.001 under its MsgId, no temp file left", "[submit]") {
  bank_file_rig rig;
  const auto answer = result_of(rig.submit(batch_key, supplier_run_batch()));
  CHECK_FALSE(answer.at("replayed").get<bool>());
  const auto& batch = answer.at("result");
  CHECK(batch.at("message_id") == first_message);
  CHECK(batch.at("external_refs").at("bank_iso20022") == first_message);
  CHECK(batch.at("external_refs").at("netsuite") == "PR-2026-0301");  // the caller's refs stay
  CHECK(batch.at("created_at") == "2026-03-01T10:00:00Z");
  for (std::size_t i = 0; i < batch.at("payments").size(); ++i) {
    const auto& refs = batch["payments"][i].at("references");
    CHECK(refs.at("message_id") == first_message);
    CHECK(refs.at("end_to_end_id") == std::string(first_message) + "-E" + std::to_string(i + 1));
    CHECK(refs.contains("payment_information_id"));
    CHECK(refs.contains("instruction_id"));
  }
  CHECK(erpc::banking::test::validator().validate("PaymentBatch", batch).empty());

  // Only the final name is visible: the temp file was renamed, not copied.
  REQUIRE(names_in(rig.outbound()) == std::vector<std::string>{std::string(first_message) + ".xml"});
  const auto xml = read_text(rig.outbound() / (std::string(first_message) + ".xml"));
  REQUIRE_XSD_VALID(xml, "pain.001.001.09-EPC132-08-2023-SCT.xsd");
  CHECK(xml.find("<MsgId>7FC78B545B1B723061D1-1</MsgId>") != std::string::npos);
  CHECK(xml.find("<CreDtTm>2026-03-01T10:00:00</CreDtTm>") != std::string::npos);
  // The archive (natural-key store) holds the same bytes and says the file was placed.
  CHECK(read_text(rig.state() / "sent" / (std::string(first_message) + ".xml")) == xml);
  CHECK(key_record(rig)["generations"]["1"]["placement"] == "placed");
}

TEST_CASE("the pain.001 version is a connection setting", "[submit]") {
  bank_file_rig rig(json{{"pain001_version", "pain.001.001.03"}});
  result_of(rig.submit(batch_key, supplier_run_batch()));
  const auto xml = read_text(rig.outbound() / (std::string(first_message) + ".xml"));
  REQUIRE_XSD_VALID(xml, "pain.001.001.03.xsd");
}

TEST_CASE("the same key and content is a replay: the stored result, no second file", "[submit]") {
  bank_file_rig rig;
  const auto first = result_of(rig.submit(batch_key, supplier_run_batch()));
  const auto taken = rig.bank_takes_outbound();
  REQUIRE(taken.size() == 1);

  SECTION("on the same connection") {
    const auto again = result_of(rig.submit(batch_key, supplier_run_batch()));
    CHECK(again.at("replayed").get<bool>());
    CHECK(again.at("result") == first.at("result"));
  }
  SECTION("after a restart, from the archive alone") {
    rig.host().clock().set(1772445600000);  // a day later: CreDtTm would differ if rewritten
    rig.reopen();
    const auto again = result_of(rig.submit(batch_key, supplier_run_batch()));
    CHECK(again.at("replayed").get<bool>());
    CHECK(again.at("result") == first.at("result"));
  }
  SECTION("as a retry after a lost reply (prior_outcome unknown): read back from the archive") {
    const auto again = result_of(rig.call({{"contract", "1.0"}, {"op", "submit"},
                                           {"object", "PaymentBatch"}, {"idempotency_key", batch_key},
                                           {"attempt", 2}, {"prior_outcome", "unknown"},
                                           {"deadline_ms", 30000}, {"payload", supplier_run_batch()}}));
    CHECK(again.at("replayed").get<bool>());
    CHECK(again.at("result") == first.at("result"));
  }
  SECTION("with the result sent back and amounts written another way") {
    auto same = first.at("result");
    same["payments"][0]["amount"]["amount"] = "119.0";
    same["notes"] = "ignorable";
    const auto again = result_of(rig.submit(batch_key, same));
    CHECK(again.at("replayed").get<bool>());
  }
  CHECK(names_in(rig.outbound()).empty());  // the bank took it; nothing was placed again
}

TEST_CASE("the same key with other content is IDEMPOTENCY_KEY_REUSE", "[submit]") {
  bank_file_rig rig;
  result_of(rig.submit(batch_key, supplier_run_batch()));
  auto changed = supplier_run_batch();
  changed["payments"][0]["amount"]["amount"] = "120.00";
  changed["control_sum"] = "1455.40";
  const auto r = rig.submit(batch_key, changed);
  REQUIRE(r.error);
  CHECK(r.error->cls() == error_class::idempotency_key_reuse);
  CHECK(r.error->code() == "bank_file.idempotency_key_reuse");
  CHECK(r.error->effect() == erpc::effect::none);
  CHECK(names_in(rig.outbound()).size() == 1);
}

TEST_CASE("a batch the writer refuses leaves nothing behind and the key free", "[submit]") {
  bank_file_rig rig;
  auto usd = supplier_run_batch();
  usd["payments"][0]["amount"]["currency"] = "USD";
  const auto r = rig.submit(batch_key, usd);
  REQUIRE(r.error);
  CHECK(r.error->cls() == error_class::validation);
  CHECK(r.error->code() == "pain001.sepa_currency");
  CHECK(names_in(rig.outbound()).empty());
  CHECK_FALSE(fs::exists(rig.state() / "sent" / "7FC78B545B1B723061D1.json"));
  CHECK_FALSE(result_of(rig.submit(batch_key, supplier_run_batch())).at("replayed").get<bool>());
}

TEST_CASE("debtor defaults from the connection fill a batch that has none", "[submit]") {
  auto batch = supplier_run_batch();
  const json debtor = batch["debtor"];
  const json account = batch["debtor_account"];
  batch.erase("debtor");
  batch.erase("debtor_account");
  bank_file_rig rig(json{{"debtor", debtor}, {"debtor_account", account}});
  result_of(rig.submit(batch_key, batch));
  const auto xml = read_text(rig.outbound() / (std::string(first_message) + ".xml"));
  CHECK(xml.find("DE44500105175407324931") != std::string::npos);
  REQUIRE_XSD_VALID(xml, "pain.001.001.09-EPC132-08-2023-SCT.xsd");
}

TEST_CASE("a retry finishes a placement a crash interrupted, never writing twice", "[submit][crash]") {
  bank_file_rig rig;
  const auto first = result_of(rig.submit(batch_key, supplier_run_batch()));
  const std::string final_name = std::string(first_message) + ".xml";
  const std::string temp_name = "." + final_name + ".tmp";
  auto record = key_record(rig);

  SECTION("crash after the archive, before the temp file: the file is placed") {
    fs::remove(rig.outbound() / final_name);
    std::ofstream(rig.outbound() / temp_name) << "<partial";  // a torn temp write
    record["generations"]["1"]["placement"] = "archived";
    save_key_record(rig, record);
    rig.reopen();
    CHECK(result_of(rig.submit(batch_key, supplier_run_batch())).at("replayed").get<bool>());
    REQUIRE(names_in(rig.outbound()) == std::vector<std::string>{final_name});
    CHECK(read_text(rig.outbound() / final_name) ==
          read_text(rig.state() / "sent" / final_name));
  }
  SECTION("crash after the temp file, before the rename: the rename is done") {
    fs::rename(rig.outbound() / final_name, rig.outbound() / temp_name);
    record["generations"]["1"]["placement"] = "staged";
    save_key_record(rig, record);
    rig.reopen();
    CHECK(result_of(rig.submit(batch_key, supplier_run_batch())).at("replayed").get<bool>());
    CHECK(names_in(rig.outbound()) == std::vector<std::string>{final_name});
  }
  SECTION("crash after the rename, and the bank took the file: nothing is written again") {
    rig.bank_takes_outbound();
    record["generations"]["1"]["placement"] = "staged";
    save_key_record(rig, record);
    rig.reopen();
    CHECK(result_of(rig.submit(batch_key, supplier_run_batch())).at("replayed").get<bool>());
    CHECK(names_in(rig.outbound()).empty());
  }
  CHECK(key_record(rig)["generations"]["1"]["placement"] == "placed");
}

TEST_CASE("generation 2 only after generation 1 was rejected in full", "[submit][generation]") {
  bank_file_rig rig;
  const std::string second_key = std::string(batch_key) + ".g2";

  SECTION("not before generation 1 exists") {
    const auto r = rig.submit(second_key, supplier_run_batch());
    REQUIRE(r.error);
    CHECK(r.error->cls() == error_class::validation);
    CHECK(r.error->code() == "bank_file.generation_out_of_order");
  }
  SECTION("not while generation 1 stands") {
    result_of(rig.submit(batch_key, supplier_run_batch()));
    const auto r = rig.submit(second_key, supplier_run_batch());
    REQUIRE(r.error);
    CHECK(r.error->cls() == error_class::conflict);
    CHECK(r.error->code() == "bank_file.generation_not_rejected");
  }
  SECTION("a group RJCT (FF01) with no transactions listed: a new MsgId, new identifiers") {
    const auto first = result_of(rig.submit(batch_key, supplier_run_batch())).at("result");
    rig.bank_takes_outbound();
    rig.deliver("status-1.xml", banking_data("pain/pain002_v03_group_rjct_ff01.xml"));
    const auto second = result_of(rig.submit(second_key, supplier_run_batch()));
    CHECK_FALSE(second.at("replayed").get<bool>());
    CHECK(second["result"]["message_id"] == "7FC78B545B1B723061D1-2");
    for (std::size_t i = 0; i < first["payments"].size(); ++i) {
      CHECK(second["result"]["payments"][i]["references"]["end_to_end_id"] !=
            first["payments"][i]["references"]["end_to_end_id"]);
    }
    const auto files = names_in(rig.outbound());
    REQUIRE(files == std::vector<std::string>{"7FC78B545B1B723061D1-2.xml"});
    REQUIRE_XSD_VALID(read_text(rig.outbound() / files[0]),
                      "pain.001.001.09-EPC132-08-2023-SCT.xsd");
    // generation 2 replays like any key, and a third needs generation 2 rejected
    CHECK(result_of(rig.submit(second_key, supplier_run_batch())).at("replayed").get<bool>());
    const auto third = rig.submit(std::string(batch_key) + ".g3", supplier_run_batch());
    REQUIRE(third.error);
    CHECK(third.error->code() == "bank_file.generation_not_rejected");
  }
  SECTION("after a rejection the next generation may carry a corrected batch") {
    result_of(rig.submit(batch_key, supplier_run_batch()));
    rig.deliver("status-1.xml", banking_data("pain/pain002_v03_group_rjct_ff01.xml"));
    auto corrected = supplier_run_batch();
    corrected["payments"][0]["remittance"]["unstructured"] = "INV-2026-0042 corrected";
    const auto second = result_of(rig.submit(second_key, corrected));
    CHECK(second["result"]["message_id"] == "7FC78B545B1B723061D1-2");
    // generation 1 is still what it was: its key replays, a changed generation 1 is refused
    CHECK(result_of(rig.submit(batch_key, supplier_run_batch())).at("replayed").get<bool>());
    const auto reuse = rig.submit(batch_key, corrected);
    REQUIRE(reuse.error);
    CHECK(reuse.error->cls() == error_class::idempotency_key_reuse);
  }
  SECTION("a group RJCT for DUPL is not a rejection of the payments") {
    result_of(rig.submit(batch_key, supplier_run_batch()));
    rig.deliver("status-dupl.xml", pain002("PSR-D", first_message, "RJCT", "DUPL"));
    const auto listed = rig.list("PaymentStatus");
    REQUIRE(listed.error);
    CHECK(listed.error->cls() == error_class::conflict);
    CHECK(listed.error->code() == "bank_file.pain002_duplicate_message");
    CHECK(listed.error->message().find("status-dupl.xml") != std::string::npos);
    CHECK(rig.list_ok("PaymentStatus").at("items").empty());
    const auto r = rig.submit(second_key, supplier_run_batch());
    REQUIRE(r.error);
    CHECK(r.error->code() == "bank_file.generation_not_rejected");
  }
}

TEST_CASE("two submits of one key at once write one file", "[submit][concurrency]") {
  bank_file_rig rig;
  erpc::testing::call_result a, b;
  std::thread t1([&] { a = rig.submit(batch_key, supplier_run_batch()); });
  std::thread t2([&] { b = rig.submit(batch_key, supplier_run_batch()); });
  t1.join();
  t2.join();
  REQUIRE(a.ok);
  REQUIRE(b.ok);
  const bool replay_a = json::parse(a.json)["replayed"];
  const bool replay_b = json::parse(b.json)["replayed"];
  CHECK(replay_a != replay_b);
  CHECK(names_in(rig.outbound()).size() == 1);
}

TEST_CASE("configuration errors name the setting", "[config]") {
  bank_file_rig rig;
  auto config_error = [&](json config) {
    const auto r = rig.host().check(rig.adapter(), config.dump());
    REQUIRE(r.error);
    CHECK(r.error->cls() == error_class::configuration);
    CHECK(r.error->code() == "bank_file.config");
    return *r.error;
  };
  auto has = [](const erpc::error& e, const std::string& pointer) {
    for (const auto& f : e.field_errors()) {
      if (f.pointer == pointer) return true;
    }
    return false;
  };
  auto base = rig.config();
  {
    auto c = base;
    c.erase("outbound_dir");
    CHECK(has(config_error(c), "/outbound_dir"));
  }
  {
    auto c = base;
    c["inbound_dir"] = "relative/in";
    CHECK(has(config_error(c), "/inbound_dir"));
  }
  {
    auto c = base;
    c["inbound_dir"] = (rig.outbound() / "does-not-exist").string();
    CHECK(has(config_error(c), "/inbound_dir"));
  }
  {
    auto c = base;
    c["state_dir"] = base["outbound_dir"];
    CHECK(has(config_error(c), "/state_dir"));
  }
  {
    auto c = base;
    c["pain001_version"] = "pain.001.001.02";
    c["part_unlisted"] = "maybe";
    c["colour"] = "blue";
    const auto e = config_error(c);
    CHECK(has(e, "/pain001_version"));
    CHECK(has(e, "/part_unlisted"));
    CHECK(has(e, "/colour"));
  }
  CHECK(rig.host().check(rig.adapter(), base.dump()).ok);
}

TEST_CASE("operations the adapter does not offer are UNSUPPORTED", "[submit]") {
  bank_file_rig rig;
  const auto r = rig.call({{"contract", "1.0"}, {"op", "create"}, {"object", "Invoice"},
                           {"idempotency_key", "x"}, {"deadline_ms", 1000}, {"payload", json::object()}});
  REQUIRE(r.error);
  CHECK(r.error->cls() == error_class::unsupported);
}

TEST_CASE("a reader polling the outbound folder never sees a partial pain.001", "[submit][atomic]") {
  bank_file_rig rig;
  std::atomic<bool> done{false};
  std::atomic<int> seen{0};
  std::atomic<int> partial{0};
  std::thread bank([&] {
    while (!done.load()) {
      for (const auto& name : names_in(rig.outbound())) {
        if (name.front() == '.') continue;  // temp names are not the bank's to read
        std::ifstream in(rig.outbound() / name, std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        const auto text = s.str();
        if (text.empty()) continue;  // renamed away between listing and opening
        ++seen;
        if (text.size() < 12 || text.compare(text.size() - 12, 12, "</Document>\n") != 0) ++partial;
      }
    }
  });
  for (int i = 0; i < 15; ++i) {
    const auto r = rig.submit("run-" + std::to_string(i), supplier_run_batch());
    CHECK(r.ok);
  }
  done = true;
  bank.join();
  CHECK(partial.load() == 0);
  CHECK(seen.load() > 0);
  std::size_t visible = 0;
  for (const auto& name : names_in(rig.outbound())) visible += name.front() == '.' ? 0 : 1;
  CHECK(visible == 15);
}
