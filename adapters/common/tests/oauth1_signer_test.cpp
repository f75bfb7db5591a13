// SPDX-License-Identifier: Apache-2.0
// Vectors: RFC 5849 §3.4.1 (base string of a request with query and form parameters) and the
// photos example of OAuth Core 1.0 (RFC 5849 §1.2, HMAC-SHA1 "tR3+Ty81lMeYAr/Fid0kMTYa/WM=");
// the HMAC-SHA256 value of the same base string was computed with `openssl dgst -sha256 -hmac`.
#include <erpc/adapters/oauth1_signer.hpp>

#include <catch2/catch.hpp>

using namespace erpc::oauth1;

namespace {

const credentials photos{"dpf43f3p2l4k3l03", "kd94hf93k423kf44", "nnch734d00sl2jdk",
                         "pfkkdhi9sl3r4s00"};
const std::string photos_url = "http://photos.example.net/photos?file=vacation.jpg&size=original";

}  // namespace

TEST_CASE("percent encoding follows RFC 5849 §3.6", "[oauth1]") {
  CHECK(percent_encode("abcXYZ019-._~") == "abcXYZ019-._~");
  CHECK(percent_encode("a b+c/=%&:") == "a%20b%2Bc%2F%3D%25%26%3A");
  CHECK(percent_encode("\xC3\xA9") == "%C3%A9");
}

TEST_CASE("the base URI is lowercase, without default port or query", "[oauth1]") {
  CHECK(base_uri("HTTP://EXAMPLE.com:80/r%20v/X?id=123") == "http://example.com/r%20v/X");
  CHECK(base_uri("https://www.example.net:8080/?q=1") == "https://www.example.net:8080/");
  CHECK(base_uri("https://a.example:443") == "https://a.example/");
  CHECK_FALSE(base_uri("no-scheme/path").has_value());
}

TEST_CASE("the RFC 5849 §3.4.1 example base string", "[oauth1]") {
  const auto query = query_parameters("http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b");
  REQUIRE(query);
  parameters params = *query;
  params.insert(params.end(), {{"oauth_consumer_key", "9djdj82h48djs9d2"},
                               {"oauth_token", "kkk9d7dh3k39sjv7"},
                               {"oauth_signature_method", "HMAC-SHA1"},
                               {"oauth_timestamp", "137131201"},
                               {"oauth_nonce", "7d8f3e4a"},
                               {"c2", ""},
                               {"a3", "2 q"}});
  CHECK(signature_base_string("post", "http://example.com/request", params) ==
        "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%"
        "253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%"
        "3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_"
        "token%3Dkkk9d7dh3k39sjv7");
}

TEST_CASE("signatures match the published HMAC-SHA1 and an independent HMAC-SHA256", "[oauth1]") {
  const signer sha1(photos, "Photos", signature_method::hmac_sha1);
  const auto header = sha1.authorize("GET", photos_url, "kllo9940pd9333jh", 1191242096);
  const auto parsed = parse_authorization(header);
  REQUIRE(parsed);
  CHECK(parsed->realm == "Photos");
  CHECK(parsed->param("oauth_signature") == "tR3+Ty81lMeYAr/Fid0kMTYa/WM=");
  CHECK(header.find("oauth_signature=\"tR3%2BTy81lMeYAr%2FFid0kMTYa%2FWM%3D\"") !=
        std::string::npos);

  const signer sha256(photos, "Photos");
  const auto p256 =
      parse_authorization(sha256.authorize("GET", photos_url, "kllo9940pd9333jh", 1191242096));
  REQUIRE(p256);
  CHECK(p256->param("oauth_signature_method") == "HMAC-SHA256");
  CHECK(p256->param("oauth_signature") == "WVPzl1j6ZsnkIjWr7e3OZ3jkenL57KwaLFhYsroX1hg=");
}

TEST_CASE("verify accepts the signer's header and refuses any change", "[oauth1]") {
  const signer s(photos, "1234567_SB1");
  const std::string url = "http://127.0.0.1:8080/services/rest/record/v1/vendor/eid:SUP-1";
  const auto auth = parse_authorization(s.authorize("PUT", url));
  REQUIRE(auth);
  CHECK(auth->param("oauth_nonce")->size() == 20);
  const auto check = [&](std::string_view method, std::string_view u, std::string_view secret) {
    return verify_signature(*auth, method, u, secret, photos.token_secret,
                            signature_method::hmac_sha256);
  };
  CHECK(check("PUT", url, photos.consumer_secret) == verdict::ok);
  CHECK(check("POST", url, photos.consumer_secret) == verdict::bad_signature);
  CHECK(check("PUT", url + "?x=1", photos.consumer_secret) == verdict::bad_signature);
  CHECK(check("PUT", url, "wrong-secret") == verdict::bad_signature);
  CHECK(verify_signature(*auth, "PUT", url, photos.consumer_secret, photos.token_secret,
                         signature_method::hmac_sha1) == verdict::unsupported_method);
  // realm is not signed: a different realm still verifies (the server checks it apart).
  auto other_realm = *auth;
  other_realm.realm = "OTHER";
  CHECK(verify_signature(other_realm, "PUT", url, photos.consumer_secret, photos.token_secret,
                         signature_method::hmac_sha256) == verdict::ok);
}

TEST_CASE("malformed Authorization headers are refused", "[oauth1]") {
  CHECK_FALSE(parse_authorization("Bearer abc").has_value());
  CHECK_FALSE(parse_authorization("OAuth oauth_nonce=abc").has_value());
  CHECK_FALSE(parse_authorization("OAuth oauth_nonce=\"a\", oauth_nonce=\"b\"").has_value());
  CHECK_FALSE(parse_authorization("OAuth oauth_nonce=\"%G1\"").has_value());
  const auto partial = parse_authorization("OAuth realm=\"1\", oauth_signature=\"x\"");
  REQUIRE(partial);
  CHECK(verify_signature(*partial, "GET", "http://h/", "a", "b", signature_method::hmac_sha256) ==
        verdict::malformed);
}
