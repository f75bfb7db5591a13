// SPDX-License-Identifier: Apache-2.0
// Authentication of the SAP simulator (vendors.md §2.2): Basic with the communication user, or
// an OAuth 2.0 bearer token from the client-credentials token endpoint
// POST /sap/bc/sec/oauth2/token (RFC 6749 §4.4; errors per §5.2). Which methods are accepted,
// the credentials and the token lifetime are settings, read on every request.
//
// A refused request gets 401 with `WWW-Authenticate` and the ICF logon-error page as body (an
// HTML page titled "Logon Error Message"; the exact text of a real system is unconfirmed).
#pragma once

#include <erpc/host/server_request.hpp>
#include <erpc/host/server_response.hpp>
#include <erpc/sim/simulator_settings.hpp>

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace erpc::sim::sap {

inline constexpr const char* oauth_token_path = "/sap/bc/sec/oauth2/token";

class sap_auth {
 public:
  explicit sap_auth(const simulator_settings& settings) : settings_(settings) {}

  // nullopt when `req` carries accepted credentials; otherwise the 401 answer.
  std::optional<server_response> authenticate(const server_request& req) const;

  // The token endpoint: 200 {"access_token","token_type":"Bearer","expires_in","scope"}.
  server_response issue_token(const server_request& req);

  void reset();

 private:
  bool basic_accepted(std::string_view credentials) const;
  bool bearer_accepted(std::string_view token) const;

  const simulator_settings& settings_;
  mutable std::mutex mutex_;
  std::map<std::string, std::chrono::steady_clock::time_point> tokens_;  // → issued at
};

server_response logon_failed(std::string_view www_authenticate);

}  // namespace erpc::sim::sap
