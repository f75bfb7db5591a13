// SPDX-License-Identifier: Apache-2.0
// OAuth 2.0 client credentials (RFC 6749 §4.4) against a scripted host HTTP service: the two
// client authentications (Basic for SAP, form body for Microsoft Entra), the token cached,
// only a refused token replaced, and the secret in no error message.
#include <erpc/adapters/oauth2_client_credentials.hpp>
#include <erpc/testing/fake_host.hpp>

#include <catch2/catch.hpp>

#include <mutex>

namespace {

erpc::http_response answer(int status, std::string body) {
  erpc::http_response r;
  r.transport = erpc::http_transport::ok;
  r.status = status;
  r.body = std::move(body);
  return r;
}

std::string header(const erpc::http_request& req, std::string_view name) {
  for (const auto& [n, v] : req.headers) {
    if (erpc::detail::iequals(n, name)) return v;
  }
  return {};
}

erpc::adapters::oauth2_client_credentials_config config(erpc::adapters::oauth2_client_auth auth) {
  erpc::adapters::oauth2_client_credentials_config c;
  c.token_url = "https://login.example/tenant/oauth2/v2.0/token";
  c.client_id_ref = "env:ID";
  c.client_secret_ref = "env:SECRET";
  c.scope = "https://api.example/.default";
  c.client_auth = auth;
  c.error_prefix = "bc";
  return c;
}

}  // namespace

TEST_CASE("oauth2: form-body client authentication, the token cached, a refused one replaced once",
          "[adapters][oauth2]") {
  erpc::testing::fake_host host;
  host.secrets().set("env:ID", "client-1");
  host.secrets().set("env:SECRET", "s3cr&t");
  std::mutex m;
  std::vector<erpc::http_request> seen;
  int issued = 0;
  host.http().scripted([&](const erpc::http_request& req, const erpc_call_v1*) {
    std::lock_guard lock(m);
    seen.push_back(req);
    return answer(200, R"({"token_type":"Bearer","expires_in":3599,"access_token":"t)" +
                           std::to_string(++issued) + R"("})");
  });
  erpc::call_context ctx(erpc::host_ref(host.host()), nullptr);
  erpc::adapters::oauth2_client_credentials auth(erpc::host_ref(host.host()),
                                                 config(erpc::adapters::oauth2_client_auth::form_body));
  CHECK(auth.authorization(ctx) == "Bearer t1");
  CHECK(auth.authorization(ctx) == "Bearer t1");  // cached
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].method == "POST");
  CHECK(header(seen[0], "Authorization").empty());
  CHECK(seen[0].body ==
        "grant_type=client_credentials&client_id=client-1&client_secret=s3cr%26t&scope=https%3A%2F%2Fapi.example%2F.default");
  auth.refresh("Bearer t1", ctx);
  CHECK(auth.authorization(ctx) == "Bearer t2");
  auth.refresh("Bearer t1", ctx);  // already replaced by another call: no new fetch
  CHECK(seen.size() == 2);
}

TEST_CASE("oauth2: Basic client authentication (RFC 6749 §2.3.1)", "[adapters][oauth2]") {
  erpc::testing::fake_host host;
  host.secrets().set("env:ID", "client-1");
  host.secrets().set("env:SECRET", "pw");
  erpc::http_request sent;
  host.http().scripted([&](const erpc::http_request& req, const erpc_call_v1*) {
    sent = req;
    return answer(200, R"({"access_token":"abc","expires_in":"60"})");
  });
  erpc::call_context ctx(erpc::host_ref(host.host()), nullptr);
  erpc::adapters::oauth2_client_credentials auth(erpc::host_ref(host.host()),
                                                 config(erpc::adapters::oauth2_client_auth::basic));
  CHECK(auth.authorization(ctx) == "Bearer abc");
  CHECK(header(sent, "Authorization") == "Basic " + erpc::adapters::base64("client-1:pw"));
  CHECK(sent.body.find("client_secret") == std::string::npos);
}

TEST_CASE("oauth2: a refusal is AUTHENTICATION with the reason, never the secret; junk is INTERNAL",
          "[adapters][oauth2]") {
  erpc::testing::fake_host host;
  host.secrets().set("env:ID", "client-1");
  host.secrets().set("env:SECRET", "very-secret-value");
  int status = 401;
  std::string body = R"({"error":"invalid_client","error_description":"AADSTS7000215"})";
  host.http().scripted([&](const erpc::http_request&, const erpc_call_v1*) { return answer(status, body); });
  erpc::call_context ctx(erpc::host_ref(host.host()), nullptr);
  erpc::adapters::oauth2_client_credentials auth(erpc::host_ref(host.host()),
                                                 config(erpc::adapters::oauth2_client_auth::form_body));
  try {
    (void)auth.authorization(ctx);
    FAIL("a refused token was accepted");
  } catch (const erpc::error& e) {
    CHECK(e.cls() == erpc::error_class::authentication);
    CHECK(e.code() == "bc.oauth_token_refused");
    CHECK(e.message().find("invalid_client") != std::string::npos);
    CHECK(e.message().find("very-secret-value") == std::string::npos);
  }
  status = 200;
  body = "<html>not json</html>";
  try {
    (void)auth.authorization(ctx);
    FAIL("junk was accepted");
  } catch (const erpc::error& e) {
    CHECK(e.cls() == erpc::error_class::internal);
    CHECK(e.code() == "bc.malformed_response");
  }
}
