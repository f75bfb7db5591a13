// SPDX-License-Identifier: Apache-2.0
// Authentication and the CSRF handshake over HTTP (vendors.md §2.2), each setting both ways.
#include "sap_test_client.hpp"

#include <erpc/sim/sap_s4hana_simulator.hpp>

#include <catch2/catch.hpp>

using namespace erpc::sim::sap::testing;
using erpc::testing::raw_http;

namespace {

const std::string partners = bp_service + "/A_BusinessPartner";

nlohmann::json partner(const std::string& ext) {
  return {{"BusinessPartnerCategory", "2"},
          {"OrganizationBPName1", "Acme " + ext},
          {"BusinessPartnerIDByExtSystem", ext}};
}

const std::string good_form =
    "grant_type=client_credentials&client_id=erpc-sim-client&client_secret=erpc-sim-secret";

raw_http_response token_request(std::uint16_t port, const std::string& form,
                                erpc::sim::sap::testing::header_list headers = {}) {
  headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
  return raw_http(port, "POST", "/sap/bc/sec/oauth2/token", headers, form);
}

}  // namespace

TEST_CASE("wrong or missing credentials get 401 with the logon-error page", "[sap][auth]") {
  sap_fixture f;
  sap_client anonymous(f.sim->port());
  anonymous.authorization.clear();
  const auto none = anonymous.get(partners);
  CHECK(none.status == 401);
  CHECK(none.header("WWW-Authenticate").rfind("Basic realm=", 0) == 0);
  CHECK(none.header("Content-Type").rfind("text/html", 0) == 0);
  CHECK(none.body.find("Logon failed") != std::string::npos);

  sap_client wrong(f.sim->port());
  wrong.authorization = basic_credentials("ERPC_COMM_USER", "not-the-password");
  const auto refused = wrong.get(partners);
  CHECK(refused.status == 401);
  CHECK(refused.body.find("not-the-password") == std::string::npos);
  // The SOAP service checks credentials too.
  CHECK(raw_http(f.sim->port(), "POST", "/sap/bc/srt/scs_ext/sap/journalentrycreaterequestconfi",
                 {{"Content-Type", "text/xml"}}, "<x/>")
            .status == 401);

  CHECK(f.client->get(partners).status == 200);
  // The credentials come from the settings, and secrets are not shown by /_sim/settings.
  f.set({{"sap.auth.basic_password", "rotated"}});
  CHECK(f.client->get(partners).status == 401);
  f.client->authorization = basic_credentials("ERPC_COMM_USER", "rotated");
  CHECK(f.client->get(partners).status == 200);
  f.set({{"sap.auth.basic_user", "OTHER_USER"}});
  CHECK(f.client->get(partners).status == 401);
  f.client->authorization = basic_credentials("OTHER_USER", "rotated");
  CHECK(f.client->get(partners).status == 200);
  const auto shown = raw_http(f.sim->port(), "GET", "/_sim/settings");
  CHECK(shown.body.find("rotated") == std::string::npos);
  CHECK(shown.body.find("erpc-sim-secret") == std::string::npos);
}

TEST_CASE("OAuth 2.0 client credentials: token endpoint, bearer use, expiry", "[sap][auth]") {
  sap_fixture f;
  const auto port = f.sim->port();

  const auto bad_grant = token_request(port, "grant_type=password&client_id=erpc-sim-client");
  CHECK(bad_grant.status == 400);
  CHECK(body_json(bad_grant)["error"] == "unsupported_grant_type");
  const auto bad_client = token_request(
      port, "grant_type=client_credentials&client_id=erpc-sim-client&client_secret=wrong");
  CHECK(bad_client.status == 401);
  CHECK(body_json(bad_client)["error"] == "invalid_client");

  // Client authentication by body parameters and by HTTP Basic (RFC 6749 §2.3.1).
  const auto by_body = token_request(port, good_form);
  REQUIRE(by_body.status == 200);
  const auto issued = body_json(by_body);
  CHECK(issued["token_type"] == "Bearer");
  CHECK(issued["expires_in"] == 3600);
  const auto by_basic = token_request(
      port, "grant_type=client_credentials",
      {{"Authorization", basic_credentials("erpc-sim-client", "erpc-sim-secret")}});
  REQUIRE(by_basic.status == 200);

  sap_client bearer(port);
  bearer.authorization = "Bearer " + issued["access_token"].get<std::string>();
  CHECK(bearer.get(partners).status == 200);
  sap_client forged(port);
  forged.authorization = "Bearer forged-token";
  const auto refused = forged.get(partners);
  CHECK(refused.status == 401);
  CHECK(refused.header("WWW-Authenticate").find("invalid_token") != std::string::npos);

  // sap.auth.methods: basic refuses the bearer token, oauth refuses Basic.
  f.set({{"sap.auth.methods", "basic"}});
  CHECK(bearer.get(partners).status == 401);
  CHECK(f.client->get(partners).status == 200);
  f.set({{"sap.auth.methods", "oauth"}});
  CHECK(bearer.get(partners).status == 200);
  CHECK(f.client->get(partners).status == 401);

  // Lifetime 0: every token is already expired; the client has to fetch and fails again.
  f.set({{"sap.oauth.token_ttl_seconds", 0}});
  CHECK(bearer.get(partners).status == 401);
  const auto short_lived = token_request(port, good_form);
  CHECK(body_json(short_lived)["expires_in"] == 0);

  // The client credentials are settings too.
  f.set({{"sap.oauth.client_id", "other-client"}, {"sap.oauth.client_secret", "other-secret"}});
  CHECK(token_request(port, good_form).status == 401);
  CHECK(token_request(port,
                      "grant_type=client_credentials&client_id=other-client&client_secret=other-"
                      "secret")
            .status == 200);
}

