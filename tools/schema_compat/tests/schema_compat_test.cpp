#include <erpc/tools/schema_compat.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <functional>

using erpc::tools::compare_schemas;
using erpc::tools::compare_trees;
using erpc::tools::compat_finding;
using nlohmann::json;

namespace {

const json k_released = json::parse(R"({
  "type": "object",
  "additionalProperties": false,
  "required": ["amount"],
  "properties": {
    "amount": {"type": "string", "pattern": "^[0-9]+$", "maxLength": 20},
    "status": {"type": "string", "enum": ["open", "paid"]},
    "count": {"type": "integer", "minimum": 0},
    "ref": {"$ref": "common.schema.json#/definitions/money"},
    "notes": {"type": "string", "x-erpc-ignorable": true},
    "updated_at": {"type": "string", "x-erpc-volatile": true},
    "lines": {"type": "array", "items": {"type": "object", "properties": {"q": {"type": "string"}}}},
    "meta": {"type": "object"}
  },
  "definitions": {"part": {"type": "string"}}
})");

std::vector<compat_finding> diff(const std::function<void(json&)>& edit) {
  json current = k_released;
  edit(current);
  return compare_schemas(k_released, current, "x.schema.json");
}

bool only(const std::vector<compat_finding>& f, std::string_view pointer, std::string_view kind) {
  return f.size() == 1 && f[0].pointer == pointer && f[0].kind == kind;
}

std::string lines(const std::vector<compat_finding>& f) {
  std::string s;
  for (const auto& x : f) s += x.to_line() + "\n";
  return s;
}

}  // namespace

TEST_CASE("identical schemas have no findings", "[schema_compat]") {
  CHECK(diff([](json&) {}).empty());
}

TEST_CASE("additive changes are accepted", "[schema_compat]") {
  SECTION("a new optional property") {
    CHECK(diff([](json& s) { s["properties"]["memo"] = {{"type", "string"}}; }).empty());
  }
  SECTION("a new definition") {
    CHECK(diff([](json& s) { s["definitions"]["other"] = {{"type", "string"}}; }).empty());
  }
  SECTION("documentation changes") {
    CHECK(diff([](json& s) {
            s["description"] = "now documented";
            s["properties"]["amount"]["title"] = "Amount";
          }).empty());
  }
  SECTION("a relaxed bound, a dropped pattern, a widened type") {
    CHECK(diff([](json& s) {
            s["properties"]["amount"]["maxLength"] = 40;
            s["properties"]["amount"].erase("pattern");
            s["properties"]["count"]["type"] = json::array({"integer", "null"});
          }).empty());
  }
  SECTION("a field becomes volatile or ignorable") {
    CHECK(diff([](json& s) { s["properties"]["amount"]["x-erpc-volatile"] = true; }).empty());
  }
  SECTION("a required field becomes optional") {
    CHECK(diff([](json& s) { s["required"] = json::array(); }).empty());
  }
}

