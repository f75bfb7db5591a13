#include <erpc/host/adapter_manifest.hpp>

#include "loader_test_support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using erpc::contract_range;
using erpc::parse_adapter_manifest;
using erpc::validate_adapter_manifest;
using erpc::testing::error_from;
using nlohmann::json;

namespace {

json valid_manifest() {
  return json::parse(R"({
    "id": "netsuite", "name": "NetSuite", "vendor": "Oracle", "version": "1.4.0-rc.1+b7",
    "status": "beta", "contract": {"min": "1.0", "max": "1.x"},
    "objects": {"Invoice": ["create", "get", "list"], "Payment": ["create", "status"]},
    "capabilities": ["erpc.cap.bulk/1"],
    "config_schema": {"type": "object", "required": ["account"],
                      "properties": {"account": {"type": "string"}}},
    "mapping_version": "2026.1"})");
}

erpc::error refusal(const json& manifest, const std::string& entry_id = "netsuite") {
  auto e = error_from([&] { validate_adapter_manifest(manifest, entry_id); });
  REQUIRE(e);
  return *e;
}

bool has_field(const erpc::error& e, const std::string& pointer) {
  for (const auto& f : e.field_errors()) {
    if (f.pointer == pointer) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("a complete manifest is accepted", "[manifest]") {
  CHECK_NOTHROW(validate_adapter_manifest(valid_manifest(), "netsuite"));
  const auto parsed = parse_adapter_manifest(valid_manifest().dump(), "netsuite", 1 << 20);
  CHECK(parsed["vendor"] == "Oracle");
}

TEST_CASE("schema violations are reported with JSON pointers", "[manifest]") {
  auto m = valid_manifest();
  m["id"] = "Net-Suite";
  m.erase("vendor");
  m["objects"]["Invoice"].push_back("delete");
  m["status"] = "production";
  const auto e = refusal(m);
  CHECK(e.code() == "loader.invalid_manifest");
  CHECK(e.cls() == erpc::error_class::configuration);
  CHECK(has_field(e, "/id"));
  CHECK(has_field(e, "/status"));
  CHECK(has_field(e, "/objects/Invoice/3"));
  CHECK(has_field(e, ""));  // required "vendor" is reported on the object itself
}

TEST_CASE("each field rule is enforced", "[manifest]") {
  const std::vector<std::pair<std::string, json>> cases = {
      {"/version", "1.0"},
      {"/version", "01.2.3"},
      {"/id", std::string(49, 'a')},
      {"/capabilities/0", "bulk"},
      {"/config_schema", "not an object"},
      {"/mapping_version", ""},
      {"/contract/max", "1.y"},
  };
  for (const auto& [pointer, value] : cases) {
    INFO(pointer << " = " << value.dump());
    auto m = valid_manifest();
    m[json::json_pointer(pointer)] = value;
    CHECK(refusal(m, m["id"].is_string() ? m["id"].get<std::string>() : "x").code() ==
          "loader.invalid_manifest");
  }
  auto extra = valid_manifest();
  extra["surprise"] = true;
  CHECK(refusal(extra).code() == "loader.invalid_manifest");
}

TEST_CASE("the manifest id must equal the entry's adapter_id", "[manifest]") {
  const auto e = refusal(valid_manifest(), "sap");
  CHECK(e.code() == "loader.invalid_manifest");
  CHECK_THAT(e.what(), Catch::Contains("'netsuite'") && Catch::Contains("'sap'"));
  CHECK(has_field(e, "/id"));
}

TEST_CASE("contract ranges are negotiated against the host's version", "[manifest]") {
  CHECK(contract_range::parse("1.0", "1.x").includes(1, 0));
  CHECK(contract_range::parse("1.0", "1.x").includes(1, 7));
  CHECK_FALSE(contract_range::parse("1.1", "1.x").includes(1, 0));
  CHECK(contract_range::parse("0.9", "2.0").includes(1, 5));
  CHECK_FALSE(contract_range::parse("2.0", "2.0").includes(1, 0));
  CHECK(error_from([] { contract_range::parse("2.0", "1.x"); })->code() ==
        "loader.invalid_manifest");

  auto m = valid_manifest();
  m["contract"] = {{"min", "2.0"}, {"max", "2.0"}};
  const auto e = refusal(m);
  CHECK(e.code() == "loader.contract_unsupported");
  CHECK_THAT(e.what(), Catch::Contains("2.0–2.0") && Catch::Contains("1.0–1.0"));
}

TEST_CASE("config_schema must be a usable draft-07 schema", "[manifest]") {
  auto m = valid_manifest();
  m["config_schema"] = {{"type", 12}};
  const auto e = refusal(m);
  CHECK(e.code() == "loader.invalid_manifest");
  CHECK(has_field(e, "/config_schema"));
}

TEST_CASE("manifest text is parsed strictly", "[manifest]") {
  const auto code = [](const std::string& text, std::size_t limit = 1 << 20) {
    const auto e = error_from([&] { parse_adapter_manifest(text, "netsuite", limit); });
    return e ? e->code() + ": " + e->what() : std::string("accepted");
  };
  // Each refusal keeps the loader's code and names the boundary parser's code.
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"({"id":"a","id":"b"})", "json.duplicate_key"},
      {std::string(70, '[') + std::string(70, ']'), "json.too_deep"},
      {R"({"id":1.5})", "json.non_integer_number"},
      {"{\"id\":\"\xff\"}", "json.invalid_utf8"},
      {"{} trailing", "json.malformed"},
  };
  for (const auto& [text, json_code] : cases) {
    INFO(text);
    const auto result = code(text);
    CHECK_THAT(result, Catch::StartsWith("loader.invalid_manifest"));
    CHECK_THAT(result, Catch::Contains(json_code));
  }
  const auto too_large = code(valid_manifest().dump(), 16);
  CHECK_THAT(too_large, Catch::StartsWith("loader.invalid_manifest"));
  CHECK_THAT(too_large, Catch::Contains("json.too_large"));
}
