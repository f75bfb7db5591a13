// SPDX-License-Identifier: Apache-2.0
// The control API under /_proxy/: what certify (or a person with curl) drives over HTTP.
#include "proxy_fixture.hpp"

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include <regex>

using namespace erpc::conformance;
using namespace erpc::conformance::test;
using nlohmann::json;

namespace {

json control(proxied_upstream& setup, std::string_view method, std::string_view path,
             std::string_view body = {}, unsigned expected_status = 200) {
  const auto seen = setup.send(method, path, body);
  INFO(method << " " << path << " → " << seen.status << " " << seen.body);
  REQUIRE(seen.status == expected_status);
  return json::parse(seen.body);
}

}  // namespace

TEST_CASE("control API: load a script, fault a request, read the log, release, reset",
          "[fault_proxy][control]") {
  proxied_upstream setup;
  CHECK(control(setup, "GET", "/_proxy/script") == json{{"rules", json::array()}});

  const std::string script = R"({"version":1,"rules":[
    {"id":"hold","match":{"method":"POST","count":1},"fault":{"type":"late_delivery"}},
    {"id":"throttle","match":{"method":"GET","count":1},
     "fault":{"type":"respond","status":429,"retry_after":{"seconds":3}}}]})";
  CHECK(control(setup, "PUT", "/_proxy/script", script) == json{{"rules", 2}});
  CHECK(control(setup, "GET", "/_proxy/script") == json::parse(script));

  CHECK(setup.send("POST", "/v1/bills", "{}").end == connection_end::reset);
  CHECK(setup.send("GET", "/v1/bills").status == 429);
  CHECK(setup.committed() == 0);

  const auto held = control(setup, "GET", "/_proxy/held").at("held");
  REQUIRE(held.size() == 1);
  CHECK(held[0].at("rule") == "hold");
  CHECK(held[0].at("request") == 1);
  CHECK(held[0].at("release_after").is_null());

  const auto log = control(setup, "GET", "/_proxy/log").at("entries");
  REQUIRE(log.size() == 2);
  CHECK(log[0].at("outcome") == "held");
  CHECK(log[0].at("fault") == "late_delivery");
  CHECK(log[1].at("rule") == "throttle");
  CHECK(log[1].at("client_status") == 429);
  CHECK(log[1].at("upstream_saw_request") == false);
  CHECK(std::regex_match(log[1].at("received_at").get<std::string>(),
                         std::regex(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)")));
  CHECK(log[1].at("finished_unix_ms").get<std::int64_t>() >=
        log[1].at("received_unix_ms").get<std::int64_t>());

  // Releasing another rule's requests leaves this one held.
  CHECK(control(setup, "POST", "/_proxy/release", R"({"rule":"throttle"})").at("released").empty());
  CHECK(setup.committed() == 0);
  const auto released = control(setup, "POST", "/_proxy/release").at("released");
  REQUIRE(released.size() == 1);
  CHECK(released[0].at("outcome") == "released");
  CHECK(released[0].at("upstream_status") == 201);
  CHECK(setup.committed() == 1);

  CHECK(control(setup, "POST", "/_proxy/reset") == json{{"reset", true}});
  CHECK(control(setup, "GET", "/_proxy/log").at("entries").empty());
  // Counters restarted: the first POST is held again. The script stayed.
  CHECK(setup.send("POST", "/v1/bills", "{}").end == connection_end::reset);
  CHECK(setup.proxy->held().size() == 1);
  // Control requests are neither logged nor forwarded.
  CHECK(setup.proxy->log().size() == 1);
  CHECK(setup.committed() == 1);
}

TEST_CASE("control API: a bad script is refused with its code and pointer, the old one stays",
          "[fault_proxy][control]") {
  proxied_upstream setup(R"({"rules":[{"id":"a","fault":{"type":"respond","status":503}}]})");
  const auto refused = control(setup, "PUT", "/_proxy/script",
                               R"({"rules":[{"id":"a","fault":{"type":"respond","status":700}}]})",
                               400);
  CHECK(refused.at("code") == "proxy.script_bad_value");
  CHECK(refused.at("class") == "VALIDATION");
  REQUIRE(refused.at("field_errors").size() == 1);
  CHECK(refused.at("field_errors")[0].at("pointer") == "/rules/0/fault/status");
  CHECK(setup.send("GET", "/v1/bills").status == 503);
}

TEST_CASE("control API: a malformed release body is refused", "[fault_proxy][control]") {
  proxied_upstream setup;
  CHECK(control(setup, "POST", "/_proxy/release", R"({"rule":5})", 400).at("code") ==
        "proxy.bad_release");
  CHECK(control(setup, "POST", "/_proxy/release", R"({"rules":"a"})", 400).at("code") ==
        "proxy.bad_release");
  CHECK(control(setup, "GET", "/_proxy/nothing", {}, 404).at("code") == "http.not_found");
}
