// The differential test of the host's schema engine: schema_check_tree must report exactly what
// valijson (compiled_schemas, the reference oracle) reports, after the same mapping: the same
// pointers, codes and messages in the same order, on every example and on thousands of
// mutated documents and envelopes.
#include "compiled_schemas.hpp"
#include "contract_test_support.hpp"
#include "schema_check_tree.hpp"
#include "schema_documents.hpp"

#include <erpc/host/contract_validator.hpp>

#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

using erpc::field_error;
using erpc::contract_detail::compiled_schemas;
using erpc::contract_detail::embedded_schema_documents;
using erpc::contract_detail::schema_check_tree;
using nlohmann::json;

namespace {

const compiled_schemas& oracle() {
  static const compiled_schemas s;
  return s;
}

const schema_check_tree& tree() {
  static const schema_check_tree t(embedded_schema_documents());
  return t;
}

std::string show(const std::vector<field_error>& errors) {
  return erpc::contract_test::describe(errors);
}

// Both engines on one document; a mismatch names the document.
void require_agreement(std::string_view name, const json& doc, std::string_view prefix = "") {
  const auto expected = compiled_schemas::check(*oracle().find(name), doc, prefix);
  const auto actual = tree().check(name, doc, prefix);
  INFO(name << " document " << doc.dump());
  INFO("valijson: " << show(expected));
  INFO("tree:     " << show(actual));
  REQUIRE(actual.size() == expected.size());
  for (std::size_t i = 0; i < actual.size(); ++i) {
    CHECK(actual[i].pointer == expected[i].pointer);
    CHECK(actual[i].code == expected[i].code);
    CHECK(actual[i].message == expected[i].message);
  }
}

// Every node of a document, as JSON pointers (the root is "").
void pointers_of(const json& node, const json::json_pointer& at,
                 std::vector<json::json_pointer>& out) {
  out.push_back(at);
  if (node.is_object()) {
    for (const auto& [key, value] : node.items()) pointers_of(value, at / key, out);
  } else if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) pointers_of(node[i], at / i, out);
  }
}

// Values a mutation may put anywhere: wrong types, near-miss strings, empty containers.
json some_value(std::mt19937& rng, const json& near) {
  static const std::vector<json> pool = {
      nullptr, true, false, 0, -1, 7, 1.5, "", "x", "EUR", "eur", "2026-02-30", "2026-03-02",
      "12.345", "-0", "100.001", "119.00", "A", std::string(300, 'z'), json::array(),
      json::object(), json::array({"x"}), json::object({{"amount", "1.00"}}),
      json::object({{"amount", "1.00"}, {"currency", "EUR"}}), "create", "ok", "error",
      "Invoice", "Banana", "unknown"};
  if (near.is_string() && rng() % 2 == 0) {
    std::string s = near.get<std::string>();
    switch (rng() % 5) {
      case 0: return s.empty() ? s : s.substr(0, s.size() - 1);
      case 1: return s + "9";
      case 2: return s + "\xc3\xa9";
      case 3: {
        for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return s;
      }
      default: return std::string(s.size() * 3 + 1, s.empty() ? 'a' : s[0]);
    }
  }
  return pool[rng() % pool.size()];
}

// One random edit of `doc`: replace, delete, add a member, or empty/duplicate an array.
void mutate(json& doc, std::mt19937& rng) {
  std::vector<json::json_pointer> nodes;
  pointers_of(doc, json::json_pointer(), nodes);
  const auto& at = nodes[rng() % nodes.size()];
  json& target = doc[at];
  switch (rng() % 6) {
    case 0:
    case 1:
      if (at.empty()) return;
      target = some_value(rng, target);
      return;
    case 2: {
      if (at.empty()) return;
      json& parent = doc[at.parent_pointer()];
      if (parent.is_object()) parent.erase(at.back());
      else parent.erase(static_cast<std::size_t>(std::stoul(at.back())));
      return;
    }
    case 3:
      if (target.is_object()) {
        static const std::vector<std::string> names = {"unexpected", "zz", "a", "id",
                                                       "Bad-Name", "amount", "result",
                                                       "error", "replayed", "payload"};
        target[names[rng() % names.size()]] = some_value(rng, nullptr);
      }
      return;
    case 4:
      if (target.is_array()) {
        if (!target.empty() && rng() % 2 == 0) target.push_back(target[0]);
        else target = json::array();
      }
      return;
    default:
      if (target.is_object() && !target.empty()) {
        auto it = target.begin();
        std::advance(it, static_cast<long>(rng() % target.size()));
        it.value() = some_value(rng, it.value());
      }
      return;
  }
}

