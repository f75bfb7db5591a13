// SPDX-License-Identifier: Apache-2.0
// The SAP client of one connection (vendors.md §2.2): every request authenticated (Basic with
// the communication user, or an OAuth 2.0 client-credentials bearer token cached per
// connection), the session cookies kept, and every modifying OData request carrying the CSRF
// token of the session. Two things are handled once, transparently, because neither can have
// written anything: a 401 (credentials re-resolved, or a new token fetched, then the request
// sent again) and a 403 `X-CSRF-Token: Required` (a new token fetched, then sent again).
#pragma once

#include "gateway_errors.hpp"
#include "sap_config.hpp"

#include <erpc/adapters/oauth2_client_credentials.hpp>
#include <erpc/call_context.hpp>
#include <erpc/http_client.hpp>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <mutex>
#include <string>

namespace erpc::sap {

struct outbound {
  std::string method = "GET";
  std::string url;  // absolute
  std::string body;
  std::string content_type = "application/json";
  http_headers headers;  // besides Authorization / Accept / Cookie / X-CSRF-Token
  // The service root to fetch a CSRF token from for a modifying request; empty: no token (the
  // SOAP services take none).
  std::string csrf_root;
  std::string accept = "application/json";
  // The Cookie header to send instead of the connection's cookie jar (a write carries the
  // cookies of the session its CSRF token belongs to).
  std::optional<std::string> cookies;
};

// A GET of OData JSON.
inline outbound json_get(std::string url) {
  outbound o;
  o.url = std::move(url);
  return o;
}

class sap_client {
 public:
  sap_client(host_ref host, connection_config config, call_context& ctx);

  const connection_config& config() const noexcept { return config_; }

  // base_url + /sap/opu/odata/sap/<service><path>, with sap-client when configured. `query`
  // is appended as given (already encoded).
  std::string odata_url(std::string_view service, std::string_view path,
                        std::string_view query = {}) const;
  std::string service_root(std::string_view service) const;  // …/<service>/
  std::string soap_url(std::string_view path) const;

  // Sends one request and returns the complete response. A transport failure is thrown: not
  // sent → UNAVAILABLE; sent without a reply → OUTCOME_UNKNOWN for a write, UNAVAILABLE for a
  // read (a read has no effect to be unsure about).
  http_response send(const outbound& request, call_kind kind, call_context& ctx);

  std::int64_t now_ms(call_context& ctx) const;

 private:
  struct answer {
    http_response response;
    std::string authorization;  // what was sent, so a refresh replaces only a refused one
  };
  answer send_once(const outbound& request, const std::string& csrf_token, call_kind kind,
                   call_context& ctx);
  std::string authorization(call_context& ctx);
  void refresh_credentials(const std::string& refused_authorization, call_context& ctx);
  // A CSRF token and the cookies of the session it was issued for (vendors.md §2.2: a write
  // must carry the token *and* the cookies).
  struct csrf_binding {
    std::string token;
    std::string cookies;
  };
  csrf_binding csrf_token(const std::string& root, call_context& ctx);
  void forget_csrf_token(const std::string& token);
  void keep_cookies(const http_response& res);
  std::string cookie_header() const;

  http_client http_;
  connection_config config_;
  mutable std::mutex mutex_;
  std::string basic_authorization_;  // "Basic …" (basic)
  // oauth2: the bearer token, cached and refreshed once on a 401 (adapters/common).
  std::unique_ptr<adapters::oauth2_client_credentials> oauth_;
  std::map<std::string, csrf_binding> csrf_tokens_;  // service root → token
  std::map<std::string, std::string> cookies_;
};


}  // namespace erpc::sap
