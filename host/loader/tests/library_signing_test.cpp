#include <erpc/host/library_signing.hpp>

#include <erpc/host/signature_verifier.hpp>

#include "loader_test_support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <iterator>

using erpc::testing::error_from;
using erpc::testing::scratch_dir;
using erpc::testing::write_bytes;

TEST_CASE("generated key pairs are distinct Ed25519 PEMs", "[signing]") {
  const auto a = erpc::generate_ed25519_keypair();
  const auto b = erpc::generate_ed25519_keypair();
  CHECK_THAT(a.private_key_pem, Catch::StartsWith("-----BEGIN PRIVATE KEY-----"));
  CHECK_THAT(a.public_key_pem, Catch::StartsWith("-----BEGIN PUBLIC KEY-----"));
  CHECK(a.private_key_pem != b.private_key_pem);
  CHECK(a.public_key_pem != b.public_key_pem);
}

TEST_CASE("sign_library writes the documented signature file", "[signing]") {
  scratch_dir dir;
  write_bytes(dir / "a.so", std::vector<std::byte>(100, std::byte{7}));
  const auto keys = erpc::generate_ed25519_keypair();
  const auto sig_path = erpc::sign_library(dir / "a.so", keys.private_key_pem, "release-2026");
  CHECK(sig_path == dir / "a.so.sig");
  std::ifstream in(sig_path);
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  const auto doc = nlohmann::json::parse(text);
  CHECK(doc["key_id"] == "release-2026");
  CHECK(doc["algorithm"] == "ed25519");
  CHECK(doc["signature"].get<std::string>().size() == 88);  // base64 of 64 bytes
  const auto parsed = erpc::parse_library_signature(text);
  CHECK(parsed.signature.size() == 64);
  CHECK_FALSE(std::filesystem::exists(dir / "a.so.sig.tmp"));
}

TEST_CASE("sign_library refuses bad keys and key ids", "[signing]") {
  scratch_dir dir;
  write_bytes(dir / "a.so", std::vector<std::byte>(10));
  const auto keys = erpc::generate_ed25519_keypair();
  CHECK(error_from([&] { erpc::sign_library(dir / "a.so", keys.public_key_pem, "k"); })->code() ==
        "loader.invalid_signing_key");
  CHECK(error_from([&] { erpc::sign_library(dir / "a.so", keys.private_key_pem, "bad id"); })
            ->code() == "loader.invalid_signing_key");
  CHECK(error_from([&] { erpc::sign_library(dir / "none.so", keys.private_key_pem, "k"); })
            ->code() == "loader.cannot_open");
}
