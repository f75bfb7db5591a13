#include <erpc/host/symmetric_key.hpp>

#include "audit_test_support.hpp"

#include <erpc/error.hpp>
#include <erpc/host/secret_resolver.hpp>

#include <catch2/catch.hpp>

#include <cstdlib>

using namespace erpc;
using namespace erpc::audit_testing;

TEST_CASE("a key parses from 64 hex digits or from base64 of 32 bytes, to the same bytes") {
  const auto from_hex = parse_symmetric_key(master_hex);
  const auto from_upper_hex =
      parse_symmetric_key("000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F");
  const auto from_base64 = parse_symmetric_key("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
  REQUIRE(from_hex.bytes()[0] == 0x00);
  REQUIRE(from_hex.bytes()[31] == 0x1f);
  REQUIRE(from_hex.same_as(from_upper_hex));
  REQUIRE(from_hex.same_as(from_base64));
  REQUIRE_FALSE(from_hex.same_as(parse_symmetric_key(other_hex)));
}

TEST_CASE("anything but 32 key bytes is crypto.bad_key and the message never shows the text") {
  const std::string short_hex(62, 'a');
  const std::string not_hex = "zz" + std::string(62, 'a');
  const std::string base64_of_31 = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHg==";
  const std::string passphrase = "correct horse battery staple";
  for (const auto& text : {short_hex, not_hex, base64_of_31, passphrase, std::string()}) {
    try {
      parse_symmetric_key(text);
      FAIL("accepted a bad key");
    } catch (const error& e) {
      REQUIRE(e.code() == "crypto.bad_key");
      REQUIRE(e.cls() == error_class::configuration);
      if (!text.empty()) REQUIRE(e.message().find(text) == std::string::npos);
    }
  }
}

TEST_CASE("a key resolves from an env: reference and a bad value names the reference only") {
  secret_redactor redactor;
  const secret_resolver resolver(redactor);
  ::setenv("ERPC_AUDIT_TEST_KEY", std::string(master_hex).c_str(), 1);
  REQUIRE(resolve_symmetric_key(resolver, "env:ERPC_AUDIT_TEST_KEY")
              .same_as(parse_symmetric_key(master_hex)));
  REQUIRE(redactor.redact(std::string(master_hex)) == "***");

  ::setenv("ERPC_AUDIT_TEST_KEY", "hunter2-is-not-a-key", 1);
  const auto text = error_text([&] { resolve_symmetric_key(resolver, "env:ERPC_AUDIT_TEST_KEY"); });
  REQUIRE(text.rfind("crypto.bad_key", 0) == 0);
  REQUIRE(text.find("env:ERPC_AUDIT_TEST_KEY") != std::string::npos);
  REQUIRE(text.find("hunter2") == std::string::npos);
  ::unsetenv("ERPC_AUDIT_TEST_KEY");
}
