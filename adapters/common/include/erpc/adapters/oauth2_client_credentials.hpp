// SPDX-License-Identifier: Apache-2.0
// OAuth 2.0 client credentials grant (RFC 6749 §4.4) for one connection: the bearer token is
// fetched on first use through the host's HTTP client, cached until a margin before it
// expires, and replaced once when the vendor refuses it (a 401 wrote nothing, so sending again
// cannot duplicate). The client id and secret stay secret references, resolved again on every
// fetch so a rotated secret is picked up. Used by the SAP S/4HANA (vendors.md §2.2) and
// Dynamics 365 Business Central (vendors.md §4.2, Microsoft Entra) adapters.
//
// Errors (codes carry the adapter's prefix, e.g. "bc."):
//   <prefix>.oauth_token_refused      AUTHENTICATION: the token endpoint answered 400/401
//   <prefix>.oauth_token_unavailable  UNAVAILABLE: the token request got no complete reply
//   <prefix>.malformed_response       INTERNAL: the token answer is not JSON or has no token
//   any other status                  what `on_http_error` makes of it
// No message names the secret or the token.
#pragma once

#include <erpc/call_context.hpp>
#include <erpc/error.hpp>
#include <erpc/http_client.hpp>

#include <cstdint>
#include <functional>
#include <mutex>
#include <string>

namespace erpc::adapters {

enum class oauth2_client_auth {
  basic,      // client_id:client_secret in an Authorization: Basic header (RFC 6749 §2.3.1)
  form_body,  // client_id and client_secret as form parameters (Microsoft Entra, vendors.md §4.2)
};

struct oauth2_client_credentials_config {
  std::string token_url;          // absolute
  std::string client_id_ref;      // secret references (env:NAME, file:/path)
  std::string client_secret_ref;
  std::string scope;              // optional
  oauth2_client_auth client_auth = oauth2_client_auth::basic;
  std::string error_prefix = "oauth2";  // "sap", "bc"
  // The error for a token answer with another status than 200/400/401 (`now_unix_ms` resolves
  // an HTTP-date Retry-After).
  std::function<error(const http_response&, std::int64_t now_unix_ms)> on_http_error;
};

class oauth2_client_credentials {
 public:
  oauth2_client_credentials(host_ref host, oauth2_client_credentials_config config);

  // Resolves both references now, so a broken one fails open(), not the first call.
  void check_references(call_context& ctx) const;
  // "Bearer …": the cached token, or a new one.
  std::string authorization(call_context& ctx);
  // The vendor refused `refused` ("Bearer …"): drop it (unless another call already replaced
  // it) and fetch a new one.
  void refresh(const std::string& refused, call_context& ctx);

 private:
  std::string fetch(call_context& ctx);
  std::int64_t now_ms(call_context& ctx) const;

  http_client http_;
  oauth2_client_credentials_config config_;
  std::mutex mutex_;
  std::string bearer_;
  std::int64_t expires_ms_ = 0;
};

// RFC 4648 base64.
std::string base64(std::string_view bytes);

}  // namespace erpc::adapters
