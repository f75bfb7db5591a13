// The AP import flow against a fake gateway that behaves like the durable path: a write under a
// key already written answers the first result (the idempotency ledger), and the source hides
// invoices once marked exported (Coupa's `exported=false` pull).
#include <erpc/host/ap_import_flow.hpp>

#include <erpc/error.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <vector>

using namespace erpc;
using nlohmann::json;

namespace {

class fake_gateway final : public flow_gateway {
 public:
  std::vector<json> source;                    // pulled invoices (Coupa)
  std::set<std::string> exported;              // source ids marked
  std::map<std::string, json> erp_writes;      // key → first answer (ledger replay)
  std::vector<std::string> effects;            // "erp:<key>", "mark:<key>" in order, once each
  std::set<std::string> erp_refuses;           // source keys the ERP refuses (VALIDATION)
  int marks_to_lose = 0;                       // the next marks' replies are lost (IN_PROGRESS)
  std::vector<std::pair<std::string, json>> notes;

  json write(const std::string& connection, const std::string& object, const std::string& op,
             const std::string& key, const json& document, const std::string&) override {
    if (auto it = erp_writes.find(connection + "|" + key); it != erp_writes.end()) return it->second;
    json answer;
    if (connection == "netsuite") {
      REQUIRE(object == "Invoice");
      REQUIRE(op == "create");
      if (erp_refuses.count(key)) {
        throw error(error_class::validation, "netsuite.required", "line account required");
      }
      created.push_back(document);
      answer = {{"id", "ns-" + std::to_string(created.size())}};
    } else {
      REQUIRE(connection == "coupa");
      REQUIRE(op == "update");
      REQUIRE(document["external_refs"].contains("netsuite"));
      const auto id = document["external_refs"]["coupa"].get<std::string>();
      exported.insert(id);  // the effect happens even when the reply is lost
      effects.push_back("mark:" + key);
      if (marks_to_lose > 0) {
        --marks_to_lose;
        throw error(error_class::in_progress, "flow.write_pending", "still in the outbox")
            .with_effect(effect::possible);
      }
      answer = document;
    }
    if (connection == "netsuite") effects.push_back("erp:" + key);
    erp_writes[connection + "|" + key] = answer;
    return answer;
  }

  json read(const std::string& connection, const std::string& object, const std::string& op,
            const json& query, const std::string&) override {
    REQUIRE(connection == "coupa");
    REQUIRE(object == "Invoice");
    REQUIRE(op == "list");
    REQUIRE(query["limit"] == 100);
    json items = json::array();
    for (const auto& inv : source) {
      if (!exported.count(inv["external_refs"]["coupa"].get<std::string>())) items.push_back(inv);
    }
    return {{"items", items}};
  }

  bool raise(const std::string&, const std::string&, const std::string&, const std::string&,
             const json&, const error&, const std::string&) override {
    FAIL("the AP import raises nothing");
    return false;
  }
  bool resolve(const std::string&, const std::string&, const std::string&, const std::string&,
               const std::string&) override {
    FAIL("the AP import resolves nothing");
    return false;
  }
  void note(const std::string&, const std::string& event, const json& detail) override {
    notes.emplace_back(event, detail);
  }

  std::vector<json> created;
};

json coupa_invoice(const std::string& id, const std::string& supplier) {
  return {{"external_refs", {{"coupa", id}}},
          {"source", {{"system", "coupa"}, {"id", "invoices/" + id}}},
          {"document_type", "invoice"},
          {"direction", "payable"},
          {"supplier", {{"external_refs", {{"coupa", supplier}}}, {"name", "Acme"}}},
          {"invoice_number", "INV-" + id},
          {"invoice_date", "2026-03-01"},
          {"currency", "EUR"},
          {"lines", json::array({{{"net", {{"amount", "100.00"}, {"currency", "EUR"}}}},
                                 {{"net", {{"amount", "19.00"}, {"currency", "EUR"}}}, {"account", "6300"}}})},
          {"etag", "W/\"3\""}};
}

ap_import_config config() {
  return ap_import_config::from_json(
      {{"source", "coupa"}, {"erp", "netsuite"}, {"legal_entity", "DE01"}, {"default_account", "5400"},
       {"suppliers", {{"coupa:17", {{"external_refs", {{"netsuite", "1722"}}}}}}}});
}

}  // namespace

