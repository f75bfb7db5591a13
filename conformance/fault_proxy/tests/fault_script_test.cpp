// SPDX-License-Identifier: Apache-2.0
// Script validation: every example parses, and every refusal names its code and member.
#include <erpc/conformance/fault_script.hpp>
#include <erpc/error.hpp>
#include <erpc/host/strict_json.hpp>

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

using namespace erpc::conformance;

namespace {

const std::filesystem::path scripts_dir = ERPC_FAULT_SCRIPTS_DIR;

struct refusal {
  std::string code;
  std::string pointer;
};

refusal refusal_of(const std::string& script) {
  try {
    parse_fault_script(script, scripts_dir);
  } catch (const erpc::error& e) {
    CHECK(e.cls() == erpc::error_class::validation);
    REQUIRE(e.field_errors().size() >= 1);
    return {e.code(), e.field_errors().front().pointer};
  }
  FAIL("the script was accepted: " << script);
  return {};
}

std::string with_rule(const std::string& rule) {
  return R"({"version":1,"rules":[)" + rule + "]}";
}

}  // namespace

TEST_CASE("every example script in scripts/ is valid", "[fault_script]") {
  std::size_t examples = 0;
  for (const auto& entry : std::filesystem::directory_iterator(scripts_dir)) {
    const auto name = entry.path().filename().string();
    if (entry.path().extension() != ".json" || name == "fault-script.schema.json") continue;
    INFO(name);
    const auto script = load_fault_script(entry.path());
    CHECK_FALSE(script.rules.empty());
    CHECK_FALSE(script.description.empty());
    ++examples;
  }
  CHECK(examples >= 6);
}

TEST_CASE("a parsed script keeps what each rule says", "[fault_script]") {
  const auto script = load_fault_script(scripts_dir / "late-delivery.json");
  REQUIRE(script.rules.size() == 2);
  const auto& hold = script.rules[0];
  CHECK(hold.id == "hold-first-create");
  CHECK(hold.methods == std::vector<std::string>{"POST"});
  CHECK(hold.occurrence == 1);
  CHECK(hold.count == 1u);
  CHECK(hold.kind == fault_kind::late_delivery);
  CHECK(hold.client_sees == broken_connection::reset);
  CHECK(hold.release_after == "readback");

  const auto errors = load_fault_script(scripts_dir / "vendor-errors.json");
  const auto& bad_request = errors.rules[0];
  CHECK(bad_request.status == 400);
  CHECK(bad_request.body.find("INVALID_CONTENT") != std::string::npos);  // from body_file
  const auto& unavailable = errors.rules[6];
  REQUIRE(unavailable.retry_after_header);
  CHECK(unavailable.retry_after_header->seconds == 1);
  CHECK(unavailable.retry_after_header->format == retry_after_format::seconds);
}

TEST_CASE("the schema's fault types are exactly the ones the proxy accepts", "[fault_script]") {
  std::ifstream in(scripts_dir / "fault-script.schema.json");
  std::ostringstream text;
  text << in.rdbuf();
  const auto schema = erpc::parse_strict(text.str());
  std::set<std::string> documented;
  for (const auto& type : schema.at("definitions").at("fault").at("properties").at("type").at("enum")) {
    documented.insert(type.get<std::string>());
  }
  CHECK(documented == std::set<std::string>{"pass", "respond", "reset", "close", "drop_reply",
                                            "late_delivery", "truncate", "malformed"});
  for (const auto& type : documented) {
    const std::string fault = type == "respond" ? R"({"type":"respond","status":503})"
                                                : R"({"type":")" + type + R"("})";
    const auto script = parse_fault_script(with_rule(R"({"id":"a","fault":)" + fault + "}"), ".");
    CHECK(to_string(script.rules.at(0).kind) == type);
  }
}

