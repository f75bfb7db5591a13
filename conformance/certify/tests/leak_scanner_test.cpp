// SPDX-License-Identifier: Apache-2.0
// The leak scanner finds a secret in every encoding an adapter might ship it in — also inside a
// longer encoded blob at any byte alignment — and does not fire on a near miss.
#include <erpc/certify/leak_scanner.hpp>
#include <erpc/error.hpp>

#include <erpc/host/base64.hpp>

#include <catch2/catch.hpp>

#include <string>

namespace {

using erpc::certify::leak_scanner;

const std::string secret = "s3cr3t/Token+Value:42";

std::string hex(const std::string& s, bool upper) {
  const char* d = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  std::string out;
  for (const unsigned char c : s) {
    out += d[c >> 4];
    out += d[c & 15];
  }
  return out;
}

std::string base64url(std::string b64) {
  for (auto& c : b64) c = c == '+' ? '-' : c == '/' ? '_' : c;
  while (!b64.empty() && b64.back() == '=') b64.pop_back();
  return b64;
}

std::string encoding_found(const leak_scanner& scanner, const std::string& text) {
  const auto found = scanner.find(text);
  return found ? found->encoding : "";
}

}  // namespace

TEST_CASE("each encoding of the secret is found", "[certify][leak]") {
  const leak_scanner scanner({"unrelated-secret", secret});
  CHECK(encoding_found(scanner, "error: bad token " + secret + " refused") == "plain");
  CHECK(scanner.find("x " + secret)->secret == 1);
  CHECK(encoding_found(scanner, "Authorization: Basic " + erpc::base64_encode(secret)) == "base64");
  // A secret whose base64 holds '+' and '/', so the URL-safe alphabet really differs.
  const std::string symbols = "p?\?>>?~~secret>>>";  // \? keeps the compiler off trigraphs
  const leak_scanner url_scanner({symbols});
  CHECK(encoding_found(url_scanner, "jwt=" + base64url(erpc::base64_encode(symbols))) == "base64url");
  CHECK(encoding_found(url_scanner, "basic " + erpc::base64_encode(symbols)) == "base64");
  CHECK(encoding_found(scanner, "q=s3cr3t%2FToken%2BValue%3A42&x=1") == "url");
  CHECK(encoding_found(scanner, "q=s3cr3t%2fToken%2bValue%3a42") == "url");
  CHECK(encoding_found(scanner, "dump " + hex(secret, false)) == "hex");
  CHECK(encoding_found(scanner, "DUMP " + hex(secret, true)) == "HEX");
}

TEST_CASE("base64 finds the secret at every alignment inside a longer blob", "[certify][leak]") {
  const leak_scanner scanner({secret});
  for (const std::string prefix : {"", "u", "us", "user:", "user:pw"}) {
    for (const std::string suffix : {"", "!", "!!", "!!!"}) {
      INFO("prefix '" << prefix << "' suffix '" << suffix << "'");
      CHECK(encoding_found(scanner, erpc::base64_encode(prefix + secret + suffix)) == "base64");
      CHECK(encoding_found(scanner, base64url(erpc::base64_encode(prefix + secret + suffix))) != "");
    }
  }
}

TEST_CASE("a near miss is not a leak", "[certify][leak]") {
  const leak_scanner scanner({secret});
  std::string near = secret;
  near[10] = 'X';  // one character in the middle differs
  CHECK_FALSE(scanner.find(near));
  CHECK_FALSE(scanner.find(erpc::base64_encode(near)));
  CHECK_FALSE(scanner.find(hex(near, false)));
  CHECK_FALSE(scanner.find(hex(near, true)));
  CHECK_FALSE(scanner.find("s3cr3t%2FToken%2BValuX%3A42"));
  CHECK_FALSE(scanner.find(secret.substr(0, secret.size() - 1)));  // all but the last character
  CHECK_FALSE(scanner.find("an ordinary log line: create Invoice key abc-1 ok (new, id 12)"));
}

TEST_CASE("a secret too short to search for is refused", "[certify][leak]") {
  try {
    leak_scanner scanner({"abc"});
    FAIL("accepted");
  } catch (const erpc::error& e) {
    CHECK(e.code() == "certify.secret_too_short");
    CHECK(std::string(e.what()).find("abc") == std::string::npos);
  }
}
