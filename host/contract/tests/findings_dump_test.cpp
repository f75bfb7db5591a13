// Not a test of its own: a developer tool for changes to the validator's internals that must
// not change what it reports. With ERPC_FINDINGS_DUMP=<file> set, the hidden test case below
// writes every finding (pointer, code, message, in order) of validate, validate_request and
// validate_response over the examples and thousands of mutated documents. Run it before and
// after a change and compare the two files byte for byte:
//   ERPC_FINDINGS_DUMP=/tmp/before.txt erpc_host_contract_tests "[.findings_dump]"
#include "contract_test_support.hpp"
#include "document_mutations.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <random>

using erpc::contract_test::load_example;
using erpc::contract_test::mutate;
using erpc::contract_test::request_for;
using erpc::contract_test::validator;
using nlohmann::json;

namespace {

// The mutation values plus ones aimed at the invariants (currencies, minor units, bank
// identifiers, RF references) and at the precheck (depth, long strings).
std::vector<json> dump_values() {
  std::vector<json> pool = erpc::contract_test::default_mutation_values();
  json deep = "x";
  for (int i = 0; i < 70; ++i) deep = json::array({deep});
  const std::vector<json> more = {
      "USD", "JPY", "XXX", "CHF", "DE89370400440532013000", "DE89370400440532013001",
      "GB29NWBK60161331926819", "COBADEFFXXX", "COBADE", "COBAZZFFXXX", "DE", "XX", "zz",
      "RF18539007547034", "RF18539007547035", "RF", "100.00", "19.00", "0.01", "1",
      json::object({{"amount", "1"}, {"currency", "JPY"}}),
      json::object({{"amount", "1.5"}, {"currency", "USD"}}),
      json::object({{"amount", "1.00"}, {"currency", "XYZ"}}),
      json::object({{"amount", "abc"}, {"currency", "EUR"}}),
      json::object({{"amount", "1.000"}, {"currency", "BHD"}}),
      json::object({{"amount", "1.00"}, {"currency", "CLF"}}),
      json::object({{"type", "SCOR"}, {"reference", "RF00"}}),
      json::object({{"iban", "DE00"}, {"bic", "x"}, {"country", "QQ"}}),
      json::object({{"a/b~c", json::object({{"currency", "QQQ"}})}}),
      json::object({{"fee_currency", "ABC"}}), deep, std::string(5000, 'q')};
  pool.insert(pool.end(), more.begin(), more.end());
  return pool;
}

void write(std::ofstream& out, const std::string& what, const std::vector<erpc::field_error>& f) {
  out << "== " << what << " " << f.size() << "\n";
  for (const auto& e : f) out << e.pointer << "\t" << e.code << "\t" << e.message << "\n";
}

}  // namespace

TEST_CASE("dump every finding for a before/after comparison", "[.findings_dump]") {
  const char* path = std::getenv("ERPC_FINDINGS_DUMP");
  if (path == nullptr) return;
  std::ofstream out(path);
  const auto pool = dump_values();
  std::mt19937 rng(20261126);
  for (auto name : erpc::contract_validator::object_names()) {
    const auto example = load_example(name);
    for (int i = 0; i < 600; ++i) {
      json doc = example;
      const int edits = i == 0 ? 0 : 1 + static_cast<int>(rng() % 4);
      for (int e = 0; e < edits; ++e) mutate(doc, rng, pool);
      const std::string id = std::string(name) + " " + std::to_string(i);
      write(out, "validate " + id, validator().validate(name, doc));
      json request = request_for(name, doc);
      if (i % 3 == 0) mutate(request, rng, pool);
      write(out, "request " + id, validator().validate_request(request));
      write(out, "response " + id,
            validator().validate_response({{"status", "ok"}, {"replayed", false},
                                           {"result", doc}}));
      // The same document as another object: many findings from schema and invariants.
      const auto other = erpc::contract_validator::object_names()[rng() % 12];
      write(out, "as " + std::string(other) + " " + id, validator().validate(other, doc));
    }
  }
  write(out, "unknown", validator().validate("Banana", json::object()));
  write(out, "array", validator().validate("Invoice", json::array()));
  CHECK(out.good());
}
