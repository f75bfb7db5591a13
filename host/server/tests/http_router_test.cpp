// SPDX-License-Identifier: Apache-2.0
#include <erpc/host/http_router.hpp>
#include <erpc/host/log_context.hpp>

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include <stdexcept>

using namespace erpc;

namespace {

server_request make(std::string method, std::string path) {
  server_request r;
  r.method = std::move(method);
  r.path = std::move(path);
  r.target = r.path;
  return r;
}

http_router sample_router() {
  http_router router;
  router.post("/v1/connections/{connection}/{object}/{op}", [](const server_request& r) {
    return server_response::json(
        202, nlohmann::json{{"connection", r.path_param("connection")},
                            {"object", r.path_param("object")},
                            {"op", r.path_param("op")},
                            {"route", r.route}}
                 .dump());
  });
  router.get("/v1/messages/{correlation_id}", [](const server_request& r) {
    return server_response::text(200, std::string(r.path_param("correlation_id")));
  });
  router.get("/healthz", [](const server_request&) { return server_response::text(200, "ok"); });
  router.del("/healthz", [](const server_request&) { return server_response::text(200, "bye"); });
  return router;
}

}  // namespace

TEST_CASE("router extracts decoded path parameters and the route pattern", "[server][router]") {
  const auto router = sample_router();
  auto r = make("POST", "/v1/connections/hello-eu/invoice/create%20x");
  const auto response = router.dispatch(r);
  REQUIRE(response.status == 202);
  const auto body = nlohmann::json::parse(response.body);
  CHECK(body["connection"] == "hello-eu");
  CHECK(body["object"] == "invoice");
  CHECK(body["op"] == "create x");
  CHECK(body["route"] == "/v1/connections/{connection}/{object}/{op}");
}

TEST_CASE("router answers 404 and 405 with canonical error bodies", "[server][router]") {
  const auto router = sample_router();

  auto missing = make("GET", "/v1/nothing");
  const auto not_found = router.dispatch(missing);
  CHECK(not_found.status == 404);
  auto body = nlohmann::json::parse(not_found.body);
  CHECK(body["class"] == "NOT_FOUND");
  CHECK(body["code"] == "http.not_found");
  CHECK(body["effect"] == "none");
  CHECK(body["correlation_id"] == missing.correlation_id());

  // One segment short, one too many, an empty parameter: no match either.
  for (const char* path : {"/v1/connections/a/b", "/v1/connections/a/b/c/d",
                           "/v1/connections//b/c"}) {
    auto r = make("POST", path);
    INFO(path);
    CHECK(router.dispatch(r).status == 404);
  }

  auto wrong = make("PUT", "/healthz");
  const auto not_allowed = router.dispatch(wrong);
  CHECK(not_allowed.status == 405);
  CHECK(not_allowed.headers.get("Allow") == "GET, DELETE");
  body = nlohmann::json::parse(not_allowed.body);
  CHECK(body["code"] == "http.method_not_allowed");
  CHECK(body["class"] == "UNSUPPORTED");

  auto bad = make("GET", "/v1/messages/%zz");
  const auto bad_target = router.dispatch(bad);
  CHECK(bad_target.status == 400);
  CHECK(nlohmann::json::parse(bad_target.body)["code"] == "http.bad_target");
}

TEST_CASE("router refuses malformed patterns", "[server][router]") {
  http_router router;
  const auto h = [](const server_request&) { return server_response{}; };
  CHECK_THROWS_AS(router.get("no-slash", h), error);
  CHECK_THROWS_AS(router.get("/a/x{id}", h), error);
  CHECK_THROWS_AS(router.get("/a/{id}/{id}", h), error);
  CHECK_THROWS_AS(router.get("/a/{}", h), error);
  CHECK_THROWS_AS(router.get("/a", http_handler{}), error);
  try {
    router.get("/a/{id", h);
    FAIL("accepted a broken pattern");
  } catch (const error& e) {
    CHECK(e.code() == "http.bad_route");
    CHECK(e.cls() == error_class::configuration);
  }
}

TEST_CASE("handler errors become canonical answers, other exceptions a bare 500",
          "[server][router]") {
  http_router router;
  router.get("/reuse", [](const server_request&) -> server_response {
    throw error(error_class::idempotency_key_reuse, "idempotency.key_reuse", "key reused");
  });
  router.get("/limited", [](const server_request&) -> server_response {
    throw error(error_class::rate_limited, "dispatch.max_queued", "busy")
        .with_retry_after_ms(1500);
  });
  router.get("/boom", [](const server_request&) -> server_response {
    throw std::runtime_error("password=hunter22 leaked in what()");
  });

  auto r1 = make("GET", "/reuse");
  auto reuse = router.dispatch(r1);
  CHECK(reuse.status == 422);
  CHECK(nlohmann::json::parse(reuse.body)["class"] == "IDEMPOTENCY_KEY_REUSE");

  auto r2 = make("GET", "/limited");
  auto limited = router.dispatch(r2);
  CHECK(limited.status == 429);
  CHECK(limited.headers.get("Retry-After") == "2");
  CHECK(nlohmann::json::parse(limited.body)["retry_after_ms"] == 1500);

  auto r3 = make("GET", "/boom");
  auto boom = router.dispatch(r3);
  CHECK(boom.status == 500);
  CHECK(nlohmann::json::parse(boom.body)["code"] == "http.handler_failed");
  CHECK(boom.body.find("hunter22") == std::string::npos);
}

TEST_CASE("middleware wraps in order and sees 404s, traceparent is accepted or created",
          "[server][router]") {
  http_router router;
  std::vector<std::string> order;
  router.use([&](const server_request& r, const http_handler& next) {
    order.push_back("outer>");
    auto response = next(r);
    order.push_back("<outer " + std::to_string(response.status));
    return response;
  });
  router.use([&](const server_request& r, const http_handler& next) {
    order.push_back("inner>");
    auto response = next(r);
    response.headers.set("X-Inner", "1");
    return response;
  });
  std::string seen_correlation;
  router.get("/x", [&](const server_request&) {
    order.push_back("handler");
    seen_correlation = std::string(current_correlation_id());
    return server_response::text(200, "x");
  });

  auto r = make("GET", "/x");
  const std::string incoming = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
  r.headers.add("TraceParent", incoming);
  const auto ok = router.dispatch(r);
  CHECK(order == std::vector<std::string>{"outer>", "inner>", "handler", "<outer 200"});
  CHECK(ok.headers.get("X-Inner") == "1");
  CHECK(ok.headers.get("traceparent") == incoming);
  CHECK(seen_correlation == "4bf92f3577b34da6a3ce929d0e0e4736");
  CHECK(current_correlation_id().empty());

  order.clear();
  auto missing = make("GET", "/nope");
  missing.headers.add("traceparent", "00-garbage");
  const auto nf = router.dispatch(missing);
  CHECK(order == std::vector<std::string>{"outer>", "inner>", "<outer 404"});
  const auto echoed = traceparent::parse(std::string(nf.headers.get("traceparent").value()));
  REQUIRE(echoed);
  CHECK(echoed->trace_id() == missing.correlation_id());
  CHECK(echoed->trace_id() != "4bf92f3577b34da6a3ce929d0e0e4736");
}
