// SPDX-License-Identifier: Apache-2.0
#include <erpc/error.hpp>
#include <erpc/sim/simulator_settings.hpp>

#include <catch2/catch.hpp>

using erpc::sim::setting_kind;
using erpc::sim::setting_spec;
using erpc::sim::simulator_settings;

namespace {

std::vector<setting_spec> sample_specs() {
  using namespace erpc::sim;
  return {boolean_setting("dup.reject", true, "reject duplicates", "test"),
          integer_setting("concurrency.limit", 15, 0, 1000, "cap", "test"),
          choice_setting("concurrency.error_form", "rest_429", {"rest_429", "restlet_400"}, "form",
                         "test"),
          text_setting("auth.token_secret", "s3cr3t", "secret", "test", true)};
}

std::string code_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const erpc::error& e) {
    return e.code();
  }
  return "no error";
}

}  // namespace

TEST_CASE("settings start at their documented defaults", "[sim][settings]") {
  const simulator_settings s(sample_specs());
  CHECK(s.boolean("dup.reject"));
  CHECK(s.integer("concurrency.limit") == 15);
  CHECK(s.text("concurrency.error_form") == "rest_429");
  CHECK(s.text("auth.token_secret") == "s3cr3t");
}

TEST_CASE("apply changes typed values and restore_defaults undoes them", "[sim][settings]") {
  simulator_settings s(sample_specs());
  s.apply(
      {{"dup.reject", false}, {"concurrency.limit", 2}, {"concurrency.error_form", "restlet_400"}});
  CHECK_FALSE(s.boolean("dup.reject"));
  CHECK(s.integer("concurrency.limit") == 2);
  CHECK(s.text("concurrency.error_form") == "restlet_400");
  s.restore_defaults();
  CHECK(s.boolean("dup.reject"));
  CHECK(s.integer("concurrency.limit") == 15);
}

TEST_CASE("refused settings carry stable codes and change nothing", "[sim][settings]") {
  simulator_settings s(sample_specs());
  CHECK(code_of([&] { s.apply({{"no.such", 1}}); }) == "sim.unknown_setting");
  CHECK(code_of([&] { s.apply({{"dup.reject", "yes"}}); }) == "sim.invalid_setting_value");
  CHECK(code_of([&] { s.apply({{"concurrency.limit", 1001}}); }) == "sim.invalid_setting_value");
  CHECK(code_of([&] { s.apply({{"concurrency.limit", -1}}); }) == "sim.invalid_setting_value");
  CHECK(code_of([&] { s.apply({{"concurrency.limit", 1.5}}); }) == "sim.invalid_setting_value");
  CHECK(code_of([&] {
          s.apply({{"concurrency.error_form", "rest_503"}});
        }) == "sim.invalid_setting_value");
  CHECK(code_of([&] { s.apply(nlohmann::json::array()); }) == "sim.settings_not_object");
  // All or nothing: the valid member before the bad one is not applied.
  CHECK(code_of([&] {
          s.apply({{"concurrency.limit", 3}, {"zzz", true}});
        }) == "sim.unknown_setting");
  CHECK(s.integer("concurrency.limit") == 15);
}

TEST_CASE("the field error of a refused setting points at its name", "[sim][settings]") {
  simulator_settings s(sample_specs());
  try {
    s.apply({{"dup.reject", 3}});
    FAIL("accepted a number for a boolean");
  } catch (const erpc::error& e) {
    CHECK(e.cls() == erpc::error_class::validation);
    REQUIRE(e.field_errors().size() == 1);
    CHECK(e.field_errors()[0].pointer == "/dup.reject");
  }
}

TEST_CASE("secrets are write-only in values and definitions", "[sim][settings]") {
  simulator_settings s(sample_specs());
  CHECK(s.values()["auth.token_secret"] == "<redacted>");
  CHECK(s.values(true)["auth.token_secret"] == "s3cr3t");
  CHECK(s.definitions().dump().find("s3cr3t") == std::string::npos);
  const auto defs = s.definitions();
  REQUIRE(defs.size() == 4);
  CHECK(defs[1]["name"] == "concurrency.limit");
  CHECK(defs[1]["default"] == 15);
  CHECK(defs[1]["max"] == 1000);
  CHECK(defs[2]["choices"] == nlohmann::json({"rest_429", "restlet_400"}));
}

TEST_CASE("a spec whose default breaks its rules is refused", "[sim][settings]") {
  const auto bad = erpc::sim::choice_setting("x", "c", {"a", "b"}, "d", "s");
  CHECK(code_of([&] { simulator_settings s({bad}); }) == "sim.bad_setting_spec");
  const auto one = erpc::sim::boolean_setting("x", true, "d", "s");
  CHECK(code_of([&] { simulator_settings s({one, one}); }) == "sim.bad_setting_spec");
}

TEST_CASE("reading an undeclared or mistyped setting is an internal error", "[sim][settings]") {
  const simulator_settings s(sample_specs());
  CHECK(code_of([&] { (void)s.boolean("nope"); }) == "sim.undeclared_setting");
  CHECK(code_of([&] { (void)s.integer("dup.reject"); }) == "sim.undeclared_setting");
}
