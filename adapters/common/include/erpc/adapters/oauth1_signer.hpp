// SPDX-License-Identifier: Apache-2.0
// OAuth 1.0a request signing (RFC 5849) as NetSuite token-based authentication uses it
// (vendors.md §1.3): HMAC-SHA256, `realm` in the header but not in the base string. One
// implementation for both sides — the NetSuite adapter signs with oauth1_signer, the NetSuite
// simulator checks with verify_signature — so the two can only disagree with the RFC together,
// and the RFC 5849 test vectors in tests/oauth1_signer_test.cpp pin that down.
//
// Base string (RFC 5849 §3.4.1): METHOD & pct(base URI) & pct(normalized parameters), where
// the base URI is scheme://host[:port]/path with scheme and host lowercased, the default port
// dropped and no query; the parameters are the oauth_* header parameters (without realm and
// oauth_signature), the query parameters and, for an application/x-www-form-urlencoded body
// only, the form parameters — decoded, then encoded per §3.6, sorted by name then value and
// joined k=v with '&'. Key = pct(consumer secret) & pct(token secret).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace erpc::oauth1 {

enum class signature_method { hmac_sha256, hmac_sha1 };

std::string_view to_string(signature_method method) noexcept;  // "HMAC-SHA256"
std::optional<signature_method> signature_method_from_string(std::string_view name) noexcept;

using parameters = std::vector<std::pair<std::string, std::string>>;  // decoded

// RFC 5849 §3.6: every byte except ALPHA / DIGIT / '-' / '.' / '_' / '~' as %XX (uppercase).
std::string percent_encode(std::string_view text);

// "HTTP://Example.COM:80/r%20v?x=1" → "http://example.com/r%20v" (path kept as given).
// nullopt when `url` has no scheme "://" host.
std::optional<std::string> base_uri(std::string_view url);

// The query of `url` (after '?', before '#') as decoded parameters, '+' read as a space.
// nullopt for a malformed %-escape.
std::optional<parameters> query_parameters(std::string_view url);

std::string signature_base_string(std::string_view method, std::string_view base_uri,
                                  parameters params);

// base64(HMAC(key, base_string)), not yet percent-encoded.
std::string sign(signature_method method, std::string_view base_string,
                 std::string_view consumer_secret, std::string_view token_secret);

struct credentials {
  std::string consumer_key;
  std::string consumer_secret;
  std::string token;  // NetSuite: the token id
  std::string token_secret;
};

// The Authorization header a client sends, parsed: realm apart, the rest decoded in order.
struct authorization {
  std::string realm;
  parameters params;  // oauth_* as sent, oauth_signature included
  std::optional<std::string> param(std::string_view name) const;
};

// Parses `OAuth realm="…", k="v", …` (RFC 5849 §3.5.1). nullopt when the scheme is not OAuth,
// a value is not quoted, an escape is malformed or a parameter appears twice.
std::optional<authorization> parse_authorization(std::string_view header);

class signer {
 public:
  signer(credentials creds, std::string realm,
         signature_method method = signature_method::hmac_sha256);

  // The Authorization header value for one request. `url` is what is sent (scheme, host,
  // port, path, query); `form_body` only for an application/x-www-form-urlencoded body. A
  // fresh nonce (20 random alphanumerics, vendors.md §1.3) and the current Unix time.
  std::string authorize(std::string_view http_method, std::string_view url,
                        std::string_view form_body = {}) const;
  // The same with a given nonce and timestamp (tests, replays of a recorded exchange).
  std::string authorize(std::string_view http_method, std::string_view url, std::string_view nonce,
                        std::int64_t timestamp, std::string_view form_body = {}) const;

 private:
  credentials creds_;
  std::string realm_;
  signature_method method_;
};

// Why a signed request was refused; ok when it was not.
enum class verdict {
  ok,
  malformed,           // not an OAuth header, or a required oauth_* parameter missing
  unsupported_method,  // oauth_signature_method not the one expected
  bad_signature,
};

// Recomputes the signature of a received request with the secrets the server holds and
// compares it in constant time. `url` is the request as the server sees it (scheme://Host
// header/path?query). The server checks consumer key, token, nonce and timestamp itself.
verdict verify_signature(const authorization& auth, std::string_view http_method,
                         std::string_view url, std::string_view consumer_secret,
                         std::string_view token_secret, signature_method expected,
                         std::string_view form_body = {});

}  // namespace erpc::oauth1
