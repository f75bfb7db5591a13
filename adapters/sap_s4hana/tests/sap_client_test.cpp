// SPDX-License-Identifier: Apache-2.0
// The SAP client against a scripted host HTTP service: session cookies kept (also when the
// host's HTTP stack folds several Set-Cookie headers into one), the CSRF token fetched once and
// sent with them, Basic credentials, and the secret never in what the adapter logs.
#include "sap_client.hpp"

#include <erpc/testing/fake_host.hpp>

#include <catch2/catch.hpp>

#include <mutex>

namespace {

erpc::http_response answer(int status, erpc::http_headers headers, std::string body = "") {
  erpc::http_response r;
  r.transport = erpc::http_transport::ok;
  r.status = status;
  r.headers = std::move(headers);
  r.body = std::move(body);
  return r;
}

std::string header(const erpc::http_request& req, std::string_view name) {
  for (const auto& [n, v] : req.headers) {
    if (erpc::detail::iequals(n, name)) return v;
  }
  return {};
}

}  // namespace

TEST_CASE("the CSRF token and every session cookie go with a write, fetched once",
          "[sap][client][csrf]") {
  erpc::testing::fake_host host;
  host.secrets().set("env:U", "ERPC_COMM_USER");
  host.secrets().set("env:P", "s3cret-pw");
  std::mutex m;
  std::vector<erpc::http_request> seen;
  host.http().scripted([&](const erpc::http_request& req, const erpc_call_v1*) {
    std::lock_guard lock(m);
    seen.push_back(req);
    if (req.method == "GET") {
      return answer(200, {{"X-CSRF-Token", "tok-1"},
                          {"Set-Cookie", "SAP_SESSIONID_S4H_100=abc; path=/; HttpOnly, "
                                         "sap-XSRF_S4H_100=xyz; expires=Wed, 21 Oct 2026 07:28:00 GMT; path=/"}});
    }
    return answer(201, {}, R"({"d":{}})");
  });
  const auto config = erpc::sap::parse_config(
      {{"base_url", "https://s4.example"},
       {"auth", {{"method", "basic"}, {"user", "env:U"}, {"password", "env:P"}}}});
  erpc::call_context ctx(erpc::host_ref(host.host()), nullptr);
  erpc::sap::sap_client client(erpc::host_ref(host.host()), config, ctx);
  erpc::sap::outbound post;
  post.method = "POST";
  post.url = client.odata_url("API_SUPPLIERINVOICE_PROCESS_SRV", "/A_SupplierInvoice");
  post.body = "{}";
  post.csrf_root = client.service_root("API_SUPPLIERINVOICE_PROCESS_SRV");
  CHECK(client.send(post, erpc::sap::call_kind::write, ctx).status == 201);
  CHECK(client.send(post, erpc::sap::call_kind::write, ctx).status == 201);

  REQUIRE(seen.size() == 3);  // one fetch, two writes
  CHECK(seen[0].url == "https://s4.example/sap/opu/odata/sap/API_SUPPLIERINVOICE_PROCESS_SRV/");
  CHECK(header(seen[0], "X-CSRF-Token") == "Fetch");
  for (std::size_t i = 1; i < 3; ++i) {
    CHECK(header(seen[i], "X-CSRF-Token") == "tok-1");
    const auto cookies = header(seen[i], "Cookie");
    CHECK(cookies.find("SAP_SESSIONID_S4H_100=abc") != std::string::npos);
    CHECK(cookies.find("sap-XSRF_S4H_100=xyz") != std::string::npos);
    CHECK(cookies.find("expires") == std::string::npos);
    CHECK(header(seen[i], "Authorization") == "Basic " + erpc::adapters::base64_encode("ERPC_COMM_USER:s3cret-pw"));
  }
}

