// SPDX-License-Identifier: Apache-2.0
// An OAuth 2.0 client-credentials bearer token (RFC 6749 §4.4) for one connection: fetched on
// first use, cached until a margin before `expires_in` (taken as at most a day), fetched again
// once when the vendor refuses it (a 401 wrote nothing, so the caller may send again). Client
// authentication is HTTP Basic with the form-encoded id and secret (§2.3.1), or both as form
// parameters (`client_auth`, Microsoft Entra for Business Central); both are secret
// references resolved through the host at every fetch, so a rotated secret is picked up by the
// refresh.
//
// Errors (codes prefixed with the adapter's `code_prefix`, e.g. "openbanking_uk."):
//   <prefix>.oauth_token_refused      AUTHENTICATION  400/401 from the token endpoint
//   <prefix>.oauth_token_unavailable  UNAVAILABLE     no complete reply, or 5xx
//   <prefix>.oauth_token_rate_limited RATE_LIMITED    429 (+ Retry-After)
//   <prefix>.oauth_token_malformed    INTERNAL        not JSON, or no access_token
// A token fetch writes nothing at the vendor, so every one of them has effect none.
// Thread-safe: concurrent calls of one connection share the token.
#pragma once

#include <erpc/call_context.hpp>
#include <erpc/http_client.hpp>

#include <cstdint>
#include <mutex>
#include <string>

namespace erpc::adapters {

// How the client authenticates at the token endpoint.
enum class oauth2_client_auth {
  basic,      // Authorization: Basic of the form-encoded id and secret (RFC 6749 §2.3.1)
  form_body,  // client_id and client_secret as form parameters (Microsoft Entra, vendors.md §4.2)
};

struct oauth2_client_settings {
  std::string token_url;          // absolute
  std::string client_id_ref;      // secret reference
  std::string client_secret_ref;  // secret reference
  std::string scope;              // optional
  std::string code_prefix;        // "openbanking_uk"
  oauth2_client_auth client_auth = oauth2_client_auth::basic;
};

class oauth2_client_credentials {
 public:
  oauth2_client_credentials(host_ref host, oauth2_client_settings settings);

  // "Bearer <token>", fetched when there is none or it is about to expire.
  std::string authorization(call_context& ctx);

  // The vendor refused `refused` (what authorization() gave): drop it — unless another call
  // already replaced it — and fetch a new one.
  void refresh(const std::string& refused, call_context& ctx);

 private:
  std::string fetch(call_context& ctx);
  std::int64_t now_ms(call_context& ctx) const;

  http_client http_;
  oauth2_client_settings settings_;
  std::mutex mutex_;
  std::string bearer_;
  std::int64_t expires_ms_ = 0;
};

// RFC 4648 §4 base64 with padding (HTTP Basic).
std::string base64_encode(std::string_view bytes);

}  // namespace erpc::adapters
