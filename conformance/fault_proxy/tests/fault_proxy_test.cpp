// SPDX-License-Identifier: Apache-2.0
// Every fault, seen from both ends: what the client observed and what the upstream committed.
#include "proxy_fixture.hpp"

#include <erpc/conformance/fault_proxy.hpp>
#include <erpc/error.hpp>

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include <ctime>
#include <fstream>
#include <iomanip>
#include <regex>
#include <sstream>
#include <thread>

using namespace erpc::conformance;
using namespace erpc::conformance::test;

namespace {

std::string one_rule(std::string_view match, std::string_view fault) {
  return R"({"version":1,"rules":[{"id":"r1","match":)" + std::string(match) +
         R"(,"fault":)" + std::string(fault) + "}]}";
}

std::string file_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Reads an IMF-fixdate back into Unix seconds.
std::int64_t parse_http_date(const std::string& text) {
  std::tm tm{};
  std::istringstream in(text);
  in.imbue(std::locale::classic());
  in >> std::get_time(&tm, "%a, %d %b %Y %H:%M:%S GMT");
  REQUIRE_FALSE(in.fail());
  return static_cast<std::int64_t>(timegm(&tm));
}

}  // namespace

TEST_CASE("without a matching rule the request passes through unchanged", "[fault_proxy]") {
  proxied_upstream setup;
  const auto seen = setup.send("POST", "/v1/bills?x=1", R"({"amount":"10.00"})",
                               "X-Custom: kept\r\nProxy-Authorization: dropped\r\n");
  REQUIRE(seen.status == 201);
  CHECK(seen.body_complete);
  CHECK(nlohmann::json::parse(seen.body) ==
        nlohmann::json{{"method", "POST"}, {"target", "/v1/bills?x=1"}, {"bytes", 18}});
  CHECK(seen.header("x-upstream") == "loopback");
  REQUIRE(setup.committed() == 1);
  const auto at_upstream = setup.upstream.requests().front();
  CHECK(at_upstream.body == R"({"amount":"10.00"})");
  CHECK(at_upstream.header("X-Custom") == "kept");
  // Hop-by-hop fields stay on the client's hop; Host names the upstream.
  CHECK_FALSE(at_upstream.has_header("Proxy-Authorization"));
  CHECK(at_upstream.header("Host") == setup.upstream.base_url().substr(7));

  const auto log = setup.proxy->log();
  REQUIRE(log.size() == 1);
  CHECK(log[0].rule.empty());
  CHECK(log[0].outcome == "forwarded");
  CHECK(log[0].upstream_status == 201u);
  CHECK(log[0].client_status == 201u);
}

TEST_CASE("a Location pointing at the upstream is rewritten to the proxy", "[fault_proxy]") {
  proxied_upstream setup;
  const auto seen = setup.send("POST", "/v1/bills", "abc");
  CHECK(seen.header("location") == setup.proxy->base_url() + "/records/3");

  fault_proxy_options verbatim;
  verbatim.rewrite_location = false;
  proxied_upstream untouched(R"({"rules":[]})", verbatim);
  CHECK(untouched.send("POST", "/v1/bills", "abc").header("location") ==
        untouched.upstream.base_url() + "/records/3");
}

TEST_CASE("respond: 429 with Retry-After in seconds, nothing forwarded", "[fault_proxy]") {
  proxied_upstream setup(one_rule(
      R"({"method":"POST","path":"/v1/bills"})",
      R"({"type":"respond","status":429,"retry_after":{"seconds":7},
          "headers":{"Content-Type":"application/json"},"body":"{\"error\":\"slow down\"}"})"));
  const auto seen = setup.send("POST", "/v1/bills", "{}");
  CHECK(seen.status == 429);
  CHECK(seen.header("retry-after") == "7");
  CHECK(seen.header("content-type") == "application/json");
  CHECK(seen.body == R"({"error":"slow down"})");
  CHECK(seen.end == connection_end::eof);
  CHECK(setup.committed() == 0);
  const auto log = setup.proxy->log();
  REQUIRE(log.size() == 1);
  CHECK(log[0].rule == "r1");
  CHECK(log[0].outcome == "responded");
  CHECK_FALSE(log[0].upstream_saw_request);
}

