#include <erpc/host/audit_keys.hpp>

#include "audit_encoding.hpp"
#include "audit_test_support.hpp"

#include <erpc/host/secret_resolver.hpp>

#include <openssl/evp.h>
#include <catch2/catch.hpp>

#include <array>
#include <cstdlib>
#include <string>

using namespace erpc;
using namespace erpc::audit_testing;

namespace {

std::array<unsigned char, 32> reference_hmac(std::string_view key, std::string_view data) {
  std::array<unsigned char, 32> out{};
  std::size_t length = 0;
  REQUIRE(EVP_Q_mac(nullptr, "HMAC", nullptr, "SHA256", nullptr, key.data(), key.size(),
                    reinterpret_cast<const unsigned char*>(data.data()), data.size(), out.data(),
                    out.size(), &length) != nullptr);
  return out;
}

// RFC 5869 for one block: PRK = HMAC(salt, IKM); OKM = HMAC(PRK, info ‖ 0x01).
std::string reference_hkdf(const symmetric_key& master, std::string_view info) {
  const auto ikm = master.bytes();
  const auto prk =
      reference_hmac("erpconnect.audit.hkdf.salt.v1",
                     std::string_view(reinterpret_cast<const char*>(ikm.data()), ikm.size()));
  const auto okm =
      reference_hmac(std::string_view(reinterpret_cast<const char*>(prk.data()), prk.size()),
                     std::string(info) + '\x01');
  return audit_detail::hex_encode(okm);
}

std::string hex(const symmetric_key& key) { return audit_detail::hex_encode(key.bytes()); }

}  // namespace

TEST_CASE("HKDF derives two different keys, neither equal to the master") {
  const auto master = key_from_hex(master_hex);
  const auto keys = derive_audit_keys(master);
  REQUIRE_FALSE(keys.chain.same_as(keys.checkpoint));
  REQUIRE_FALSE(keys.chain.same_as(master));
  REQUIRE_FALSE(keys.checkpoint.same_as(master));
}

TEST_CASE("derivation is RFC 5869 HKDF-SHA256 with the documented salt and labels") {
  const auto master = key_from_hex(master_hex);
  const auto keys = derive_audit_keys(master);
  REQUIRE(hex(keys.chain) == reference_hkdf(master, "erpc.audit.chain.v1"));
  REQUIRE(hex(keys.checkpoint) == reference_hkdf(master, "erpc.audit.checkpoint.v1"));
}

TEST_CASE("derivation is deterministic and depends on the master key") {
  const auto a = derive_audit_keys(key_from_hex(master_hex));
  const auto b = derive_audit_keys(key_from_hex(master_hex));
  const auto c = derive_audit_keys(key_from_hex(other_hex));
  REQUIRE(a.chain.same_as(b.chain));
  REQUIRE(a.checkpoint.same_as(b.checkpoint));
  REQUIRE_FALSE(a.chain.same_as(c.chain));
  REQUIRE_FALSE(a.checkpoint.same_as(c.checkpoint));
}

TEST_CASE("audit keys resolve from an env: reference") {
  secret_redactor redactor;
  const secret_resolver resolver(redactor);
  ::setenv("ERPC_AUDIT_TEST_MASTER", std::string(master_hex).c_str(), 1);
  const auto keys = resolve_audit_keys(resolver, "env:ERPC_AUDIT_TEST_MASTER");
  REQUIRE(keys.chain.same_as(derive_audit_keys(key_from_hex(master_hex)).chain));
  ::unsetenv("ERPC_AUDIT_TEST_MASTER");
  REQUIRE(error_text([&] {
            resolve_audit_keys(resolver, "env:ERPC_AUDIT_TEST_MASTER");
          }).rfind("secrets.env_unset", 0) == 0);
}