TEST_CASE("ap import: the ERP create commits before the source is marked, keyed by the source id",
          "[flows][ap_import]") {
  fake_gateway g;
  g.source = {coupa_invoice("5001", "17"), coupa_invoice("5002", "17")};
  ap_import_flow flow(config(), g);
  const auto summary = flow.run();
  CHECK(summary["imported"].size() == 2);
  CHECK(g.effects == std::vector<std::string>{"erp:coupa:5001", "mark:coupa:5001:exported",
                                              "erp:coupa:5002", "mark:coupa:5002:exported"});
  REQUIRE(g.created.size() == 2);
  const auto& doc = g.created[0];
  CHECK(doc["supplier"] == json({{"external_refs", {{"netsuite", "1722"}}}}));
  CHECK(doc["external_refs"] == json::object());
  CHECK(doc["legal_entity"] == "DE01");
  CHECK_FALSE(doc.contains("etag"));
  CHECK(doc["lines"][0]["account"] == "5400");  // the default for a line without one
  CHECK(doc["lines"][1]["account"] == "6300");
  CHECK(doc["source"]["system"] == "coupa");

  // A second run finds nothing to pull and writes nothing.
  const auto again = flow.run();
  CHECK(again["imported"].empty());
  CHECK(g.effects.size() == 4);
}

TEST_CASE("ap import: an invoice the ERP refuses is not marked and comes back in the next pull",
          "[flows][ap_import]") {
  fake_gateway g;
  g.source = {coupa_invoice("5001", "17"), coupa_invoice("5002", "17")};
  g.erp_refuses = {"coupa:5001"};
  ap_import_flow flow(config(), g);
  const auto summary = flow.run();
  REQUIRE(summary["failed"].size() == 1);
  CHECK(summary["failed"][0]["source_id"] == "coupa:5001");
  CHECK(summary["failed"][0]["step"] == "erp_create");
  CHECK(summary["failed"][0]["error"]["code"] == "netsuite.required");
  CHECK(g.exported == std::set<std::string>{"5002"});

  g.erp_refuses.clear();  // a person fixed the mapping; the ledger had freed the key
  const auto next = flow.run();
  CHECK(next["imported"].size() == 1);
  CHECK(g.exported == std::set<std::string>{"5001", "5002"});
}

TEST_CASE("ap import: a lost reply to the mark replays the ERP create, never books twice",
          "[flows][ap_import]") {
  fake_gateway g;
  g.source = {coupa_invoice("5001", "17")};
  g.marks_to_lose = 1;
  ap_import_flow flow(config(), g);
  const auto first = flow.run();
  REQUIRE(first["failed"].size() == 1);
  CHECK(first["failed"][0]["step"] == "source_mark_exported");
  // The mark happened at the source; had it not, the next pull would bring the invoice back
  // and its ERP create would replay under coupa:5001.
  g.exported.clear();
  const auto second = flow.run();
  CHECK(second["imported"].size() == 1);
  CHECK(g.created.size() == 1);  // one ERP invoice
  CHECK(std::count(g.effects.begin(), g.effects.end(), "erp:coupa:5001") == 1);
}

TEST_CASE("ap import: an unmapped supplier or a receivable is skipped with the reason, untouched",
          "[flows][ap_import]") {
  fake_gateway g;
  auto receivable = coupa_invoice("5003", "17");
  receivable["direction"] = "receivable";
  g.source = {coupa_invoice("5001", "99"), receivable};
  ap_import_flow flow(config(), g);
  const auto summary = flow.run();
  REQUIRE(summary["skipped"].size() == 2);
  CHECK(summary["skipped"][0]["reason"].get<std::string>().find("coupa:99") != std::string::npos);
  CHECK(g.effects.empty());
}

TEST_CASE("ap import configuration errors name the field", "[flows][ap_import]") {
  for (const auto& bad : {json{{"source", "coupa"}}, json{{"source", "coupa"}, {"erp", "coupa"}},
                          json{{"source", "coupa"}, {"erp", "netsuite"}},
                          json{{"source", "coupa"}, {"erp", "netsuite"}, {"suppliers", {{"coupa:1", "x"}}}}}) {
    CAPTURE(bad.dump());
    try {
      ap_import_config::from_json(bad);
      FAIL("accepted");
    } catch (const error& e) {
      CHECK(e.code() == "flow.bad_config");
    }
  }
}