TEST_CASE("respond: 429 with Retry-After as an HTTP-date", "[fault_proxy]") {
  proxied_upstream setup(one_rule(
      R"({"method":"POST"})",
      R"({"type":"respond","status":429,"retry_after":{"seconds":120,"format":"http-date"}})"));
  const auto before = unix_now();
  const auto seen = setup.send("POST", "/v1/bills", "{}");
  const auto after = unix_now();
  REQUIRE(seen.status == 429);
  const auto value = seen.header("retry-after");
  CHECK(std::regex_match(value, std::regex(R"([A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT)")));
  const auto at = parse_http_date(value);
  CHECK(at >= before + 120);
  CHECK(at <= after + 120);
  CHECK(setup.committed() == 0);
}

TEST_CASE("respond: each scripted error status with its body, nothing forwarded",
          "[fault_proxy]") {
  const auto status = GENERATE(400u, 401u, 403u, 404u, 500u, 502u, 503u, 504u);
  proxied_upstream setup(one_rule(
      R"({"path":"/v1/.*"})",
      R"({"type":"respond","status":)" + std::to_string(status) +
          R"(,"headers":{"Content-Type":"application/json"},"body_file":"bodies/field-errors-400.json"})"));
  const auto seen = setup.send("PUT", "/v1/bills/7", "{}");
  CHECK(seen.status == status);
  CHECK(seen.body == file_text(std::string(ERPC_FAULT_SCRIPTS_DIR) + "/bodies/field-errors-400.json"));
  CHECK(seen.body_complete);
  CHECK(setup.committed() == 0);
}

TEST_CASE("reset before forwarding: the client reads a reset, the upstream sees nothing",
          "[fault_proxy]") {
  proxied_upstream setup(one_rule(R"({"method":"POST"})", R"({"type":"reset"})"));
  const auto seen = setup.send("POST", "/v1/bills", "{}");
  CHECK(seen.end == connection_end::reset);
  CHECK(seen.bytes.empty());
  CHECK(setup.committed() == 0);
  CHECK(setup.proxy->log().at(0).outcome == "reset");
}

TEST_CASE("close before forwarding: the client reads EOF, the upstream sees nothing",
          "[fault_proxy]") {
  proxied_upstream setup(one_rule(R"({"method":"POST"})", R"({"type":"close"})"));
  const auto seen = setup.send("POST", "/v1/bills", "{}");
  CHECK(seen.end == connection_end::eof);
  CHECK(seen.bytes.empty());
  CHECK(setup.committed() == 0);
}

TEST_CASE("drop_reply: the upstream commits once, the client's connection breaks",
          "[fault_proxy]") {
  const auto how = GENERATE(std::string("reset"), std::string("close"));
  proxied_upstream setup(one_rule(R"({"method":"POST"})",
                                  R"({"type":"drop_reply","client_sees":")" + how + R"("})"));
  const auto seen = setup.send("POST", "/v1/bills", R"({"n":1})");
  CHECK(seen.bytes.empty());
  CHECK(seen.end == (how == "reset" ? connection_end::reset : connection_end::eof));
  REQUIRE(setup.committed() == 1);
  CHECK(setup.upstream.requests()[0].body == R"({"n":1})");
  const auto log = setup.proxy->log();
  REQUIRE(log.size() == 1);
  CHECK(log[0].outcome == "dropped_reply");
  CHECK(log[0].upstream_status == 201u);
  CHECK_FALSE(log[0].client_status);
}

TEST_CASE("late delivery: held until POST /_proxy/release, then the upstream commits it",
          "[fault_proxy]") {
  proxied_upstream setup(one_rule(R"({"method":"POST","count":1})",
                                  R"({"type":"late_delivery"})"));
  const auto seen = setup.send("POST", "/v1/bills", R"({"late":true})");
  CHECK(seen.end == connection_end::reset);
  CHECK(seen.bytes.empty());
  CHECK(setup.committed() == 0);
  const auto held = setup.proxy->held();
  REQUIRE(held.size() == 1);
  CHECK(held[0].rule == "r1");
  CHECK(held[0].target == "/v1/bills");

  // Other traffic flows meanwhile and does not release it.
  CHECK(setup.send("GET", "/v1/bills/1").status == 200);
  CHECK(setup.committed() == 1);
  CHECK(setup.proxy->held().size() == 1);

  const auto released = setup.proxy->release();
  REQUIRE(released.size() == 1);
  CHECK(released[0].outcome == "released");
  CHECK(released[0].upstream_status == 201u);
  REQUIRE(setup.committed() == 2);
  CHECK(setup.upstream.requests()[1].method == "POST");
  CHECK(setup.upstream.requests()[1].body == R"({"late":true})");
  CHECK(setup.proxy->held().empty());
  CHECK(setup.proxy->release().empty());  // a request is delivered once
  CHECK(setup.committed() == 2);
}

