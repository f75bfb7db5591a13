// SPDX-License-Identifier: Apache-2.0
#include <erpc/host/metrics_middleware.hpp>

#include <catch2/catch.hpp>

using namespace erpc;
using Catch::Matchers::Contains;

TEST_CASE("the metrics middleware counts by route pattern and status", "[server][metrics]") {
  metrics_registry metrics;
  http_router router;
  router.use(metrics_middleware(metrics));
  router.get("/v1/messages/{correlation_id}",
             [](const server_request&) { return server_response::text(200, "m"); });
  router.get("/metrics", metrics_handler(metrics));

  for (const char* path : {"/v1/messages/a", "/v1/messages/b", "/nowhere/1", "/nowhere/2"}) {
    server_request r;
    r.method = "GET";
    r.path = path;
    router.dispatch(r);
  }
  server_request odd;
  odd.method = "BREW";
  odd.path = "/v1/messages/a";
  router.dispatch(odd);

  server_request scrape;
  scrape.method = "GET";
  scrape.path = "/metrics";
  const auto response = router.dispatch(scrape);
  CHECK(response.status == 200);
  CHECK(response.headers.get("Content-Type") == metrics_registry::content_type);
  const std::string& text = response.body;
  // Per-path values never become labels: two paths, one series.
  CHECK_THAT(text, Contains(R"(erpc_http_requests_total{method="GET",)"
                            R"(route="/v1/messages/{correlation_id}",status="200"} 2)"));
  CHECK_THAT(text, Contains(R"(erpc_http_requests_total{method="GET",route="unmatched",)"
                            R"(status="404"} 2)"));
  CHECK_THAT(text, Contains(R"(erpc_http_requests_total{method="other",route="unmatched",)"
                            R"(status="405"} 1)"));
  CHECK_THAT(text, Contains(R"(erpc_http_request_duration_seconds_count{method="GET",)"
                            R"(route="/v1/messages/{correlation_id}"} 2)"));
  CHECK(text.find("/nowhere") == std::string::npos);
}
