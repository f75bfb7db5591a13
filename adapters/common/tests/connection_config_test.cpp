// SPDX-License-Identifier: Apache-2.0
#include <erpc/adapters/connection_config.hpp>

#include <catch2/catch.hpp>

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