TEST_CASE("late delivery: released right after the read-back was forwarded, before its answer",
          "[fault_proxy]") {
  proxied_upstream setup(R"({"version":1,"rules":[
    {"id":"create","match":{"method":"POST","path":"/v1/bills","count":1},
     "fault":{"type":"late_delivery","client_sees":"close","release_after":"readback"}},
    {"id":"readback","match":{"method":"GET","path":"/v1/bills","occurrence":2},
     "fault":{"type":"pass"}}]})");
  const auto create = setup.send("POST", "/v1/bills", R"({"key":"k1"})");
  CHECK(create.end == connection_end::eof);
  CHECK(create.bytes.empty());
  CHECK(setup.committed() == 0);

  // The first GET does not reach the readback rule's window (occurrence 2).
  CHECK(setup.send("GET", "/v1/bills").status == 200);
  CHECK(setup.committed() == 1);
  CHECK(setup.proxy->held().size() == 1);

  // The second does: the upstream answers it (nothing there yet from the client's view), and
  // the held create lands before the client has that answer in hand.
  const auto readback = setup.send("GET", "/v1/bills");
  CHECK(readback.status == 200);
  REQUIRE(setup.committed() == 3);
  const auto order = setup.upstream.requests();
  CHECK(order[1].method == "GET");
  CHECK(order[2].method == "POST");
  CHECK(order[2].body == R"({"key":"k1"})");
  CHECK(setup.proxy->held().empty());

  const auto log = setup.proxy->log();
  REQUIRE(log.size() == 4);
  CHECK(log[0].outcome == "held");
  CHECK(log[2].rule == "readback");
  CHECK(log[3].outcome == "released");
  CHECK(log[3].request == 1);
  CHECK(log[3].upstream_status == 201u);

  // A later POST is past the create rule's count: it passes.
  CHECK(setup.send("POST", "/v1/bills", "{}").status == 201);
  CHECK(setup.committed() == 4);
}

TEST_CASE("truncate: the head announces more body than arrives, then the connection ends",
          "[fault_proxy]") {
  proxied_upstream setup(one_rule(R"({"method":"GET"})", R"({"type":"truncate","keep_bytes":5})"));
  const auto seen = setup.send("GET", "/v1/bills/1");
  CHECK(seen.status == 200);
  CHECK_FALSE(seen.body_complete);
  CHECK(seen.body.size() == 5);
  CHECK(std::stoul(seen.header("content-length")) > 5);
  CHECK(seen.end == connection_end::eof);
  CHECK(setup.committed() == 1);
  CHECK(setup.proxy->log().at(0).outcome == "truncated");
}

TEST_CASE("truncate without keep_bytes sends half the body", "[fault_proxy]") {
  proxied_upstream setup(one_rule(R"({})", R"({"type":"truncate"})"));
  const auto seen = setup.send("GET", "/v1/bills/1");
  const auto announced = std::stoul(seen.header("content-length"));
  CHECK(seen.body.size() == announced / 2);
  CHECK_FALSE(seen.body_complete);
}

TEST_CASE("malformed: the upstream commits, the client gets garbage in the usual envelope",
          "[fault_proxy]") {
  SECTION("invalid JSON") {
    proxied_upstream setup(one_rule(R"({})", R"({"type":"malformed","garbage":"json"})"));
    const auto seen = setup.send("POST", "/v1/bills", "{}");
    CHECK(seen.status == 201);
    CHECK(seen.header("content-type") == "application/json");
    CHECK(seen.body_complete);
    CHECK_THROWS(nlohmann::json::parse(seen.body));
    CHECK(setup.committed() == 1);
  }
  SECTION("invalid XML") {
    proxied_upstream setup(one_rule(R"({})", R"({"type":"malformed","garbage":"xml"})"));
    const auto seen = setup.send("POST", "/v1/bills", "{}");
    CHECK(seen.body.rfind("<?xml", 0) == 0);
    CHECK(seen.body.find("</malformed>") == std::string::npos);  // never closed
    CHECK(setup.committed() == 1);
  }
  SECTION("bytes that are not UTF-8") {
    proxied_upstream setup(one_rule(R"({})", R"({"type":"malformed","garbage":"bytes"})"));
    const auto seen = setup.send("POST", "/v1/bills", "{}");
    CHECK(seen.body.find('\xff') != std::string::npos);
    CHECK(seen.body.find('\0') != std::string::npos);
    CHECK(setup.committed() == 1);
  }
}

