// SPDX-License-Identifier: Apache-2.0
// Profile loading: the bundled NetSuite profile is valid, and every kind of mistake is refused
// with certify.profile_invalid and a pointer to the offending member.
#include <erpc/certify/profile.hpp>
#include <erpc/error.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

using nlohmann::json;

json netsuite_profile() {
  std::ifstream in(std::string(ERPC_SOURCE_DIR) + "/adapters/netsuite/conformance.json");
  std::ostringstream text;
  text << in.rdbuf();
  return json::parse(text.str());
}

// The pointer of the refusal, after checking its class and code.
std::string refusal_pointer(const json& document) {
  try {
    erpc::certify::parse_profile(document, "test.json");
  } catch (const erpc::error& e) {
    CHECK(e.cls() == erpc::error_class::configuration);
    CHECK(e.code() == "certify.profile_invalid");
    REQUIRE(e.field_errors().size() == 1);
    return e.field_errors()[0].pointer;
  }
  FAIL("the profile was accepted");
  return "";
}

}  // namespace

TEST_CASE("the NetSuite profile loads: objects, samples, faults, unconfirmed settings", "[certify][profile]") {
  const auto p = erpc::certify::load_profile(std::string(ERPC_SOURCE_DIR) + "/adapters/netsuite/conformance.json");
  CHECK(p.adapter == "netsuite");
  CHECK(p.claimed_level == erpc::certify::level::native);
  CHECK(p.subject_sample().object == "Invoice");
  CHECK(p.object_of(p.subject_sample()).create_request.method == "POST");
  CHECK(p.samples.front().object == "Supplier");
  REQUIRE(p.unconfirmed_settings.size() == 1);
  CHECK(p.unconfirmed_settings[0].setting == "records.duplicate_external_id");
  CHECK(p.unconfirmed_settings[0].connection.at("upsert").at("read_before_create") == true);
  REQUIRE(p.fault_for("errors.vendor_duplicate") != nullptr);
  CHECK(p.fault_for("errors.vendor_duplicate")->expect == std::vector<std::string>{"replay"});
  CHECK(p.simulator_secrets.at("env:NS_TOKEN_SECRET") == "sim-token-secret");
}

TEST_CASE("profile refusals name the member", "[certify][profile]") {
  SECTION("schema: wrong type deep inside") {
    auto p = netsuite_profile();
    p["objects"]["Invoice"]["ops"] = "create";
    CHECK(refusal_pointer(p) == "/objects/Invoice/ops");
  }
  SECTION("schema: unknown member (a typo is not ignored)") {
    auto p = netsuite_profile();
    p["unconfirmed_setings"] = json::array();
    CHECK(refusal_pointer(p).empty());
  }
  SECTION("schema: an unknown level") {
    auto p = netsuite_profile();
    p["level"] = "platinum";
    CHECK(refusal_pointer(p) == "/level");
  }
  SECTION("schema: an expected class that does not exist") {
    auto p = netsuite_profile();
    p["faults"]["errors.http_403"]["expect"] = json::array({"FORBIDDEN"});
    CHECK(refusal_pointer(p) == "/faults/errors.http_403/expect/0");
  }
  SECTION("a sample of an object the profile does not describe") {
    auto p = netsuite_profile();
    p["samples"][1]["object"] = "Customer";
    CHECK(refusal_pointer(p) == "/samples/1/object");
  }
  SECTION("the subject names no sample") {
    auto p = netsuite_profile();
    p["subject"] = "nothing";
    CHECK(refusal_pointer(p) == "/subject");
  }
  SECTION("a change that touches no compared field proves nothing for R2") {
    auto p = netsuite_profile();
    p["samples"][1]["changes"] = json::array({{{"pointer", "/lines/0/description"}, {"value", "x"}}});
    CHECK(refusal_pointer(p) == "/samples/1/changes");
  }
  SECTION("a change pointing nowhere") {
    auto p = netsuite_profile();
    p["samples"][1]["changes"] = json::array({{{"pointer", "/no_such_member"}, {"value", "x"}}});
    CHECK(refusal_pointer(p) == "/samples/1/changes/0/pointer");
  }
  SECTION("a request path that is not a regex") {
    auto p = netsuite_profile();
    p["objects"]["Invoice"]["requests"]["read"]["path"] = "/record/(vendorBill";
    CHECK(refusal_pointer(p) == "/objects/Invoice/requests/read/path");
  }
  SECTION("connection extras for a value the setting does not have") {
    auto p = netsuite_profile();
    p["unconfirmed_settings"][0]["connection"]["merge"] = json::object();
    CHECK(refusal_pointer(p) == "/unconfirmed_settings/0/connection/merge");
  }
  SECTION("a fault that does not apply must say why") {
    auto p = netsuite_profile();
    p["faults"]["errors.http_503"] = {{"applies", false}};
    CHECK(refusal_pointer(p) == "/faults/errors.http_503/why_not");
  }
}

TEST_CASE("a profile file that is not strict JSON is certify.profile_invalid", "[certify][profile]") {
  const auto file = std::filesystem::temp_directory_path() / "erpc_certify_bad_profile.json";
  std::ofstream(file) << R"({"format": "erpc-conformance-profile/1", "format": "again"})";
  try {
    erpc::certify::load_profile(file);
    FAIL("accepted");
  } catch (const erpc::error& e) {
    CHECK(e.code() == "certify.profile_invalid");
  }
  std::filesystem::remove(file);
  CHECK_THROWS_AS(erpc::certify::load_profile("/nonexistent/profile.json"), erpc::error);
}

TEST_CASE("samples are instantiated with the run's nonce and a fresh unique value", "[certify][profile]") {
  const json payload = {{"number", "S{nonce}"}, {"lines", {{{"ref", "B{unique}-{nonce}"}}}}, {"n", 3}};
  const auto out = erpc::certify::instantiate(payload, "ab12cd", "ab12cd7");
  CHECK(out["number"] == "Sab12cd");
  CHECK(out["lines"][0]["ref"] == "Bab12cd7-ab12cd");
  CHECK(out["n"] == 3);
}
