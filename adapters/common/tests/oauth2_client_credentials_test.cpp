// SPDX-License-Identifier: Apache-2.0
// OAuth 2.0 client credentials (RFC 6749 §4.4) against a scripted host HTTP service: one fetch,
// cached until a margin before expires_in, HTTP Basic with form-encoded id and secret, one
// refresh for a refused token (not two when another call refreshed already), and the token
// endpoint's refusals mapped with the adapter's code prefix, never echoing the secret.
#include <erpc/adapters/oauth2_client_credentials.hpp>
#include <erpc/testing/fake_host.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

erpc::http_response answer(int status, std::string body, erpc::http_headers headers = {}) {
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

struct rig {
  rig() {
    host.clock().set(1'700'000'000'000);
    host.secrets().set("env:ID", "client 1");
    host.secrets().set("env:SECRET", "s3cret/pw");
    host.http().scripted([this](const erpc::http_request& req, const erpc_call_v1*) {
      seen.push_back(req);
      return next(seen.size());
    });
  }
  erpc::adapters::oauth2_client_credentials make() {
    return {erpc::host_ref(host.host()),
            {"https://bank.example/token", "env:ID", "env:SECRET", "payments", "openbanking_uk"}};
  }
  erpc::testing::fake_host host;
  std::vector<erpc::http_request> seen;
  std::function<erpc::http_response(std::size_t)> next = [](std::size_t n) {
    return answer(200, R"({"access_token":"tok-)" + std::to_string(n) +
                           R"(","token_type":"Bearer","expires_in":3600})");
  };
};

erpc::error failure(erpc::adapters::oauth2_client_credentials& oauth, erpc::call_context& ctx) {
  try {
    (void)oauth.authorization(ctx);
  } catch (const erpc::error& e) {
    return e;
  }
  FAIL("no error");
  throw;
}

}  // namespace

TEST_CASE("one token, cached, sent with HTTP Basic client authentication", "[oauth2]") {
  rig r;
  auto oauth = r.make();
  erpc::call_context ctx(erpc::host_ref(r.host.host()), nullptr);
  CHECK(oauth.authorization(ctx) == "Bearer tok-1");
  CHECK(oauth.authorization(ctx) == "Bearer tok-1");
  REQUIRE(r.seen.size() == 1);
  const auto& req = r.seen[0];
  CHECK(req.method == "POST");
  CHECK(req.url == "https://bank.example/token");
  CHECK(req.body == "grant_type=client_credentials&scope=payments");
  // RFC 6749 §2.3.1: id and secret form-encoded, then Basic.
  CHECK(header(req, "Authorization") == "Basic Y2xpZW50JTIwMTpzM2NyZXQlMkZwdw==");
  CHECK(header(req, "Content-Type") == "application/x-www-form-urlencoded");
  // 30 s before expires_in a new token is fetched.
  r.host.clock().advance(3600'000 - 29'000);
  CHECK(oauth.authorization(ctx) == "Bearer tok-2");
}

TEST_CASE("form-body client authentication (Microsoft Entra, vendors.md §4.2)", "[oauth2]") {
  rig r;
  erpc::adapters::oauth2_client_settings settings{"https://login.example/t/oauth2/v2.0/token",
                                                  "env:ID", "env:SECRET",
                                                  "https://api.businesscentral.dynamics.com/.default", "bc"};
  settings.client_auth = erpc::adapters::oauth2_client_auth::form_body;
  erpc::adapters::oauth2_client_credentials oauth(erpc::host_ref(r.host.host()), settings);
  erpc::call_context ctx(erpc::host_ref(r.host.host()), nullptr);
  CHECK(oauth.authorization(ctx) == "Bearer tok-1");
  REQUIRE(r.seen.size() == 1);
  CHECK(header(r.seen[0], "Authorization").empty());
  CHECK(r.seen[0].body ==
        "grant_type=client_credentials&client_id=client%201&client_secret=s3cret%2Fpw"
        "&scope=https%3A%2F%2Fapi.businesscentral.dynamics.com%2F.default");
}

TEST_CASE("a refused token is refreshed once, not again for a stale refusal", "[oauth2]") {
  rig r;
  auto oauth = r.make();
  erpc::call_context ctx(erpc::host_ref(r.host.host()), nullptr);
  const auto first = oauth.authorization(ctx);
  oauth.refresh(first, ctx);
  CHECK(oauth.authorization(ctx) == "Bearer tok-2");
  oauth.refresh(first, ctx);  // another call already replaced tok-1
  CHECK(oauth.authorization(ctx) == "Bearer tok-2");
  CHECK(r.seen.size() == 2);
  // A rotated secret is read again at the refresh.
  r.host.secrets().set("env:SECRET", "rotated");
  oauth.refresh("Bearer tok-2", ctx);
  CHECK(header(r.seen.back(), "Authorization") == "Basic Y2xpZW50JTIwMTpyb3RhdGVk");
}

TEST_CASE("the token endpoint's refusals", "[oauth2]") {
  rig r;
  erpc::call_context ctx(erpc::host_ref(r.host.host()), nullptr);
  r.next = [](std::size_t) { return answer(401, R"({"error":"invalid_client"})"); };
  auto oauth = r.make();
  auto e = failure(oauth, ctx);
  CHECK(e.cls() == erpc::error_class::authentication);
  CHECK(e.code() == "openbanking_uk.oauth_token_refused");
  CHECK(e.effect() == erpc::effect::none);
  CHECK(std::string(e.what()).find("s3cret") == std::string::npos);
  r.next = [](std::size_t) { return answer(429, "", {{"Retry-After", "4"}}); };
  e = failure(oauth, ctx);
  CHECK(e.cls() == erpc::error_class::rate_limited);
  CHECK(e.retry_after_ms() == 4000);
  r.next = [](std::size_t) { return answer(503, "<html/>"); };
  CHECK(failure(oauth, ctx).cls() == erpc::error_class::unavailable);
  r.next = [](std::size_t) { return answer(200, R"({"token_type":"Bearer"})"); };
  e = failure(oauth, ctx);
  CHECK(e.cls() == erpc::error_class::internal);
  CHECK(e.code() == "openbanking_uk.oauth_token_malformed");
  r.next = [](std::size_t) {
    erpc::http_response lost;
    lost.transport = erpc::http_transport::failed;
    lost.request_sent = true;
    return lost;
  };
  e = failure(oauth, ctx);
  CHECK(e.cls() == erpc::error_class::unavailable);
  CHECK(e.effect() == erpc::effect::none);  // a token request writes nothing
}

TEST_CASE("base64 is RFC 4648", "[oauth2]") {
  CHECK(erpc::adapters::base64_encode("") == "");
  CHECK(erpc::adapters::base64_encode("f") == "Zg==");
  CHECK(erpc::adapters::base64_encode("fo") == "Zm8=");
  CHECK(erpc::adapters::base64_encode("foo") == "Zm9v");
  CHECK(erpc::adapters::base64_encode("foobar") == "Zm9vYmFy");
}
