// SPDX-License-Identifier: Apache-2.0
#include <erpc/adapters/connection_config.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using erpc::adapters::is_secret_reference;

TEST_CASE("a secret reference is a lowercase scheme, a colon and something") {
  CHECK(is_secret_reference("env:NS_TOKEN_SECRET"));
  CHECK(is_secret_reference("file:/run/secrets/sap_password"));
  CHECK(is_secret_reference("vault:kv/erp#secret"));
}

TEST_CASE("a pasted secret value is not a reference") {
  CHECK_FALSE(is_secret_reference("s3cr3t-value"));
  CHECK_FALSE(is_secret_reference("Env:NAME"));    // schemes are lowercase
  CHECK_FALSE(is_secret_reference(":NAME"));       // no scheme
  CHECK_FALSE(is_secret_reference("env:"));        // nothing referenced
  CHECK_FALSE(is_secret_reference("pa55:word"));   // a digit is no scheme letter
  CHECK_FALSE(is_secret_reference(""));
}

using erpc::adapters::config_reader;
using erpc::adapters::value_map;

TEST_CASE("a value map answers both ways, an identity map passes unmapped values through") {
  const value_map accounts("accounts", {{"5400", "6110"}});
  CHECK(accounts.name() == "accounts");
  CHECK(accounts.vendor_value("5400") == "6110");
  CHECK(accounts.code("6110") == "5400");
  CHECK_FALSE(accounts.vendor_value("9999"));
  CHECK_FALSE(accounts.code("9999"));
  const value_map currencies("currencies", {{"EUR", ""}}, true);
  CHECK(currencies.vendor_value("USD") == "USD");
  CHECK(currencies.code("USD") == "USD");
  CHECK(currencies.vendor_value("EUR") == "");
}

TEST_CASE("the configuration reader collects every problem and throws them at once") {
  const auto config = nlohmann::json::parse(R"({
    "base_url": "https://erp.example/path",
    "auth": {"client_id": "pasted-secret", "client_secret": "env:S", "colour": "blue"},
    "value_maps": {"accounts": {"5400": ""}, "planets": {}},
    "extra": 1})");
  config_reader r("x.config", "the X connection configuration");
  CHECK(r.base_url(config) == "https://erp.example/path");
  const auto auth = erpc::adapters::read_entra_auth(r, config, "https://erp.example");
  CHECK(auth.client_secret_ref == "env:S");
  CHECK(auth.client_id_ref.empty());
  const auto& maps = r.value_maps(config, {"accounts"});
  CHECK_FALSE(r.map(maps, "accounts", false).vendor_value("5400"));
  r.refuse_unknown(config, "", {"base_url", "auth", "value_maps"});
  try {
    r.finish();
    FAIL("finish() must throw");
  } catch (const erpc::error& e) {
    CHECK(e.cls() == erpc::error_class::configuration);
    CHECK(e.code() == "x.config");
    std::vector<std::string> pointers;
    for (const auto& f : e.field_errors()) pointers.push_back(f.pointer);
    CHECK(pointers == std::vector<std::string>{"/base_url", "/auth/client_id", "/auth/tenant_id",
                                               "/auth/colour", "/value_maps/planets",
                                               "/value_maps/accounts/5400", "/extra"});
    CHECK(std::string(e.message()).find("pasted-secret") == std::string::npos);  // never echoed
  }
}

TEST_CASE("an Entra token URL given as a path is taken relative to base_url, else from the tenant") {
  config_reader r("x.config", "the X connection configuration");
  const auto relative = erpc::adapters::read_entra_auth(
      r, nlohmann::json::parse(R"({"auth": {"client_id": "env:I", "client_secret": "env:S", "token_url": "/t/token"}})"),
      "http://127.0.0.1:9");
  CHECK(relative.token_url == "http://127.0.0.1:9/t/token");
  const auto tenant = erpc::adapters::read_entra_auth(
      r, nlohmann::json::parse(R"({"auth": {"client_id": "env:I", "client_secret": "env:S", "tenant_id": "abc"}})"),
      "https://erp.example");
  CHECK(tenant.token_url == "https://login.microsoftonline.com/abc/oauth2/v2.0/token");
  CHECK_NOTHROW(r.finish());
}
