// SPDX-License-Identifier: Apache-2.0
#include <erpc/host/metrics_registry.hpp>

#include <catch2/catch.hpp>

#include <thread>
#include <vector>

using namespace erpc;
using Catch::Matchers::Contains;

TEST_CASE("metrics text has every series with its labels and values", "[server][metrics]") {
  metrics_registry m;
  m.count_request("hello-eu", "invoice", "create", request_outcome::ok);
  m.count_request("hello-eu", "invoice", "create", request_outcome::ok);
  m.count_request("hello-eu", "invoice", "create", request_outcome::replayed);
  m.count_error("hello-eu", error_class::rate_limited);
  m.count_retry("hello-eu");
  m.count_retry("hello-eu");
  m.count_retry("hello-eu");
  m.set_queue_depth(queue_name::business, 7);
  m.set_queue_depth(queue_name::business, 4);
  m.add_inflight("hello-eu", 2);
  m.add_inflight("hello-eu", -1);
  const std::string text = m.text();

  CHECK_THAT(text, Contains("# TYPE erpc_requests_total counter"));
  CHECK_THAT(text, Contains(R"(erpc_requests_total{connection="hello-eu",object="invoice",)"
                            R"(op="create",outcome="ok"} 2)"));
  CHECK_THAT(text, Contains(R"(outcome="replayed"} 1)"));
  CHECK_THAT(text, Contains(R"(erpc_errors_total{class="RATE_LIMITED",connection="hello-eu"} 1)"));
  CHECK_THAT(text, Contains(R"(erpc_retries_total{connection="hello-eu"} 3)"));
  CHECK_THAT(text, Contains("# TYPE erpc_queue_depth gauge"));
  CHECK_THAT(text, Contains(R"(erpc_queue_depth{queue="business"} 4)"));
  CHECK_THAT(text, Contains(R"(erpc_inflight{connection="hello-eu"} 1)"));
}

TEST_CASE("the duration histogram has cumulative buckets, sum and count", "[server][metrics]") {
  metrics_registry m;
  m.observe_request_duration("c1", "create", std::chrono::milliseconds(3));
  m.observe_request_duration("c1", "create", std::chrono::milliseconds(300));
  m.observe_request_duration("c1", "create", std::chrono::seconds(200));
  const std::string text = m.text();
  CHECK_THAT(text, Contains("# TYPE erpc_request_duration_seconds histogram"));
  const std::string series = R"(erpc_request_duration_seconds_bucket{connection="c1",op="create",)";
  CHECK_THAT(text, Contains(series + R"(le="0.005"} 1)"));
  CHECK_THAT(text, Contains(series + R"(le="0.25"} 1)"));
  CHECK_THAT(text, Contains(series + R"(le="0.5"} 2)"));
  CHECK_THAT(text, Contains(series + R"(le="120"} 2)"));
  CHECK_THAT(text, Contains(series + R"(le="+Inf"} 3)"));
  const std::string labels = R"({connection="c1",op="create"})";
  CHECK_THAT(text, Contains("erpc_request_duration_seconds_count" + labels + " 3"));
  CHECK_THAT(text, Contains("erpc_request_duration_seconds_sum" + labels + " 200.303"));
}

TEST_CASE("label values are escaped and recording is thread-safe", "[server][metrics]") {
  metrics_registry m;
  m.count_retry("we\"ird\\name");
  CHECK_THAT(m.text(), Contains(R"(erpc_retries_total{connection="we\"ird\\name"} 1)"));

  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&m] {
      for (int i = 0; i < 1000; ++i) m.count_request("c", "o", "op", request_outcome::accepted);
    });
  }
  for (auto& t : threads) t.join();
  CHECK_THAT(m.text(), Contains(R"(outcome="accepted"} 4000)"));
  CHECK(to_string(request_outcome::queued) == "queued");
  CHECK(to_string(queue_name::technical) == "technical");
}
