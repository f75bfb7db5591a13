// SPDX-License-Identifier: Apache-2.0
#include "bc_auth.hpp"

#include "bc_settings.hpp"

#include <nlohmann/json.hpp>
#include <openssl/rand.h>

#include <array>

namespace erpc::sim::bc {

namespace {

std::string random_hex(std::size_t bytes) {
  std::array<unsigned char, 32> buffer{};
  RAND_bytes(buffer.data(), static_cast<int>(bytes));
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < bytes; ++i) {
    out += digits[buffer[i] >> 4];
    out += digits[buffer[i] & 15];
  }
  return out;
}

// Entra's error answer on the token endpoint (RFC 6749 §5.2).
server_response token_error(unsigned status, const std::string& error, const std::string& text) {
  const nlohmann::json body = {{"error", error}, {"error_description", text}};
  return server_response::json(status, body.dump());
}

server_response unauthorized(const std::string& message) {
  auto res = odata_error(401, "Authentication_InvalidCredentials", message);
  res.headers.set("WWW-Authenticate",
                  "Bearer authorization_uri=\"https://login.microsoftonline.com/common/oauth2/"
                  "authorize\", error=\"invalid_token\"");
  return res;
}

}  // namespace

std::string bc_auth::token_path() const {
  return "/" + settings_.text(setting::tenant_id) + "/oauth2/v2.0/token";
}

server_response bc_auth::issue_token(const server_request& req) {
  const auto form = parse_query(req.body);
  if (!form) return token_error(400, "invalid_request", "AADSTS900144: The request body must be form-encoded.");
  std::map<std::string, std::string> f(form->begin(), form->end());
  if (f["grant_type"] != "client_credentials") {
    return token_error(400, "unsupported_grant_type",
                       "AADSTS70003: The app requested an unsupported grant type.");
  }
  if (f["scope"].empty()) {
    return token_error(400, "invalid_request",
                       "AADSTS900144: The request body must contain the following parameter: 'scope'.");
  }
  if (f["client_id"] != settings_.text(setting::client_id)) {
    return token_error(400, "unauthorized_client",
                       "AADSTS700016: Application was not found in the directory.");
  }
  const auto secret = settings_.text(setting::client_secret);
  if (f["client_secret"] != secret) {
    return token_error(401, "invalid_client",
                       "AADSTS7000215: Invalid client secret provided.");
  }
  const auto ttl = settings_.integer(setting::token_ttl);
  std::string value;
  {
    const std::lock_guard lock(mutex_);
    value = "simbc." + std::to_string(++counter_) + "." + random_hex(16);
    tokens_[value] = {f["client_id"], secret,
                      std::chrono::steady_clock::now() + std::chrono::seconds(ttl)};
  }
  const nlohmann::json body = {{"token_type", "Bearer"},
                               {"expires_in", ttl},
                               {"ext_expires_in", ttl},
                               {"access_token", value}};
  return server_response::json(200, body.dump());
}

std::optional<server_response> bc_auth::admit(const server_request& req) {
  const auto header = std::string(req.header("Authorization"));
  if (header.rfind("Bearer ", 0) != 0) {
    // Basic auth is not supported for BC online since April 2022 (vendors.md §4.2).
    return unauthorized("The credentials provided are incorrect");
  }
  const auto value = header.substr(7);
  const auto now = std::chrono::steady_clock::now();
  const auto secret = settings_.text(setting::client_secret);
  const auto limit = settings_.integer(setting::rate_limit_requests);
  const auto window = std::chrono::seconds(settings_.integer(setting::rate_limit_window));
  const auto retry_after = settings_.integer(setting::retry_after_seconds);
  const std::lock_guard lock(mutex_);
  const auto it = tokens_.find(value);
  if (it == tokens_.end() || it->second.expires <= now || it->second.secret != secret) {
    return unauthorized("The credentials provided are incorrect");
  }
  if (limit > 0) {
    auto& times = windows_[it->second.client_id];
    while (!times.empty() && times.front() + window <= now) times.pop_front();
    if (static_cast<std::int64_t>(times.size()) >= limit) {
      auto res = odata_error(429, "Application_TooManyRequests",
                             "Too many requests reached. Actual (" + std::to_string(times.size() + 1) +
                                 "). Maximum (" + std::to_string(limit) + ").");
      if (retry_after > 0) res.headers.set("Retry-After", std::to_string(retry_after));
      return res;
    }
    times.push_back(now);
  }
  return std::nullopt;
}

void bc_auth::reset() {
  const std::lock_guard lock(mutex_);
  tokens_.clear();
  windows_.clear();
}

}  // namespace erpc::sim::bc