TEST_CASE("script refusals carry a stable code and a JSON pointer", "[fault_script]") {
  using R = refusal;
  const auto check = [](const std::string& script, const R& expected) {
    INFO(script);
    const auto got = refusal_of(script);
    CHECK(got.code == expected.code);
    CHECK(got.pointer == expected.pointer);
  };
  // The strict parser's own pointer is kept: where in the document parsing stopped.
  check("{", {"proxy.script_not_json", "/"});
  check(R"({"rules":[],"rules":[]})", {"proxy.script_not_json", "/rules"});
  check("[]", {"proxy.script_wrong_type", ""});
  check("{}", {"proxy.script_missing_member", "/rules"});
  check(R"({"rules":[],"rulez":1})", {"proxy.script_unknown_member", "/rulez"});
  check(R"({"version":2,"rules":[]})", {"proxy.script_unsupported_version", "/version"});
  check(R"({"rules":{}})", {"proxy.script_wrong_type", "/rules"});
  check(with_rule(R"({"fault":{"type":"pass"}})"), {"proxy.script_missing_member", "/rules/0/id"});
  check(with_rule(R"({"id":"a b","fault":{"type":"pass"}})"),
        {"proxy.script_bad_value", "/rules/0/id"});
  check(with_rule(R"({"id":"a"})"), {"proxy.script_missing_member", "/rules/0/fault"});
  check(with_rule(R"({"id":"a","fault":{"type":"explode"}})"),
        {"proxy.script_bad_value", "/rules/0/fault/type"});
  check(with_rule(R"({"id":"a","fault":{"type":"reset","status":500}})"),
        {"proxy.script_unknown_member", "/rules/0/fault/status"});
  check(with_rule(R"({"id":"a","fault":{"type":"respond"}})"),
        {"proxy.script_missing_member", "/rules/0/fault/status"});
  check(with_rule(R"({"id":"a","fault":{"type":"respond","status":99}})"),
        {"proxy.script_bad_value", "/rules/0/fault/status"});
  check(with_rule(R"({"id":"a","fault":{"type":"respond","status":"500"}})"),
        {"proxy.script_wrong_type", "/rules/0/fault/status"});
  check(with_rule(R"({"id":"a","fault":{"type":"respond","status":500,"headers":{"X":"a\r\nb"}}})"),
        {"proxy.script_bad_value", "/rules/0/fault/headers/X"});
  check(with_rule(R"({"id":"a","fault":{"type":"respond","status":500,"body":"x","body_file":"y"}})"),
        {"proxy.script_bad_value", "/rules/0/fault/body_file"});
  check(with_rule(R"({"id":"a","fault":{"type":"respond","status":500,"body_file":"bodies/none.json"}})"),
        {"proxy.script_body_file", "/rules/0/fault/body_file"});
  check(with_rule(R"({"id":"a","fault":{"type":"respond","status":429,"retry_after":{"seconds":-1}}})"),
        {"proxy.script_bad_value", "/rules/0/fault/retry_after/seconds"});
  check(with_rule(R"({"id":"a","fault":{"type":"respond","status":429,"retry_after":{"seconds":1,"format":"date"}}})"),
        {"proxy.script_bad_value", "/rules/0/fault/retry_after/format"});
  check(with_rule(R"({"id":"a","fault":{"type":"pass","delay_ms":600001}})"),
        {"proxy.script_bad_value", "/rules/0/fault/delay_ms"});
  check(with_rule(R"({"id":"a","fault":{"type":"pass","delay_ms":1.5}})"),
        {"proxy.script_not_json", "/rules/0/fault/delay_ms"});
  check(with_rule(R"({"id":"a","fault":{"type":"drop_reply","client_sees":"timeout"}})"),
        {"proxy.script_bad_value", "/rules/0/fault/client_sees"});
  check(with_rule(R"({"id":"a","fault":{"type":"malformed","garbage":"yaml"}})"),
        {"proxy.script_bad_value", "/rules/0/fault/garbage"});
  check(with_rule(R"({"id":"a","fault":{"type":"truncate","keep_bytes":-3}})"),
        {"proxy.script_bad_value", "/rules/0/fault/keep_bytes"});
  check(with_rule(R"({"id":"a","match":{"path":"/v1/(["},"fault":{"type":"pass"}})"),
        {"proxy.script_bad_regex", "/rules/0/match/path"});
  check(with_rule(R"({"id":"a","match":{"header":{"name":"X","value":"*"}},"fault":{"type":"pass"}})"),
        {"proxy.script_bad_regex", "/rules/0/match/header/value"});
  check(with_rule(R"({"id":"a","match":{"header":{"value":"x"}},"fault":{"type":"pass"}})"),
        {"proxy.script_missing_member", "/rules/0/match/header/name"});
  check(with_rule(R"({"id":"a","match":{"method":["GET","BAD METHOD"]},"fault":{"type":"pass"}})"),
        {"proxy.script_bad_value", "/rules/0/match/method/1"});
  check(with_rule(R"({"id":"a","match":{"method":[]},"fault":{"type":"pass"}})"),
        {"proxy.script_bad_value", "/rules/0/match/method"});
  check(with_rule(R"({"id":"a","match":{"occurrence":0},"fault":{"type":"pass"}})"),
        {"proxy.script_bad_value", "/rules/0/match/occurrence"});
  check(with_rule(R"({"id":"a","match":{"count":0},"fault":{"type":"pass"}})"),
        {"proxy.script_bad_value", "/rules/0/match/count"});
  check(with_rule(R"({"id":"a","match":{"methods":"GET"},"fault":{"type":"pass"}})"),
        {"proxy.script_unknown_member", "/rules/0/match/methods"});
  check(with_rule(R"({"id":"a","fault":{"type":"pass"}},{"id":"a","fault":{"type":"pass"}})"),
        {"proxy.script_duplicate_rule_id", "/rules/1/id"});
  check(with_rule(R"({"id":"a","fault":{"type":"late_delivery","release_after":"b"}})"),
        {"proxy.script_unknown_rule", "/rules/0/fault/release_after"});
  check(with_rule(R"({"id":"a","fault":{"type":"late_delivery","release_after":"a"}})"),
        {"proxy.script_bad_value", "/rules/0/fault/release_after"});
  // A member name with '/' or '~' is escaped in the pointer (RFC 6901 §3).
  check(with_rule(R"({"id":"a","fault":{"type":"pass","a/b~c":1}})"),
        {"proxy.script_unknown_member", "/rules/0/fault/a~1b~0c"});
}

TEST_CASE("an unreadable script file is a configuration error", "[fault_script]") {
  try {
    load_fault_script(scripts_dir / "no-such-script.json");
    FAIL("loaded a file that does not exist");
  } catch (const erpc::error& e) {
    CHECK(e.code() == "proxy.script_unreadable");
    CHECK(e.cls() == erpc::error_class::configuration);
  }
}

TEST_CASE("criteria_match: method, whole path and header value", "[fault_script]") {
  const auto script = parse_fault_script(
      with_rule(R"({"id":"a","match":{"method":["POST","PUT"],"path":"/v1/bills(/[0-9]+)?",
                  "header":{"name":"prefer","value":"respond-async.*"}},"fault":{"type":"pass"}})"),
      ".");
  const auto& rule = script.rules.at(0);
  const erpc::http_headers async{{"Prefer", "respond-async, wait=5"}};
  const erpc::http_headers sync{{"Prefer", "wait=5"}};
  CHECK(criteria_match(rule, "POST", "/v1/bills", async));
  CHECK(criteria_match(rule, "PUT", "/v1/bills/12", async));
  CHECK_FALSE(criteria_match(rule, "post", "/v1/bills", async));  // methods are case-sensitive
  CHECK_FALSE(criteria_match(rule, "GET", "/v1/bills", async));
  CHECK_FALSE(criteria_match(rule, "POST", "/v1/bills/x", async));
  CHECK_FALSE(criteria_match(rule, "POST", "/api/v1/bills", async));
  CHECK_FALSE(criteria_match(rule, "POST", "/v1/bills", sync));
  CHECK_FALSE(criteria_match(rule, "POST", "/v1/bills", {}));
}
