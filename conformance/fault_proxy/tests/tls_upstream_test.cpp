// SPDX-License-Identifier: Apache-2.0
// A TLS upstream (a sandbox behind HTTPS): verified against a given CA, refused when the
// certificate cannot be verified, and faults still apply on top.
#include "proxy_client.hpp"

#include <erpc/conformance/fault_proxy.hpp>
#include <erpc/host/http_server.hpp>

#include <support/self_signed_certificate.hpp>

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace erpc::conformance;
using namespace erpc::conformance::test;

namespace {

struct tls_upstream {
  erpc::testing::self_signed_certificate pki = erpc::testing::make_self_signed_certificate();
  std::shared_ptr<std::atomic<int>> committed = std::make_shared<std::atomic<int>>(0);
  std::unique_ptr<erpc::http_server> server;
  std::filesystem::path ca_file = std::filesystem::temp_directory_path() /
                                  ("erpc-proxy-ca-" + std::to_string(::getpid()) + ".pem");

  tls_upstream() {
    erpc::http_router router;
    router.post("/v1/bills", [count = committed](const erpc::server_request& r) {
      ++*count;
      return erpc::server_response::json(201, R"({"received":)" + std::to_string(r.body.size()) + "}");
    });
    erpc::http_server_options options;
    options.tls = erpc::http_tls_options{pki.certificate_pem, pki.private_key_pem};
    server = std::make_unique<erpc::http_server>(options, std::move(router));
    server->start();
    std::ofstream(ca_file) << pki.certificate_pem;
  }
  ~tls_upstream() { std::filesystem::remove(ca_file); }

  // The certificate names localhost, so the proxy must be told that name.
  std::string url() const { return "https://localhost:" + std::to_string(server->port()); }
};

}  // namespace

TEST_CASE("a TLS upstream is verified against the given CA and faults still apply",
          "[fault_proxy][tls]") {
  tls_upstream upstream;
  fault_proxy_options options;
  options.upstream = upstream.url();
  options.upstream_ca_file = upstream.ca_file.string();
  fault_proxy proxy(options, parse_fault_script(R"({"rules":[{"id":"lose","match":{"count":1},
                                                   "fault":{"type":"drop_reply"}}]})",
                                                "."));
  proxy.start();
  const auto lost = send_and_observe(proxy.port(), request_bytes("POST", "/v1/bills", "{}"));
  CHECK(lost.end == connection_end::reset);
  CHECK(*upstream.committed == 1);
  const auto passed = send_and_observe(proxy.port(), request_bytes("POST", "/v1/bills", "{}"));
  CHECK(passed.status == 201);
  CHECK(passed.body == R"({"received":2})");
  CHECK(*upstream.committed == 2);
}

TEST_CASE("a TLS upstream whose certificate cannot be verified is never sent the request",
          "[fault_proxy][tls]") {
  tls_upstream upstream;
  fault_proxy_options options;
  options.upstream = upstream.url();  // no CA: the self-signed certificate is not trusted
  fault_proxy proxy(options);
  proxy.start();
  const auto seen = send_and_observe(proxy.port(), request_bytes("POST", "/v1/bills", "{}"));
  CHECK(seen.status == 502);
  CHECK(nlohmann::json::parse(seen.body).at("code") == "proxy.upstream_unreachable");
  CHECK(*upstream.committed == 0);

  SECTION("unless verification is switched off for a test sandbox") {
    fault_proxy_options insecure = options;
    insecure.upstream_insecure_skip_verify = true;
    fault_proxy lenient(insecure);
    lenient.start();
    CHECK(send_and_observe(lenient.port(), request_bytes("POST", "/v1/bills", "{}")).status ==
          201);
    CHECK(*upstream.committed == 1);
  }
}
