// SPDX-License-Identifier: Apache-2.0
// The published schema and the proxy's validator must agree: every example passes the schema,
// and scripts the validator refuses for their shape are refused by the schema too.
#include <erpc/conformance/fault_script.hpp>
#include <erpc/error.hpp>
#include <erpc/host/strict_json.hpp>

#include <nlohmann/json.hpp>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

const std::filesystem::path scripts_dir = ERPC_FAULT_SCRIPTS_DIR;

nlohmann::json read_json(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return erpc::parse_strict(text.str());
}

class script_schema {
 public:
  script_schema() {
    const auto document = read_json(scripts_dir / "fault-script.schema.json");
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    valijson::adapters::NlohmannJsonAdapter adapter(document);
    parser.populateSchema(adapter, schema_);
  }
  bool accepts(const nlohmann::json& script) const {
    valijson::Validator validator(valijson::Validator::kStrongTypes);
    valijson::adapters::NlohmannJsonAdapter adapter(script);
    return validator.validate(schema_, adapter, nullptr);
  }

 private:
  valijson::Schema schema_;
};

bool proxy_accepts(const nlohmann::json& script) {
  try {
    erpc::conformance::parse_fault_script(script.dump(), scripts_dir);
    return true;
  } catch (const erpc::error&) {
    return false;
  }
}

}  // namespace

TEST_CASE("every example script passes the published schema", "[fault_script][schema]") {
  const script_schema schema;
  std::size_t checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(scripts_dir)) {
    const auto name = entry.path().filename().string();
    if (entry.path().extension() != ".json" || name == "fault-script.schema.json") continue;
    INFO(name);
    CHECK(schema.accepts(read_json(entry.path())));
    ++checked;
  }
  CHECK(checked >= 6);
}

TEST_CASE("schema and validator agree on scripts of the wrong shape", "[fault_script][schema]") {
  const script_schema schema;
  const auto rule = [](const std::string& fault, const std::string& match = "{}") {
    return nlohmann::json::parse(R"({"version":1,"rules":[{"id":"a","match":)" + match +
                                 R"(,"fault":)" + fault + "}]}");
  };
  const std::vector<nlohmann::json> good = {
      rule(R"({"type":"pass","delay_ms":5})"),
      rule(R"({"type":"respond","status":429,"retry_after":{"seconds":1,"format":"http-date"},"headers":{"X-A":"b"},"body":"x"})"),
      rule(R"({"type":"drop_reply","client_sees":"close"})", R"({"method":["POST","PUT"],"occurrence":2,"count":1})"),
      rule(R"({"type":"truncate","keep_bytes":0})", R"({"header":{"name":"X-A","value":"b.*"}})"),
      rule(R"({"type":"malformed","garbage":"xml"})", R"({"path":"/v1/.*"})"),
  };
  for (const auto& script : good) {
    INFO(script.dump());
    CHECK(schema.accepts(script));
    CHECK(proxy_accepts(script));
  }
  const std::vector<nlohmann::json> bad = {
      nlohmann::json::parse(R"({"version":2,"rules":[]})"),
      nlohmann::json::parse(R"({"rules":[],"extra":1})"),
      rule(R"({"type":"reset","keep_bytes":3})"),
      rule(R"({"type":"respond","status":500,"body":"a","body_file":"b"})"),
      rule(R"({"type":"respond","status":700})"),
      rule(R"({"type":"respond"})"),
      rule(R"({"type":"pass","delay_ms":600001})"),
      rule(R"({"type":"drop_reply","client_sees":"timeout"})"),
      rule(R"({"type":"malformed","garbage":"yaml"})"),
      rule(R"({"type":"pass"})", R"({"occurrence":0})"),
      rule(R"({"type":"pass"})", R"({"method":[]})"),
      rule(R"({"type":"pass"})", R"({"header":{"value":"x"}})"),
      rule(R"({"type":"pass"})", R"({"ocurrence":1})"),
  };
  for (const auto& script : bad) {
    INFO(script.dump());
    CHECK_FALSE(schema.accepts(script));
    CHECK_FALSE(proxy_accepts(script));
  }
}
