// SPDX-License-Identifier: Apache-2.0
// The BILL v3 client of one connection (vendors.md §10.2): a session from
// POST /connect/v3/login (user name, password and organisation id, the developer key in the
// `devKey` header), then `devKey` and `sessionId` headers on every request. A session ends after
// inactivity (35 minutes, secondary) or when the password changes; BILL then answers BDC_1109
// "Session is invalid. Please log in." — which wrote nothing, so the client logs in once more
// (resolving the credentials again: a rotated password is picked up) and re-sends once. At most
// max_concurrent_requests are in flight per organisation (request_limiter). The password,
// developer key and session id are never logged nor put in a message.
#pragma once

#include "bill_config.hpp"
#include "bill_errors.hpp"
#include "request_limiter.hpp"

#include <erpc/call_context.hpp>
#include <erpc/http_client.hpp>

#include <memory>
#include <mutex>
#include <string>

namespace erpc::bill {

inline constexpr const char* api_root = "/connect/v3/";

class bill_client {
 public:
  bill_client(host_ref host, connection_config config, call_context& ctx);

  const connection_config& config() const noexcept { return config_; }

  // One request to base_url + /connect/v3/ + path (path may carry a query). Transport failures
  // are thrown: not sent → UNAVAILABLE; sent without a reply → OUTCOME_UNKNOWN for a write,
  // UNAVAILABLE for a read. A login refused is AUTHENTICATION. Any other answer is returned.
  http_response send(const std::string& method, const std::string& path, const std::string& body,
                     call_kind kind, call_context& ctx);

  std::int64_t now_ms(call_context& ctx) const;

 private:
  // The current session id, logging in when there is none. `stale`: a session BILL refused;
  // only that one is replaced (another call may already have logged in again).
  std::string session(call_context& ctx, const std::string& stale = {});
  std::string login(call_context& ctx);

  http_client http_;
  connection_config config_;
  std::shared_ptr<request_limiter> limiter_;
  std::mutex mutex_;
  std::string session_id_;
};

}  // namespace erpc::bill
