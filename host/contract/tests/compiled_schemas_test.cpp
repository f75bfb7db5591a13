#include "compiled_schemas.hpp"

#include <erpc/host/contract_validator.hpp>
#include <erpc/schemas/embedded_schemas.hpp>

#include <catch2/catch.hpp>

using erpc::contract_detail::compiled_schemas;

TEST_CASE("every object and envelope schema is embedded and compiles", "[contract][schemas]") {
  const compiled_schemas schemas;
  for (auto name : erpc::contract_validator::object_names()) {
    INFO(name);
    CHECK(schemas.find(name) != nullptr);
  }
  for (auto name : {"request", "response", "error"}) CHECK(schemas.find(name) != nullptr);
  CHECK(schemas.find("Banana") == nullptr);
}

TEST_CASE("object names map to schema files", "[contract][schemas]") {
  CHECK(compiled_schemas::file_for("JournalEntry") == "v1/journal_entry.schema.json");
  CHECK(compiled_schemas::file_for("request") == "v1/request.schema.json");
  CHECK_FALSE(compiled_schemas::file_for("invoice").has_value());  // names are case-sensitive
}

TEST_CASE("the embedded set holds the v1 files byte for byte", "[contract][schemas]") {
  const auto* common = erpc::schemas::find_embedded("v1/common.schema.json");
  REQUIRE(common != nullptr);
  CHECK(common->text.find("\"money\"") != std::string_view::npos);
  CHECK(erpc::schemas::find_embedded("v1/nothing.schema.json") == nullptr);
  CHECK(erpc::schemas::all_embedded().size() >= 16);
}
