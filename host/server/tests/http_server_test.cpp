// SPDX-License-Identifier: Apache-2.0
// The server base over real loopback sockets: routing, limits, hostile clients, overload,
// concurrency and graceful shutdown. Every wait is bounded.
#include <erpc/host/http_server.hpp>
#include <erpc/host/strict_json.hpp>

#include "test_http_client.hpp"

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include <atomic>
#include <condition_variable>
#include <future>
#include <mutex>
#include <thread>

using namespace erpc;
using namespace std::chrono_literals;
using test::call;
using test::make_request;
using test::test_connection;

namespace {

// A gate handlers can wait on; opened by the test or by its destructor, so no handler thread
// outlives a failed test.
class gate {
 public:
  ~gate() { open(); }
  void open() {
    std::lock_guard lock(mutex_);
    open_ = true;
    cv_.notify_all();
  }
  void wait(std::chrono::milliseconds at_most = 5s) {
    std::unique_lock lock(mutex_);
    cv_.wait_for(lock, at_most, [this] { return open_; });
  }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  bool open_ = false;
};

template <class Predicate>
bool eventually(Predicate p, std::chrono::milliseconds within = 3s) {
  const auto deadline = std::chrono::steady_clock::now() + within;
  while (std::chrono::steady_clock::now() < deadline) {
    if (p()) return true;
    std::this_thread::sleep_for(5ms);
  }
  return p();
}

nlohmann::json body_of(const test::client_response& r) { return nlohmann::json::parse(r.body); }

http_router api_router() {
  http_router router;
  router.post("/v1/connections/{connection}/{object}/{op}", [](const server_request& r) {
    // Request bodies always go through the strict parser; its errors are VALIDATION → 400.
    const auto payload = parse_strict(r.body);
    nlohmann::json out = {{"connection", r.path_param("connection")},
                          {"object", r.path_param("object")},
                          {"op", r.path_param("op")},
                          {"key", r.header("idempotency-key")},
                          {"remote", r.remote_address},
                          {"payload", payload}};
    return server_response::json(202, out.dump());
  });
  router.get("/echo", [](const server_request& r) {
    return server_response::text(200, std::string(r.query("say").value_or("")));
  });
  return router;
}

}  // namespace

TEST_CASE("server routes with path params, 404 and 405 over the wire", "[server][http]") {
  http_server server({}, api_router());
  server.start();
  REQUIRE(server.port() != 0);
  CHECK(server.base_url() == "http://127.0.0.1:" + std::to_string(server.port()));

  auto ok = call(server.port(), "POST", "/v1/connections/hello-eu/invoice/create",
                 R"({"amount":"10.00"})", "Idempotency-Key: k-1\r\n");
  REQUIRE(ok);
  CHECK(ok->status == 202);
  auto body = body_of(*ok);
  CHECK(body["connection"] == "hello-eu");
  CHECK(body["object"] == "invoice");
  CHECK(body["op"] == "create");
  CHECK(body["key"] == "k-1");
  CHECK(body["payload"]["amount"] == "10.00");
  CHECK(body["remote"].get<std::string>().rfind("127.0.0.1:", 0) == 0);
  CHECK(traceparent::parse(ok->header("traceparent")));

  auto echo = call(server.port(), "GET", "/echo?say=hi+there%21");
  REQUIRE(echo);
  CHECK(echo->body == "hi there!");

  auto missing = call(server.port(), "GET", "/v2/nothing");
  REQUIRE(missing);
  CHECK(missing->status == 404);
  CHECK(missing->header("content-type") == "application/json");
  CHECK(body_of(*missing)["code"] == "http.not_found");
  CHECK(body_of(*missing)["correlation_id"].get<std::string>().size() == 32);

  auto wrong = call(server.port(), "GET", "/v1/connections/a/b/c");
  REQUIRE(wrong);
  CHECK(wrong->status == 405);
  CHECK(wrong->header("allow") == "POST");
  CHECK(body_of(*wrong)["code"] == "http.method_not_allowed");
}

