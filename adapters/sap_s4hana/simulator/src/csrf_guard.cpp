// SPDX-License-Identifier: Apache-2.0
#include "csrf_guard.hpp"

#include "random_token.hpp"
#include "sap_settings.hpp"

namespace erpc::sim::sap {

std::string cookie_value(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const auto semicolon = header.find(';');
    auto pair = header.substr(0, semicolon);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    const auto eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name) {
      return std::string(pair.substr(eq + 1));
    }
    if (semicolon == std::string_view::npos) break;
    header.remove_prefix(semicolon + 1);
  }
  return {};
}

bool csrf_guard::is_modifying(std::string_view method) noexcept {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "MERGE" ||
         method == "DELETE";
}

bool csrf_guard::token_valid(const session& s) const {
  if (s.token.empty()) return false;
  const auto ttl = std::chrono::seconds(settings_.integer(setting::csrf_token_ttl));
  return std::chrono::steady_clock::now() < s.issued + ttl;
}

csrf_guard::verdict csrf_guard::check(const server_request& req) {
  verdict v;
  const std::lock_guard lock(mutex_);
  std::string session_id = cookie_value(req.header("Cookie"), session_cookie);
  auto it = sessions_.find(session_id);
  if (it == sessions_.end()) {
    session_id = random_token(24);
    it = sessions_.emplace(session_id, session{}).first;
    v.answer_headers.add("Set-Cookie",
                         std::string(session_cookie) + "=" + session_id + "; path=/; HttpOnly");
  }

  const auto sent = req.header("X-CSRF-Token");
  if (!is_modifying(req.method)) {
    if ((req.method == "GET" || req.method == "HEAD") && iequals_ascii(sent, "Fetch")) {
      if (!token_valid(it->second)) {
        it->second.token = random_token(18);
        it->second.issued = std::chrono::steady_clock::now();
      }
      v.answer_headers.set("X-CSRF-Token", it->second.token);
      v.answer_headers.add("Set-Cookie", std::string(xsrf_cookie) + "=" +
                                             random_token(18) + "; path=/; HttpOnly");
    }
    return v;
  }
  if (!settings_.boolean(setting::csrf_required)) return v;

  // An expired token is dropped when it is seen, so a longer lifetime set later does not
  // revive it: the client has to fetch again, as against the real system.
  for (auto& [id, s] : sessions_) {
    if (!s.token.empty() && !token_valid(s)) s.token.clear();
  }
  bool valid = false;
  if (!sent.empty()) {
    if (settings_.boolean(setting::csrf_bind_to_session)) {
      valid = it->second.token == sent;
    } else {
      for (const auto& [id, s] : sessions_) valid = valid || s.token == sent;
    }
  }
  if (!valid) {
    server_response refusal = server_response::text(403, "CSRF Token required");
    refusal.headers.set("X-CSRF-Token", "Required");
    v.refusal = std::move(refusal);
  }
  return v;
}

void csrf_guard::reset() {
  const std::lock_guard lock(mutex_);
  sessions_.clear();
}

}  // namespace erpc::sim::sap