TEST_CASE("a modifying request without a valid CSRF token gets 403 Required", "[sap][csrf]") {
  sap_fixture f;
  sap_client no_token(f.sim->port());
  const auto refused = no_token.post(partners, partner("X-1"));
  CHECK(refused.status == 403);
  CHECK(refused.header("X-CSRF-Token") == "Required");
  CHECK(refused.body == "CSRF Token required");

  no_token.csrf_token = "made-up";
  CHECK(no_token.post(partners, partner("X-1")).status == 403);
  CHECK(f.effects()["count"] == 0);

  // The handshake: fetch, then the token and the session cookie together.
  const auto fetched = no_token.fetch_csrf();
  CHECK(fetched.status == 200);
  CHECK(!no_token.csrf_token.empty());
  CHECK(no_token.csrf_token != "Required");
  CHECK(no_token.cookies.find("SAP_SESSIONID_S4H_100=") != std::string::npos);
  CHECK(no_token.cookies.find("sap-XSRF_S4H_100=") != std::string::npos);
  CHECK(no_token.post(partners, partner("X-1")).status == 201);
  // The same session fetches the same token while it is valid.
  const auto token = no_token.csrf_token;
  no_token.fetch_csrf();
  CHECK(no_token.csrf_token == token);
  // HEAD works for the fetch too (the SAP Cloud SDK's way).
  const auto head = raw_http(f.sim->port(), "HEAD", bp_service + "/",
                             {{"Authorization", no_token.authorization},
                              {"Cookie", no_token.cookies},
                              {"X-CSRF-Token", "Fetch"}});
  CHECK(head.status == 200);
  CHECK(head.header("X-CSRF-Token") == token);
  CHECK(head.body.empty());
  // Reads need no token.
  CHECK(sap_client(f.sim->port()).get(partners).status == 200);
}

TEST_CASE("CSRF token binding to the session cookie is a setting", "[sap][csrf]") {
  sap_fixture f;
  sap_client stranger(f.sim->port());  // another session, someone else's token
  stranger.csrf_token = f.client->csrf_token;
  CHECK(stranger.post(partners, partner("B-1")).status == 403);
  f.set({{"sap.csrf.bind_to_session", false}});
  CHECK(stranger.post(partners, partner("B-1")).status == 201);
}

TEST_CASE("CSRF token expiry and the requirement itself are settings", "[sap][csrf]") {
  sap_fixture f;
  CHECK(f.client->post(partners, partner("E-1")).status == 201);
  // Lifetime 0: the token fetched earlier is expired now.
  f.set({{"sap.csrf.token_ttl_seconds", 0}});
  const auto expired = f.client->post(partners, partner("E-2"));
  CHECK(expired.status == 403);
  CHECK(expired.header("X-CSRF-Token") == "Required");
  f.set({{"sap.csrf.token_ttl_seconds", 1800}});
  const auto old_token = f.client->csrf_token;
  f.client->fetch_csrf();
  CHECK(f.client->csrf_token != old_token);  // an expired token is replaced, not revived
  CHECK(f.client->post(partners, partner("E-2")).status == 201);

  f.set({{"sap.csrf.required", false}});
  sap_client no_token(f.sim->port());
  CHECK(no_token.post(partners, partner("E-3")).status == 201);
}
