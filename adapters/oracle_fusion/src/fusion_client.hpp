// SPDX-License-Identifier: Apache-2.0
// The Fusion REST client of one connection (vendors.md §3.2, §3.4): every request authenticated
// with HTTP Basic (the Fusion user) or an OAuth 2.0 client-credentials bearer token
// (adapters/common erpc_adapter_oauth2), asking for ADF error JSON. A 401 wrote nothing, so it
// is answered once, transparently: Basic credentials are resolved again (a rotated password is
// picked up), a bearer token is fetched again; then the request is sent once more.
#pragma once

#include "fusion_config.hpp"
#include "fusion_errors.hpp"

#include <erpc/adapters/oauth2_client_credentials.hpp>
#include <erpc/call_context.hpp>
#include <erpc/http_client.hpp>

#include <memory>
#include <mutex>
#include <string>

namespace erpc::oracle_fusion {

inline constexpr const char* rest_root = "/fscmRestApi/resources/11.13.18.05/";

struct outbound {
  std::string method = "GET";
  std::string url;   // absolute
  std::string body;  // JSON, may be empty
  http_headers headers;
};

class fusion_client {
 public:
  fusion_client(host_ref host, connection_config config, call_context& ctx);

  const connection_config& config() const noexcept { return config_; }

  // base_url + /fscmRestApi/resources/11.13.18.05/ + path
  std::string resource_url(std::string_view path) const;

  // Sends one request and returns the complete response. Transport failures are thrown: not
  // sent → UNAVAILABLE; sent without a reply → OUTCOME_UNKNOWN for a write, UNAVAILABLE for a
  // read.
  http_response send(const outbound& request, call_kind kind, call_context& ctx);

  std::int64_t now_ms(call_context& ctx) const;

 private:
  std::string basic_authorization(call_context& ctx) const;
  std::string authorization(call_context& ctx);

  http_client http_;
  connection_config config_;
  std::unique_ptr<adapters::oauth2_client_credentials> tokens_;  // oauth2 only
  std::mutex mutex_;
  std::string basic_;  // "Basic …"
};

}  // namespace erpc::oracle_fusion
