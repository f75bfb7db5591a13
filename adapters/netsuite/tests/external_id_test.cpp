// SPDX-License-Identifier: Apache-2.0
#include "external_id.hpp"

#include <catch2/catch.hpp>

#include <set>
#include <string>

using erpc::netsuite::async_idempotency_key;
using erpc::netsuite::external_id_for_key;
using erpc::netsuite::key_for_external_id;

TEST_CASE("externalId from an idempotency key uses only NetSuite's characters and is injective",
          "[netsuite][external_id]") {
  const char* keys[] = {"inv-42", "inv_42", "inv.42", "inv:42", "a_2E", "a.", "A-b_c.d:e"};
  std::set<std::string> seen;
  for (const auto* key : keys) {
    const auto eid = external_id_for_key(key);
    for (const char c : eid) {
      const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                           (c >= '0' && c <= '9') || c == '_' || c == '-';
      CHECK(allowed);
    }
    CHECK(seen.insert(eid).second);
    REQUIRE(key_for_external_id(eid));
    CHECK(*key_for_external_id(eid) == key);
  }
  CHECK(external_id_for_key("inv.42") == "erpc-inv_2E42");
  CHECK_FALSE(key_for_external_id("SUP-000123"));
  CHECK_FALSE(key_for_external_id("erpc-a_ZZ"));
  // Not the image of any key (found by fuzz/netsuite_vendor_responses): characters the escape
  // would have encoded or that no key has, an empty key, a key over 64 characters.
  CHECK_FALSE(key_for_external_id("erpc-a.b"));
  CHECK_FALSE(key_for_external_id("erpc-Bi./sen/2`56"));
  CHECK_FALSE(key_for_external_id("erpc-"));
  CHECK_FALSE(key_for_external_id("erpc-" + std::string(65, 'k')));
  CHECK(key_for_external_id("erpc-" + std::string(64, 'k')) == std::string(64, 'k'));
}

TEST_CASE("the async idempotency key is a stable UUID per record type and externalId",
          "[netsuite][external_id]") {
  const auto a = async_idempotency_key("vendorBill", "erpc-k1");
  CHECK(a == async_idempotency_key("vendorBill", "erpc-k1"));
  CHECK(a != async_idempotency_key("vendorCredit", "erpc-k1"));
  CHECK(a != async_idempotency_key("vendorBill", "erpc-k2"));
  // SHA-256("vendorBill/erpc-k1")'s first 16 bytes with the version-8 and variant bits (Python).
  CHECK(a == "0596b666-912f-8432-b62d-b5a277729c3f");
  REQUIRE(a.size() == 36);
  CHECK(a[8] == '-');
  CHECK(a[14] == '8');  // version 8
}