TEST_CASE("delay then forward: the answer comes, no sooner than the delay", "[fault_proxy]") {
  proxied_upstream setup(one_rule(R"({})", R"({"type":"pass","delay_ms":300})"));
  const auto seen = setup.send("GET", "/v1/bills/1");
  CHECK(seen.status == 200);
  CHECK(setup.committed() == 1);
  const auto entry = setup.proxy->log().at(0);
  CHECK(entry.finished_unix_ms - entry.received_unix_ms >= 300);
}

TEST_CASE("delay beyond the client's deadline, then not forwarded", "[fault_proxy]") {
  proxied_upstream setup(one_rule(R"({})", R"({"type":"close","delay_ms":1500})"));
  // The client gives up long before the proxy acts.
  const auto seen = setup.send("POST", "/v1/bills", "{}", {}, std::chrono::milliseconds(200));
  CHECK(seen.end == connection_end::timeout);
  CHECK(seen.bytes.empty());
  // The proxy finishes its delay and still forwards nothing.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (setup.proxy->log().empty() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  REQUIRE(setup.proxy->log().size() == 1);
  CHECK(setup.proxy->log()[0].outcome == "closed");
  CHECK(setup.committed() == 0);
}

TEST_CASE("occurrence and count pick which matching requests get the fault", "[fault_proxy]") {
  proxied_upstream setup(one_rule(R"({"method":"POST","occurrence":2,"count":2})",
                                  R"({"type":"respond","status":503})"));
  std::vector<unsigned> statuses;
  for (int i = 0; i < 5; ++i) statuses.push_back(setup.send("POST", "/v1/bills", "{}").status);
  CHECK(statuses == std::vector<unsigned>{201, 503, 503, 201, 201});
  CHECK(setup.committed() == 3);
  // GETs do not meet the rule's criteria and do not move its counter.
  setup.proxy->reset();
  CHECK(setup.send("GET", "/v1/bills").status == 200);
  CHECK(setup.send("POST", "/v1/bills", "{}").status == 201);
  CHECK(setup.send("POST", "/v1/bills", "{}").status == 503);
}

TEST_CASE("the first matching rule decides, method list, whole-path regex and header",
          "[fault_proxy]") {
  proxied_upstream setup(R"({"version":1,"rules":[
    {"id":"tenant-b","match":{"header":{"name":"X-Tenant","value":"b-.*"}},
     "fault":{"type":"respond","status":403}},
    {"id":"has-key","match":{"header":{"name":"Idempotency-Key"}},
     "fault":{"type":"respond","status":409}},
    {"id":"writes","match":{"method":["PUT","PATCH"],"path":"/v1/bills/[0-9]+"},
     "fault":{"type":"respond","status":500}}]})");
  CHECK(setup.send("GET", "/v1/x", {}, "X-Tenant: b-1\r\n").status == 403);
  CHECK(setup.send("GET", "/v1/x", {}, "X-Tenant: a-1\r\n").status == 200);
  CHECK(setup.send("POST", "/v1/x", "{}", "Idempotency-Key: k\r\nX-Tenant: b-2\r\n").status ==
        403);
  CHECK(setup.send("POST", "/v1/x", "{}", "Idempotency-Key: k\r\n").status == 409);
  CHECK(setup.send("PUT", "/v1/bills/12", "{}").status == 500);
  CHECK(setup.send("PATCH", "/v1/bills/12", "{}").status == 500);
  CHECK(setup.send("PUT", "/v1/bills/12/lines", "{}").status == 201);  // whole path must match
  CHECK(setup.send("PUT", "/v1/bills/12?x=1", "{}").status == 500);   // the query is not path
  CHECK(setup.send("DELETE", "/v1/bills/12").status == 201);
  CHECK(setup.committed() == 3);
}