json request_for(std::string_view object, const json& payload) {
  return {{"contract", "1.0"},       {"op", "create"},       {"object", object},
          {"idempotency_key", "k-1"}, {"attempt", 1},         {"deadline_ms", 30000},
          {"correlation_id", "c-1"}, {"payload", payload}};
}

}  // namespace

TEST_CASE("the check tree and valijson agree on every example", "[contract][differential]") {
  for (auto name : erpc::contract_validator::object_names()) {
    const auto example = erpc::contract_test::load_example(name);
    require_agreement(name, example);
    CHECK(tree().check(name, example, "").empty());
    require_agreement("request", request_for(name, example));
  }
  require_agreement("response", {{"status", "ok"}, {"replayed", false}, {"result", json::object()}});
  require_agreement("response", {{"status", "error"},
                                 {"error", {{"class", "VALIDATION"}, {"code", "x"},
                                            {"message", "m"}, {"retryable", false},
                                            {"effect", "none"}}}});
}

TEST_CASE("the check tree and valijson agree on mutated documents", "[contract][differential]") {
  std::mt19937 rng(4242);
  std::size_t rejected = 0;
  std::size_t total = 0;
  for (auto name : erpc::contract_validator::object_names()) {
    const auto example = erpc::contract_test::load_example(name);
    for (int i = 0; i < 150; ++i) {
      json doc = example;
      const int edits = 1 + static_cast<int>(rng() % 3);
      for (int e = 0; e < edits; ++e) mutate(doc, rng);
      require_agreement(name, doc);
      require_agreement(name, doc, "/payload");
      ++total;
      if (!tree().check(name, doc, "").empty()) ++rejected;
    }
  }
  // The mutations must mostly break documents, or the agreement above proves little.
  CHECK(rejected * 2 > total);
}

TEST_CASE("the check tree and valijson agree on mutated envelopes", "[contract][differential]") {
  std::mt19937 rng(777);
  const auto invoice = erpc::contract_test::load_example("Invoice");
  const std::vector<json> requests = {
      request_for("Invoice", invoice),
      {{"contract", "1.0"}, {"op", "get"}, {"object", "Invoice"}, {"deadline_ms", 100},
       {"query", {{"id", "INV-1"}, {"natural_key", {{"number", "A-1"}}}}}},
      {{"contract", "1.0"}, {"op", "cancel"}, {"object", "Payment"}, {"deadline_ms", 100},
       {"idempotency_key", "k"}, {"query", {{"id", "P-1"}}}, {"prior_outcome", nullptr},
       {"traceparent", "00-0123456789abcdef0123456789abcdef-0123456789abcdef-01"}}};
  const std::vector<json> responses = {
      {{"status", "ok"}, {"replayed", true}, {"result", invoice}},
      {{"status", "ok"}, {"replayed", false}, {"result", json::array()}, {"next_cursor", "c"}},
      {{"status", "error"},
       {"error", {{"class", "CONFLICT"}, {"code", "v.conflict"}, {"message", "m"},
                  {"retryable", false}, {"effect", "none"}}}}};
  for (int i = 0; i < 400; ++i) {
    json request = requests[rng() % requests.size()];
    json response = responses[rng() % responses.size()];
    const int edits = 1 + static_cast<int>(rng() % 3);
    for (int e = 0; e < edits; ++e) {
      mutate(request, rng);
      mutate(response, rng);
    }
    require_agreement("request", request);
    require_agreement("response", response);
  }
  require_agreement("request", json::array());
  require_agreement("response", "ok");
}

TEST_CASE("the check tree refuses a schema keyword it does not implement",
          "[contract][differential]") {
  auto documents = embedded_schema_documents();
  documents["v1/invoice.schema.json"]["properties"]["lines"]["uniqueItems"] = true;
  try {
    const schema_check_tree t(documents);
    FAIL("an unsupported keyword was accepted");
  } catch (const erpc::error& e) {
    CHECK(e.code() == "contract.schema_load");
    CHECK(e.message().find("uniqueItems") != std::string::npos);
  }
}