TEST_CASE("each breaking kind is detected with its pointer", "[schema_compat]") {
  SECTION("removed field") {
    const auto f = diff([](json& s) { s["properties"].erase("status"); });
    INFO(lines(f));
    CHECK(only(f, "/properties/status", "property_removed"));
  }
  SECTION("renamed field") {
    const auto f = diff([](json& s) {
      s["properties"]["state"] = s["properties"]["status"];
      s["properties"].erase("status");
    });
    INFO(lines(f));
    CHECK(only(f, "/properties/status", "property_removed"));
  }
  SECTION("new required field") {
    const auto f = diff([](json& s) {
      s["properties"]["memo"] = {{"type", "string"}};
      s["required"].push_back("memo");
    });
    INFO(lines(f));
    CHECK(only(f, "/required", "required_added"));
  }
  SECTION("type change") {
    const auto f = diff([](json& s) { s["properties"]["amount"]["type"] = "number"; });
    INFO(lines(f));
    CHECK(only(f, "/properties/amount/type", "type_changed"));
  }
  SECTION("narrowed pattern") {
    const auto f = diff([](json& s) { s["properties"]["amount"]["pattern"] = "^[0-9]{1,5}$"; });
    INFO(lines(f));
    CHECK(only(f, "/properties/amount/pattern", "pattern_changed"));
  }
  SECTION("new pattern") {
    const auto f = diff([](json& s) { s["properties"]["notes"]["pattern"] = "^[a-z]*$"; });
    INFO(lines(f));
    CHECK(only(f, "/properties/notes/pattern", "pattern_changed"));
  }
  SECTION("new enum value") {
    const auto f = diff([](json& s) { s["properties"]["status"]["enum"].push_back("void"); });
    INFO(lines(f));
    CHECK(only(f, "/properties/status/enum", "enum_value_added"));
  }
  SECTION("removed enum value") {
    const auto f = diff([](json& s) { s["properties"]["status"]["enum"] = {"open"}; });
    INFO(lines(f));
    CHECK(only(f, "/properties/status/enum", "enum_value_removed"));
  }
  SECTION("removed x-erpc-ignorable") {
    const auto f = diff([](json& s) { s["properties"]["notes"].erase("x-erpc-ignorable"); });
    INFO(lines(f));
    CHECK(only(f, "/properties/notes", "ignorable_removed"));
  }
  SECTION("removed x-erpc-volatile") {
    const auto f = diff([](json& s) { s["properties"]["updated_at"].erase("x-erpc-volatile"); });
    CHECK(only(f, "/properties/updated_at", "volatile_removed"));
  }
  SECTION("narrowed bound") {
    const auto f = diff([](json& s) { s["properties"]["amount"]["maxLength"] = 10; });
    CHECK(only(f, "/properties/amount/maxLength", "bound_narrowed"));
    const auto g = diff([](json& s) { s["properties"]["count"]["minimum"] = 1; });
    CHECK(only(g, "/properties/count/minimum", "bound_narrowed"));
  }
  SECTION("changed $ref") {
    const auto f = diff([](json& s) {
      s["properties"]["ref"]["$ref"] = "common.schema.json#/definitions/decimal";
    });
    CHECK(only(f, "/properties/ref/$ref", "ref_changed"));
  }
  SECTION("closed object") {
    const auto f = diff([](json& s) { s["properties"]["meta"]["additionalProperties"] = false; });
    CHECK(only(f, "/properties/meta/additionalProperties", "additional_properties_closed"));
  }
  SECTION("nested: inside array items") {
    const auto f = diff([](json& s) {
      s["properties"]["lines"]["items"]["properties"]["q"]["type"] = "integer";
    });
    INFO(lines(f));
    CHECK(only(f, "/properties/lines/items/properties/q/type", "type_changed"));
  }
  SECTION("removed definition") {
    const auto f = diff([](json& s) { s["definitions"].erase("part"); });
    CHECK(only(f, "/definitions/part", "definition_removed"));
  }
  SECTION("changed combinator") {
    const auto f = diff([](json& s) {
      s["if"] = {{"required", {"amount"}}};
      s["then"] = {{"required", {"status"}}};
    });
    CHECK(f.size() == 2);
    CHECK(f[0].kind == "keyword_changed");
  }
}

TEST_CASE("trees: removed files break, new files are additive", "[schema_compat]") {
  namespace fs = std::filesystem;
  const fs::path root = fs::temp_directory_path() / "erpc_schema_compat_test";
  fs::remove_all(root);
  fs::create_directories(root / "old");
  fs::create_directories(root / "new");
  auto write = [](const fs::path& p, const json& j) { std::ofstream(p) << j.dump(); };
  write(root / "old" / "a.schema.json", k_released);
  write(root / "old" / "b.schema.json", k_released);
  write(root / "new" / "a.schema.json", k_released);
  write(root / "new" / "c.schema.json", k_released);

  const auto f = compare_trees(root / "old", root / "new");
  REQUIRE(f.size() == 1);
  CHECK(f[0].file == "b.schema.json");
  CHECK(f[0].kind == "file_removed");
  CHECK(f[0].to_line().starts_with("b.schema.json#: file_removed"));

  CHECK_THROWS_AS(compare_trees(root / "missing", root / "new"), std::runtime_error);
  std::ofstream(root / "new" / "a.schema.json") << "{ not json";
  CHECK_THROWS_AS(compare_trees(root / "old", root / "new"), std::runtime_error);
  fs::remove_all(root);
}

TEST_CASE("the released v1.0 copy is compatible with the current v1 schemas",
          "[schema_compat]") {
  const auto f = compare_trees(std::string(ERPC_SOURCE_DIR) + "/schemas/released/v1.0",
                               std::string(ERPC_SOURCE_DIR) + "/schemas/v1");
  INFO(lines(f));
  CHECK(f.empty());
}

TEST_CASE("a new payment state in the real v1 tree is caught", "[schema_compat]") {
  namespace fs = std::filesystem;
  const fs::path root = fs::temp_directory_path() / "erpc_schema_compat_real";
  fs::remove_all(root);
  fs::copy(std::string(ERPC_SOURCE_DIR) + "/schemas/v1", root);
  const fs::path file = root / "payment_status.schema.json";
  json doc;
  {
    std::ifstream in(file);
    doc = json::parse(in);
  }
  doc["definitions"]["state"]["enum"].push_back("on_hold");
  std::ofstream(file) << doc.dump(2);

  const auto f = compare_trees(std::string(ERPC_SOURCE_DIR) + "/schemas/v1", root);
  INFO(lines(f));
  REQUIRE(f.size() == 1);
  CHECK(f[0].file == "payment_status.schema.json");
  CHECK(f[0].pointer == "/definitions/state/enum");
  CHECK(f[0].kind == "enum_value_added");
  fs::remove_all(root);
}
