#include "schema_error_mapping.hpp"

#include <catch2/catch.hpp>

using erpc::contract_detail::map_schema_failures;
using erpc::contract_detail::schema_failure;
using nlohmann::json;

TEST_CASE("bracketed tokens become pointer segments, index or name by the document",
          "[contract][mapping]") {
  const json doc = {{"lines", {{{"0", "x"}}}}};
  // "[0]" under an array is an index; the "[0]" under the object is a member named "0".
  const auto out = map_schema_failures(
      {{{"<root>", "[lines]", "[0]", "[0]"}, "Value type not permitted by 'type' constraint."}},
      doc);
  REQUIRE(out.size() == 1);
  CHECK(out[0].pointer == "/lines/0/0");
  CHECK(out[0].code == "schema.type");
}

TEST_CASE("required and additional properties point at the member", "[contract][mapping]") {
  const json doc = {{"a", json::object()}};
  const auto out = map_schema_failures(
      {{{"<root>", "[a]"}, "Missing required property 'b'."},
       {{"<root>", "[a]"},
        "Object contains a property that could not be validated using 'properties' or "
        "'additionalProperties' constraints: 'c'."}},
      doc, "/payload");
  REQUIRE(out.size() == 2);
  CHECK(out[0].pointer == "/payload/a/b");
  CHECK(out[0].code == "schema.required");
  CHECK(out[1].pointer == "/payload/a/c");
  CHECK(out[1].code == "schema.additional_property");
}

TEST_CASE("summaries are dropped when a leaf explains them", "[contract][mapping]") {
  const json doc = {{"a", "x"}};
  const std::vector<schema_failure> failures{
      {{"<root>", "[a]"}, "Failed to match against any enum values."},
      {{"<root>"}, "Failed to validate against schema associated with property name 'a'."}};
  const auto out = map_schema_failures(failures, doc);
  REQUIRE(out.size() == 1);
  CHECK(out[0].code == "schema.enum");

  const auto only_summary = map_schema_failures({failures[1]}, doc);
  REQUIRE(only_summary.size() == 1);
  CHECK(only_summary[0].code == "schema.invalid");
}

TEST_CASE("duplicate findings collapse", "[contract][mapping]") {
  const json doc = {{"a", 1}};
  const schema_failure f{{"<root>", "[a]"}, "Value type not permitted by 'type' constraint."};
  CHECK(map_schema_failures({f, f}, doc).size() == 1);
}
