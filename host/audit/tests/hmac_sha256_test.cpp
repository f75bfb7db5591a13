#include <erpc/host/hmac_sha256.hpp>

#include "audit_encoding.hpp"
#include "audit_test_support.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace erpc;

TEST_CASE("HMAC-SHA256 matches RFC 4231 test case 1") {
  // HMAC pads a short key with zeros to the block size, so the 20-byte RFC key padded to 32
  // bytes gives the RFC's MAC.
  std::string hex;
  for (int i = 0; i < 20; ++i) hex += "0b";
  const auto key = parse_symmetric_key(hex + std::string(24, '0'));
  REQUIRE(audit_detail::hex_encode(hmac_sha256(key, "Hi There")) ==
          "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
}

TEST_CASE("the MAC of parts is the MAC of their concatenation") {
  const auto key = audit_testing::key_from_hex(audit_testing::master_hex);
  const std::string a = "prev", b = "body";
  const auto parts = hmac_sha256(
      key,
      {std::span<const unsigned char>(reinterpret_cast<const unsigned char*>(a.data()), a.size()),
       std::span<const unsigned char>(reinterpret_cast<const unsigned char*>(b.data()), b.size())});
  REQUIRE(parts == hmac_sha256(key, "prevbody"));
  REQUIRE(parts != hmac_sha256(key, "prevbodz"));
}
