// SPDX-License-Identifier: Apache-2.0
// The figure in docs/server.md: requests/s for a trivial handler, measured in process with the
// test client over loopback keep-alive connections. Hidden ([.]) so CI does not time a noisy
// machine; run it with: erpc_host_server_tests "[.throughput]"
#include <erpc/host/http_server.hpp>

#include "test_http_client.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <future>
#include <vector>

using namespace erpc;

TEST_CASE("throughput of a trivial handler", "[.throughput]") {
  http_router router;
  router.post("/v1/echo", [](const server_request&) {
    return server_response::json(200, R"({"ok":true,"order":42})");
  });
  http_server_options options;
  options.io_threads = 1;
  options.handler_threads = 1;
  http_server server(options, std::move(router));
  server.start();
  const std::string request =
      test::make_request("POST", "/v1/echo", R"({"order":42,"sku":"ABC-1","qty":3})");

  for (const int clients : {1, 8}) {
    constexpr auto duration = std::chrono::seconds(3);
    const auto started = std::chrono::steady_clock::now();
    std::vector<std::future<std::pair<long, long>>> runs;
    for (int c = 0; c < clients; ++c) {
      runs.push_back(std::async(std::launch::async, [&] {
        test::test_connection conn(server.port());
        long ok = 0, bad = 0;
        while (std::chrono::steady_clock::now() - started < duration) {
          conn.send(request);
          auto r = conn.read_response();
          (r && r->status == 200 ? ok : bad) += 1;
          if (!r) break;
        }
        return std::pair{ok, bad};
      }));
    }
    long ok = 0, bad = 0;
    for (auto& r : runs) {
      const auto [o, b] = r.get();
      ok += o;
      bad += b;
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::printf("clients=%d requests=%ld seconds=%.2f requests/s=%.0f\n", clients, ok, seconds,
                static_cast<double>(ok) / seconds);
    CHECK(bad == 0);
    CHECK(ok > 0);
  }
}
