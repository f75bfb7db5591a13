#include <erpc/host/base64.hpp>

#include <catch2/catch.hpp>

using erpc::base64_decode;
using erpc::base64_encode;

TEST_CASE("base64 matches the RFC 4648 test vectors both ways") {
  const std::pair<const char*, const char*> vectors[] = {
      {"", ""},          {"f", "Zg=="},         {"fo", "Zm8="},        {"foo", "Zm9v"},
      {"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="}, {"foobar", "Zm9vYmFy"}};
  for (const auto& [plain, encoded] : vectors) {
    REQUIRE(base64_encode(plain) == encoded);
    REQUIRE(base64_decode(encoded) == std::string(plain));
  }
}

TEST_CASE("binary bytes survive a round trip") {
  std::string all;
  for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
  REQUIRE(base64_decode(base64_encode(all)) == all);
}

TEST_CASE("anything but canonical padded base64 is refused") {
  for (const char* bad : {"Zg", "Zg=", "Z===", "Zg==Zg==", "Zm9v\n", "Zm 9v", "Zm9v!A==",
                          "Zh==", "Zm9=", "=Zm9"}) {
    INFO(bad);
    REQUIRE_FALSE(base64_decode(bad));
  }
  REQUIRE_FALSE(base64_decode("Zm9vYmFy", 4));  // over the size limit
}
