// SPDX-License-Identifier: Apache-2.0
// Microsoft Entra client credentials for the simulator (vendors.md §4.2): the token endpoint
// `POST /{tenant}/oauth2/v2.0/token` (form: grant_type=client_credentials, client_id,
// client_secret, scope …/.default) issues bearer tokens; every API request must carry one that
// is unexpired and was issued under the current client secret (rotating `auth.client_secret`
// invalidates earlier tokens: the next request meets a real 401). The 6,000-requests-per-5-
// minutes sliding window per client (§4.5) is counted here too, after authentication.
#pragma once

#include "odata_error.hpp"

#include <erpc/host/server_request.hpp>
#include <erpc/sim/simulator_settings.hpp>

#include <chrono>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace erpc::sim::bc {

class bc_auth {
 public:
  explicit bc_auth(simulator_settings& settings) : settings_(settings) {}

  // "/{tenant}/oauth2/v2.0/token" for the configured tenant.
  std::string token_path() const;
  server_response issue_token(const server_request& req);
  // nullopt when the request may proceed; otherwise the 401 or 429 to answer.
  std::optional<server_response> admit(const server_request& req);
  void reset();

 private:
  struct token {
    std::string client_id;
    std::string secret;  // the client secret it was issued under
    std::chrono::steady_clock::time_point expires;
  };
  simulator_settings& settings_;
  std::mutex mutex_;
  std::map<std::string, token> tokens_;
  std::map<std::string, std::deque<std::chrono::steady_clock::time_point>> windows_;
  std::uint64_t counter_ = 0;
};

}  // namespace erpc::sim::bc
