// SPDX-License-Identifier: Apache-2.0
// TLS on the server base with a throwaway self-signed certificate (tests/support).
#include <erpc/host/http_server.hpp>

#include "test_http_client.hpp"

#include <support/self_signed_certificate.hpp>

#include <catch2/catch.hpp>

#include <memory>
#include <stdexcept>

using namespace erpc;

using erpc::testing::make_self_signed_certificate;

TEST_CASE("TLS round trip with a self-signed certificate", "[server][tls]") {
  const auto pki = make_self_signed_certificate();
  http_router router;
  router.post("/v1/echo", [](const server_request& r) { return server_response::text(200, r.body); });
  http_server_options options;
  options.tls = http_tls_options{pki.certificate_pem, pki.private_key_pem};
  http_server server(options, std::move(router));
  server.start();
  CHECK(server.base_url().rfind("https://127.0.0.1:", 0) == 0);

  test::test_connection c(server.port(), pki.certificate_pem);
  for (int i = 0; i < 3; ++i) {
    const std::string body = "secure-" + std::to_string(i);
    REQUIRE(c.send(test::make_request("POST", "/v1/echo", body)));
    auto r = c.read_response();
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(r->body == body);
  }
  auto nf = [&] {
    c.send(test::make_request("GET", "/nope"));
    return c.read_response();
  }();
  REQUIRE(nf);
  CHECK(nf->status == 404);

  // A plain-text client on the TLS port gets nowhere and does not hurt the server.
  {
    test::test_connection plain(server.port());
    plain.send(test::make_request("GET", "/v1/echo"));
    CHECK_FALSE(plain.read_response());
  }
  test::test_connection again(server.port(), pki.certificate_pem);
  again.send(test::make_request("POST", "/v1/echo", "still"));
  auto r = again.read_response();
  REQUIRE(r);
  CHECK(r->body == "still");
}

TEST_CASE("unusable TLS material is a configuration error that names no key bytes",
          "[server][tls]") {
  const auto pki = make_self_signed_certificate();
  const auto other = make_self_signed_certificate();
  struct bad_case {
    const char* what;
    http_tls_options tls;
  };
  const bad_case cases[] = {
      {"garbage certificate", {"not a pem", pki.private_key_pem}},
      {"garbage key", {pki.certificate_pem, "-----BEGIN PRIVATE KEY-----\nAAAA\n"}},
      {"key of another certificate", {pki.certificate_pem, other.private_key_pem}},
  };
  for (const auto& c : cases) {
    INFO(c.what);
    http_server_options options;
    options.tls = c.tls;
    http_server server(options, http_router{});
    try {
      server.start();
      FAIL("started with unusable TLS material");
    } catch (const error& e) {
      CHECK(e.code() == "http.tls_invalid");
      CHECK(std::string(e.what()).find("PRIVATE KEY") == std::string::npos);
      CHECK(std::string(e.what()).find(pki.private_key_pem.substr(30, 20)) == std::string::npos);
    }
  }
}
