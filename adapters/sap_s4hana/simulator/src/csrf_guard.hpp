// SPDX-License-Identifier: Apache-2.0
// The SAP Gateway CSRF handshake (vendors.md §2.2) with the session it is bound to.
//
// - Every authenticated request without a known session cookie opens a session:
//   Set-Cookie SAP_SESSIONID_S4H_100=<id>.
// - GET/HEAD with `X-CSRF-Token: Fetch` answers `X-CSRF-Token: <token>` (the session's token
//   while it is valid, else a new one) and sets the anti-XSRF cookie sap-XSRF_S4H_100.
// - POST/PUT/PATCH/MERGE/DELETE must carry a valid token — and, with
//   sap.csrf.bind_to_session, the cookie of the session it was fetched in. Missing, invalid
//   or expired → 403, `X-CSRF-Token: Required`, body "CSRF Token required", no new token.
// Settings are read per request (sap.csrf.required, .token_ttl_seconds, .bind_to_session).
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

inline constexpr const char* session_cookie = "SAP_SESSIONID_S4H_100";
inline constexpr const char* xsrf_cookie = "sap-XSRF_S4H_100";

class csrf_guard {
 public:
  explicit csrf_guard(const simulator_settings& settings) : settings_(settings) {}

  struct verdict {
    std::optional<server_response> refusal;  // the 403 when the request may not proceed
    http_headers answer_headers;           // to add to the answer when it may
  };

  verdict check(const server_request& req);
  void reset();

  static bool is_modifying(std::string_view method) noexcept;

 private:
  struct session {
    std::string token;  // "" until fetched
    std::chrono::steady_clock::time_point issued;
  };

  bool token_valid(const session& s) const;

  const simulator_settings& settings_;
  std::mutex mutex_;
  std::map<std::string, session> sessions_;  // by session id
};

// The value of cookie `name` in a Cookie header, or "".
std::string cookie_value(std::string_view cookie_header, std::string_view name);

}  // namespace erpc::sim::sap