TEST_CASE("an incoming traceparent is echoed, an invalid one is replaced", "[server][http]") {
  http_server server({}, api_router());
  server.start();
  const std::string incoming = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
  auto r = call(server.port(), "GET", "/echo", {}, "traceparent: " + incoming + "\r\n");
  REQUIRE(r);
  CHECK(r->header("traceparent") == incoming);
  auto fresh = call(server.port(), "GET", "/echo", {}, "traceparent: 00-nonsense-01\r\n");
  REQUIRE(fresh);
  const auto t = traceparent::parse(fresh->header("traceparent"));
  REQUIRE(t);
  CHECK(t->trace_id() != "0af7651916cd43dd8448eb211c80319c");
}

TEST_CASE("malformed JSON in a body is a 400 with the strict parser's error body",
          "[server][http]") {
  http_server server({}, api_router());
  server.start();
  for (const char* payload : {R"({"a":1,"a":2})", "{\"a\":", R"({"amount":1.5})"}) {
    INFO(payload);
    auto r = call(server.port(), "POST", "/v1/connections/c/invoice/create", payload);
    REQUIRE(r);
    CHECK(r->status == 400);
    const auto body = body_of(*r);
    CHECK(body["class"] == "VALIDATION");
    CHECK(body["code"].get<std::string>().rfind("json.", 0) == 0);
    CHECK(body["effect"] == "none");
  }
}

TEST_CASE("a body over the limit is refused with 413, announced or chunked", "[server][http]") {
  http_server_options options;
  options.max_body_bytes = 1024;
  http_server server(options, api_router());
  server.start();

  SECTION("Content-Length beyond the limit is refused before the body is read") {
    test_connection c(server.port());
    const std::string big(4096, 'x');
    c.send(make_request("POST", "/v1/connections/c/o/op", big));
    auto r = c.read_response();
    REQUIRE(r);
    CHECK(r->status == 413);
    CHECK(r->header("connection") == "close");
    CHECK(body_of(*r)["code"] == "http.body_too_large");
    CHECK(c.closed_by_peer(3s));
  }
  SECTION("a chunked body that grows beyond the limit") {
    test_connection c(server.port());
    std::string request =
        "POST /v1/connections/c/o/op HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (int i = 0; i < 3; ++i) request += "200\r\n" + std::string(512, 'y') + "\r\n";
    request += "0\r\n\r\n";
    c.send(request);
    auto r = c.read_response();
    REQUIRE(r);
    CHECK(r->status == 413);
    CHECK(body_of(*r)["code"] == "http.body_too_large");
  }
  SECTION("a body at the limit is accepted") {
    auto r = call(server.port(), "POST", "/v1/connections/c/o/op",
                  "{\"pad\":\"" + std::string(1024 - 10, 'z') + "\"}");
    REQUIRE(r);
    CHECK(r->status == 202);
  }
}

TEST_CASE("malformed HTTP and oversized heads get 400/431 and a closed connection",
          "[server][http]") {
  http_server_options options;
  options.max_header_bytes = 2048;
  http_server server(options, api_router());
  server.start();

  for (const std::string& garbage :
       {std::string("GARBAGE\r\n\r\n"), std::string("GET /echo HTTP/9.9\r\n\r\n"),
        std::string("GET /echo HTTP/1.1\r\nBad Header\r\n\r\n"),
        std::string("POST /echo HTTP/1.1\r\nContent-Length: nope\r\n\r\n")}) {
    INFO(garbage);
    test_connection c(server.port());
    c.send(garbage);
    auto r = c.read_response();
    REQUIRE(r);
    CHECK(r->status == 400);
    CHECK(body_of(*r)["code"] == "http.malformed");
    CHECK(c.closed_by_peer(3s));
  }

  test_connection c(server.port());
  c.send("GET /echo HTTP/1.1\r\nX-Big: " + std::string(4096, 'h') + "\r\n\r\n");
  auto r = c.read_response();
  REQUIRE(r);
  CHECK(r->status == 431);
  CHECK(body_of(*r)["code"] == "http.headers_too_large");

  auto bad_target = call(server.port(), "GET", "/echo?say=%ZZ");
  REQUIRE(bad_target);
  CHECK(bad_target->status == 400);
  CHECK(body_of(*bad_target)["code"] == "http.bad_target");

  // The server is still fine afterwards.
  auto ok = call(server.port(), "GET", "/echo?say=ok");
  REQUIRE(ok);
  CHECK(ok->body == "ok");
}

