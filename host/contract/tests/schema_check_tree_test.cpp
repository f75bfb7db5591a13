// The differential test of the host's schema engine: schema_check_tree must report exactly what
// valijson (compiled_schemas, the reference oracle) reports, after the same mapping: the same
// pointers, codes and messages in the same order, on every example and on thousands of
// mutated documents and envelopes.
#include "compiled_schemas.hpp"
#include "contract_test_support.hpp"
#include "document_mutations.hpp"
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
using erpc::contract_test::mutate;
using erpc::contract_test::request_for;
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