TEST_CASE("load_script replaces the rules and restarts their counters", "[fault_proxy]") {
  proxied_upstream setup(one_rule(R"({"method":"POST","count":1})", R"({"type":"reset"})"));
  CHECK(setup.send("POST", "/v1/bills", "{}").end == connection_end::reset);
  CHECK(setup.send("POST", "/v1/bills", "{}").status == 201);
  setup.proxy->load_script(parse_fault_script(
      one_rule(R"({"method":"POST","count":1})", R"({"type":"respond","status":502})"), "."));
  CHECK(setup.send("POST", "/v1/bills", "{}").status == 502);
  CHECK(setup.send("POST", "/v1/bills", "{}").status == 201);
  CHECK(setup.proxy->log().size() == 4);
}

TEST_CASE("an unreachable upstream is a 502 from the proxy, logged as such", "[fault_proxy]") {
  std::string dead_url;
  {
    erpc::testing::loopback_http_server gone([](const erpc::testing::loopback_request&) {
      return erpc::testing::loopback_response{};
    });
    dead_url = gone.base_url();
  }
  fault_proxy_options options;
  options.upstream = dead_url;
  fault_proxy proxy(options);
  proxy.start();
  const auto seen = send_and_observe(proxy.port(), request_bytes("POST", "/v1/bills", "{}"));
  CHECK(seen.status == 502);
  CHECK(nlohmann::json::parse(seen.body).at("code") == "proxy.upstream_unreachable");
  const auto log = proxy.log();
  REQUIRE(log.size() == 1);
  CHECK(log[0].outcome == "upstream_failed");
  CHECK(log[0].error_code == "proxy.upstream_unreachable");
  CHECK_FALSE(log[0].upstream_saw_request);
}

TEST_CASE("an upstream that does not answer in time is a 504 with effect unknown",
          "[fault_proxy]") {
  erpc::testing::loopback_http_server slow([](const erpc::testing::loopback_request&) {
    erpc::testing::loopback_response out;
    out.delay = std::chrono::seconds(20);
    return out;
  });
  fault_proxy_options options;
  options.upstream = slow.base_url();
  options.upstream_timeout = std::chrono::milliseconds(300);
  fault_proxy proxy(options);
  proxy.start();
  const auto seen = send_and_observe(proxy.port(), request_bytes("POST", "/v1/bills", "{}"));
  CHECK(seen.status == 504);
  CHECK(nlohmann::json::parse(seen.body).at("code") == "proxy.upstream_timeout");
  CHECK(slow.requests_received() == 1);
  CHECK(proxy.log().at(0).upstream_saw_request);
}

TEST_CASE("the upstream URL is checked when the proxy is made", "[fault_proxy]") {
  for (const char* bad : {"ftp://x", "127.0.0.1:80", "http://", "http://h:0", "http://h:99999",
                          "http://u@h", "http://h/x?y=1"}) {
    fault_proxy_options options;
    options.upstream = bad;
    try {
      fault_proxy proxy(options);
      FAIL("accepted " << bad);
    } catch (const erpc::error& e) {
      CHECK(e.code() == "proxy.bad_upstream");
    }
  }
}

TEST_CASE("a base path on the upstream URL prefixes every forwarded target", "[fault_proxy]") {
  erpc::testing::loopback_http_server upstream([](const erpc::testing::loopback_request&) {
    return erpc::testing::loopback_response{};
  });
  fault_proxy_options options;
  options.upstream = upstream.base_url() + "/services/rest/";
  fault_proxy proxy(options);
  proxy.start();
  CHECK(send_and_observe(proxy.port(), request_bytes("GET", "/record/v1/vendor?q=1")).status == 200);
  REQUIRE(upstream.requests().size() == 1);
  CHECK(upstream.requests()[0].target == "/services/rest/record/v1/vendor?q=1");
}

TEST_CASE("preserve_host forwards the client's Host (a simulator checking a URL signature)",
          "[fault_proxy]") {
  fault_proxy_options options;
  options.preserve_host = true;
  proxied_upstream setup(R"({"rules":[]})", options);
  REQUIRE(setup.send("GET", "/v1/bills").status == 200);
  REQUIRE(setup.committed() == 1);
  CHECK(setup.upstream.requests().front().header("Host") == "client.example");
}