TEST_CASE("a slowloris client is cut off with 408 while others are served", "[server][http]") {
  http_server_options options;
  options.header_timeout = 400ms;
  http_server server(options, api_router());
  server.start();

  test_connection slow(server.port());
  const std::string head =
      "GET /echo?say=slow HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: abcdef\r\n\r\n";
  const auto started = std::chrono::steady_clock::now();
  std::size_t sent = 0;
  // One byte every 100 ms: each byte is "on time", the head as a whole is not.
  for (; sent < head.size() && std::chrono::steady_clock::now() - started < 2s; ++sent) {
    if (!slow.send(head.substr(sent, 1))) break;
    if (sent == 2) {
      // Meanwhile a normal client is answered at once.
      auto other = call(server.port(), "GET", "/echo?say=fast");
      REQUIRE(other);
      CHECK(other->body == "fast");
    }
    std::this_thread::sleep_for(100ms);
  }
  CHECK(sent < head.size());
  auto r = slow.read_response();
  REQUIRE(r);
  CHECK(r->status == 408);
  CHECK(body_of(*r)["code"] == "http.timeout");
  CHECK(slow.closed_by_peer(3s));
  CHECK(std::chrono::steady_clock::now() - started < 3s);

  // A client that connects and sends nothing is closed without an answer.
  test_connection silent(server.port());
  CHECK(silent.closed_by_peer(3s));
}

TEST_CASE("keep-alive serves several requests on one connection", "[server][http]") {
  http_server server({}, api_router());
  server.start();
  test_connection c(server.port());
  for (int i = 0; i < 5; ++i) {
    REQUIRE(c.send(make_request("GET", "/echo?say=n" + std::to_string(i))));
    auto r = c.read_response();
    REQUIRE(r);
    CHECK(r->body == "n" + std::to_string(i));
  }
  // Two pipelined requests in one write are answered in order.
  REQUIRE(c.send(make_request("GET", "/echo?say=p1") + make_request("GET", "/echo?say=p2")));
  auto p1 = c.read_response();
  auto p2 = c.read_response();
  REQUIRE(p1);
  REQUIRE(p2);
  CHECK(p1->body == "p1");
  CHECK(p2->body == "p2");
  CHECK(server.connections_accepted() == 1);
}

TEST_CASE("a full handler queue answers 503 http.overloaded with Retry-After",
          "[server][http]") {
  gate release;
  std::atomic<int> entered{0};
  http_router router;
  router.get("/slow", [&](const server_request&) {
    ++entered;
    release.wait();
    return server_response::text(200, "done");
  });
  http_server_options options;
  options.handler_threads = 1;
  options.max_queued_requests = 1;
  options.overload_retry_after = 2s;
  http_server server(options, std::move(router));
  server.start();

  test_connection running(server.port());
  running.send(make_request("GET", "/slow"));
  REQUIRE(eventually([&] { return entered.load() == 1; }));
  test_connection queued(server.port());
  queued.send(make_request("GET", "/slow"));
  REQUIRE(eventually([&] { return server.requests_in_flight() == 2; }));

  test_connection refused(server.port());
  refused.send(make_request("GET", "/slow"));
  auto r = refused.read_response();
  REQUIRE(r);
  CHECK(r->status == 503);
  CHECK(r->header("retry-after") == "2");
  const auto body = body_of(*r);
  CHECK(body["code"] == "http.overloaded");
  CHECK(body["class"] == "UNAVAILABLE");
  CHECK(body["retry_after_ms"] == 2000);

  release.open();
  auto first = running.read_response();
  auto second = queued.read_response();
  REQUIRE(first);
  REQUIRE(second);
  CHECK(first->status == 200);
  CHECK(second->status == 200);
  // The refused connection stays usable once there is room again.
  refused.send(make_request("GET", "/slow"));
  auto retry = refused.read_response();
  REQUIRE(retry);
  CHECK(retry->status == 200);
}

TEST_CASE("concurrent keep-alive clients all get their own answers", "[server][http]") {
  http_server_options options;
  options.io_threads = 2;
  options.handler_threads = 2;
  http_server server(options, api_router());
  server.start();
  constexpr int clients = 8;
  constexpr int per_client = 25;
  std::vector<std::future<int>> results;
  for (int c = 0; c < clients; ++c) {
    results.push_back(std::async(std::launch::async, [&, c] {
      test_connection conn(server.port());
      int good = 0;
      for (int i = 0; i < per_client; ++i) {
        const std::string word = "c" + std::to_string(c) + "i" + std::to_string(i);
        if (!conn.send(make_request("GET", "/echo?say=" + word))) break;
        auto r = conn.read_response();
        if (r && r->status == 200 && r->body == word) ++good;
      }
      return good;
    }));
  }
  int total = 0;
  for (auto& f : results) total += f.get();
  CHECK(total == clients * per_client);
  CHECK(server.connections_accepted() == clients);
}

