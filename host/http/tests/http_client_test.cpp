// SPDX-License-Identifier: Apache-2.0
#include <erpc/http_client.hpp>

#include <catch2/catch.hpp>

namespace {

// A host offering only the services the test puts in it.
struct tiny_host {
  const erpc_host_http_v1* http = nullptr;
  erpc_host_v1 host{};
  tiny_host() {
    host.struct_size = sizeof host;
    host.get_service = [](const erpc_host_v1* h, const char* id) -> const void* {
      auto* self = static_cast<tiny_host*>(h->host_data);
      return std::string_view(id) == ERPC_HOST_HTTP_V1 ? self->http : nullptr;
    };
    host.host_data = this;
  }
};

// A service that echoes what it was given, to prove the client's copying both ways.
struct echo_service {
  erpc_host_http_v1 table{};
  int sink_calls_to_make = 1;
  echo_service() {
    table.struct_size = sizeof table;
    table.host_data = this;
    table.send = [](const erpc_host_http_v1* self, const erpc_call_v1*,
                    const erpc_http_request_v1* req, erpc_http_sink_v1 sink, void* user) {
      auto* me = static_cast<echo_service*>(self->host_data);
      std::vector<erpc_http_header_v1> headers(req->headers, req->headers + req->header_count);
      headers.push_back({"X-Method", req->method});
      headers.push_back({"X-Url", req->url});
      erpc_http_response_v1 r{};
      r.struct_size = sizeof r;
      r.transport = ERPC_HTTP_OK;
      r.request_sent = 1;
      r.status = 202;
      r.headers = headers.data();
      r.header_count = headers.size();
      r.body = req->body;
      r.body_len = req->body_len;
      r.transport_message = "";
      for (int i = 0; i < me->sink_calls_to_make; ++i) sink(user, &r);
    };
  }
};

}  // namespace

TEST_CASE("http_client copies the request out and the response back", "[http_client]") {
  echo_service echo;
  tiny_host h;
  h.http = &echo.table;
  erpc::http_client client{erpc::host_ref(&h.host)};
  REQUIRE(client.available());
  const std::string body("a\0b", 3);
  const auto r =
      client.send({"PUT", "https://example.test/x", {{"Idempotency-Key", "k1"}}, body, 0}, nullptr);
  CHECK(r.ok());
  CHECK(r.status == 202);
  CHECK(r.body == body);
  CHECK(r.header("idempotency-key") == "k1");
  CHECK(r.header("x-method") == "PUT");
  CHECK(r.header("X-URL") == "https://example.test/x");
  CHECK_FALSE(r.header("absent").has_value());
}

TEST_CASE("a host that never calls the sink reads as sent and failed", "[http_client]") {
  echo_service echo;
  echo.sink_calls_to_make = 0;
  const auto r =
      erpc::http_client(&echo.table).send({"POST", "http://x.test/", {}, "", 0}, nullptr);
  CHECK(r.transport == erpc::http_transport::failed);
  CHECK(r.request_sent);
}

TEST_CASE("a second sink call is ignored", "[http_client]") {
  echo_service echo;
  echo.sink_calls_to_make = 2;
  const auto r =
      erpc::http_client(&echo.table).send({"GET", "http://x.test/", {}, "1", 0}, nullptr);
  CHECK(r.ok());
  CHECK(r.body == "1");
}

TEST_CASE("no http service is a CONFIGURATION error", "[http_client]") {
  tiny_host h;
  erpc::http_client client{erpc::host_ref(&h.host)};
  CHECK_FALSE(client.available());
  CHECK_THROWS_MATCHES(client.send({}, nullptr), erpc::error,
                       Catch::Predicate<erpc::error>([](const erpc::error& e) {
                         return e.cls() == erpc::error_class::configuration &&
                                e.code() == "sdk.http_unavailable";
                       }));
}

TEST_CASE("throw_for_transport maps the sent flag to the error class", "[http_client]") {
  erpc::http_response r;
  r.transport = erpc::http_transport::ok;
  r.status = 500;
  CHECK_NOTHROW(erpc::throw_for_transport(r));

  auto classify = [](erpc::http_transport t, bool sent) {
    erpc::http_response x;
    x.transport = t;
    x.request_sent = sent;
    try {
      erpc::throw_for_transport(x);
    } catch (const erpc::error& e) {
      return std::make_pair(e.cls(), e.effect());
    }
    FAIL("no throw");
    return std::make_pair(erpc::error_class::internal, erpc::effect::possible);
  };
  using erpc::effect;
  using erpc::error_class;
  using erpc::http_transport;
  CHECK(classify(http_transport::failed, false) ==
        std::pair(error_class::unavailable, effect::none));
  CHECK(classify(http_transport::timed_out, false) ==
        std::pair(error_class::unavailable, effect::none));
  CHECK(classify(http_transport::failed, true) ==
        std::pair(error_class::outcome_unknown, effect::possible));
  CHECK(classify(http_transport::timed_out, true) ==
        std::pair(error_class::outcome_unknown, effect::possible));
  CHECK(classify(http_transport::bad_request, false).first == error_class::configuration);
}

TEST_CASE("url_encode leaves only unreserved characters", "[http_client]") {
  CHECK(erpc::url_encode("AZaz09-._~") == "AZaz09-._~");
  CHECK(erpc::url_encode("a b&c=d/é") == "a%20b%26c%3Dd%2F%C3%A9");
  CHECK(erpc::url_query({{"q", "x y"}, {"since", "2026-01-01T00:00:00Z"}}) ==
        "q=x%20y&since=2026-01-01T00%3A00%3A00Z");
}

TEST_CASE("secret-looking header names are recognised", "[http_client]") {
  for (const char* n : {"Authorization", "proxy-authorization", "Cookie", "X-Api-Key",
                        "X-Auth-Token", "X-Client-Secret", "Set-Cookie"}) {
    INFO(n);
    CHECK(erpc::detail::is_secret_header(n));
  }
  for (const char* n : {"Content-Type", "Accept", "Idempotency-Key", "traceparent"}) {
    INFO(n);
    CHECK_FALSE(erpc::detail::is_secret_header(n));
  }
}
