#include <erpc/host/signature_verifier.hpp>

#include <erpc/host/library_signing.hpp>

#include "loader_test_support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>

using erpc::signature_verifier;
using erpc::testing::error_from;
using erpc::testing::read_bytes;
using erpc::testing::scratch_dir;
using erpc::testing::write_bytes;

namespace {

std::string verify_code(const signature_verifier& v, const std::filesystem::path& lib) {
  const auto bytes = read_bytes(lib);
  const auto e = error_from([&] { v.verify(lib, bytes); });
  return e ? e->code() : "verified";
}

void write_text(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path) << text;
}

}  // namespace

TEST_CASE("a signature by a trusted key verifies, anything else is refused", "[signature]") {
  scratch_dir dir;
  const auto lib = dir / "a.so";
  write_bytes(lib, std::vector<std::byte>(4096, std::byte{0x42}));
  const auto trusted = erpc::generate_ed25519_keypair();
  const auto stranger = erpc::generate_ed25519_keypair();
  const signature_verifier verifier({{"release", trusted.public_key_pem}});
  CHECK(verifier.key_count() == 1);

  SECTION("missing .sig") { CHECK(verify_code(verifier, lib) == "loader.signature_missing"); }
  SECTION("valid") {
    erpc::sign_library(lib, trusted.private_key_pem, "release");
    CHECK(verify_code(verifier, lib) == "verified");
  }
  SECTION("one byte changed after signing") {
    erpc::sign_library(lib, trusted.private_key_pem, "release");
    auto bytes = read_bytes(lib);
    bytes[2000] ^= std::byte{1};
    write_bytes(lib, bytes);
    CHECK(verify_code(verifier, lib) == "loader.signature_invalid");
  }
  SECTION("signed by an untrusted key that claims the trusted id") {
    erpc::sign_library(lib, stranger.private_key_pem, "release");
    CHECK(verify_code(verifier, lib) == "loader.signature_invalid");
  }
  SECTION("signed by a key id nobody trusts") {
    erpc::sign_library(lib, stranger.private_key_pem, "stranger");
    const auto bytes = read_bytes(lib);
    const auto e = error_from([&] { verifier.verify(lib, bytes); });
    REQUIRE(e);
    CHECK(e->code() == "loader.signature_invalid");
    CHECK_THAT(e->what(), Catch::Contains("'stranger'") && Catch::Contains("not a trusted key"));
  }
  SECTION("malformed signature files") {
    for (const std::string text :
         {"", "{}", "not json", R"({"key_id":"release","algorithm":"rsa","signature":"AA=="})",
          R"({"key_id":"release","algorithm":"ed25519","signature":"!!!!"})",
          R"({"key_id":"release","algorithm":"ed25519","signature":"AAAA"})",
          R"({"key_id":"release","key_id":"release","algorithm":"ed25519","signature":"AAAA"})",
          R"({"key_id":"release","algorithm":"ed25519","signature":"AAAA","extra":1})"}) {
      INFO(text);
      write_text(erpc::signature_path_for(lib), text);
      CHECK(verify_code(verifier, lib) == "loader.signature_invalid");
    }
  }
}

TEST_CASE("trusted keys are checked when configured", "[signature]") {
  const auto keys = erpc::generate_ed25519_keypair();
  const auto code = [](const std::vector<erpc::trusted_key>& k) {
    const auto e = error_from([&] { signature_verifier v(k); });
    return e ? e->code() : "ok";
  };
  CHECK(code({{"a", keys.public_key_pem}}) == "ok");
  CHECK(code({{"a", "garbage"}}) == "loader.invalid_trusted_key");
  CHECK(code({{"a", keys.private_key_pem}}) == "loader.invalid_trusted_key");
  CHECK(code({{"a b", keys.public_key_pem}}) == "loader.invalid_trusted_key");
  CHECK(code({{"a", keys.public_key_pem}, {"a", keys.public_key_pem}}) ==
        "loader.invalid_trusted_key");
}