TEST_CASE("stop() lets an in-flight request finish, then refuses new connections",
          "[server][http]") {
  std::atomic<int> entered{0};
  http_router router;
  router.get("/work", [&](const server_request&) {
    ++entered;
    std::this_thread::sleep_for(300ms);
    return server_response::text(200, "finished");
  });
  http_server server({}, std::move(router));
  server.start();
  const auto port = server.port();

  test_connection busy(port);
  test_connection idle(port);
  busy.send(make_request("GET", "/work"));
  REQUIRE(eventually([&] { return entered.load() == 1; }));

  const auto started = std::chrono::steady_clock::now();
  server.stop();
  CHECK(std::chrono::steady_clock::now() - started < 2s);
  auto r = busy.read_response();
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->body == "finished");
  CHECK(r->header("connection") == "close");
  CHECK(idle.closed_by_peer(2s));
  CHECK_THROWS(test_connection(port));
  server.stop();  // idempotent
}

TEST_CASE("stop() gives up on a stuck handler after the drain timeout", "[server][http]") {
  gate release;
  std::atomic<int> entered{0};
  http_router router;
  router.get("/stuck", [&](const server_request&) {
    ++entered;
    release.wait();
    return server_response::text(200, "late");
  });
  http_server_options options;
  options.drain_timeout = 200ms;
  http_server server(options, std::move(router));
  server.start();

  test_connection c(server.port());
  c.send(make_request("GET", "/stuck"));
  REQUIRE(eventually([&] { return entered.load() == 1; }));
  const auto started = std::chrono::steady_clock::now();
  server.stop();
  const auto took = std::chrono::steady_clock::now() - started;
  CHECK(took >= 200ms);
  CHECK(took < 2s);
  CHECK(c.closed_by_peer(2s));
  release.open();  // the destructor joins the handler thread
}

TEST_CASE("start() reports a port that cannot be bound", "[server][http]") {
  http_server first({}, api_router());
  first.start();
  http_server_options options;
  options.port = first.port();
  http_server second(options, api_router());
  try {
    second.start();
    FAIL("bound a port that is in use");
  } catch (const error& e) {
    CHECK(e.code() == "http.bind_failed");
    CHECK(e.cls() == error_class::configuration);
  }
  http_server_options bad_address;
  bad_address.address = "not-an-ip";
  http_server third(bad_address, api_router());
  CHECK_THROWS_AS(third.start(), error);
}

TEST_CASE("delivery modes break the exchange as asked, other requests are unaffected",
          "[server][http]") {
  http_router router;
  router.get("/reset", [](const server_request&) {
    server_response r;
    r.delivery = http_delivery::reset;
    return r;
  });
  router.get("/close", [](const server_request&) {
    server_response r;
    r.delivery = http_delivery::close;
    return r;
  });
  router.get("/truncated", [](const server_request&) {
    auto r = server_response::text(200, "0123456789");
    r.delivery = http_delivery::truncated_body;
    r.truncated_body_bytes = 4;
    return r;
  });
  router.get("/no-content", [](const server_request&) {
    return server_response::text(204, "a 204 cannot carry this");
  });
  http_server server({}, std::move(router));
  server.start();

  for (const char* path : {"/reset", "/close"}) {
    test_connection c(server.port());
    REQUIRE(c.send(make_request("GET", path)));
    // The connection ends without an answer (the fault proxy's tests tell EOF from reset and
    // check that no byte arrives).
    CHECK(c.closed_by_peer(10s));
  }
  {
    test_connection c(server.port());
    REQUIRE(c.send(make_request("GET", "/truncated")));
    // Content-Length says 10, 4 bytes come, then the close: no complete response.
    CHECK_FALSE(c.read_response());
  }
  const auto no_content = call(server.port(), "GET", "/no-content");
  REQUIRE(no_content);
  CHECK(no_content->status == 204);
  CHECK(no_content->body.empty());
  CHECK(eventually([&] { return server.requests_in_flight() == 0; }));
}
