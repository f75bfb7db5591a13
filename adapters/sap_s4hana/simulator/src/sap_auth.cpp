// SPDX-License-Identifier: Apache-2.0
#include "sap_auth.hpp"

#include "random_token.hpp"
#include "sap_settings.hpp"

#include <erpc/host/base64.hpp>

#include <nlohmann/json.hpp>

namespace erpc::sim::sap {

namespace {

constexpr const char* basic_challenge =
    "Basic realm=\"SAP NetWeaver Application Server [S4H/100]\"";

// "Basic xyz" → "xyz" when the scheme matches (case-insensitive), else nullopt.
std::optional<std::string_view> credentials_for(std::string_view header, std::string_view scheme) {
  if (header.size() <= scheme.size() || header[scheme.size()] != ' ' ||
      !iequals_ascii(header.substr(0, scheme.size()), scheme)) {
    return std::nullopt;
  }
  auto rest = header.substr(scheme.size() + 1);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  return rest;
}

server_response oauth_error(unsigned status, std::string error, std::string description) {
  server_response res = server_response::json(
      status, nlohmann::json{{"error", std::move(error)},
                             {"error_description", std::move(description)}}
                  .dump());
  res.headers.set("Cache-Control", "no-store");
  if (status == 401) res.headers.set("WWW-Authenticate", basic_challenge);
  return res;
}

}  // namespace

server_response logon_failed(std::string_view www_authenticate) {
  server_response res;
  res.status = 401;
  res.headers.set("Content-Type", "text/html; charset=utf-8");
  res.headers.set("WWW-Authenticate", std::string(www_authenticate));
  res.body =
      "<html><head><title>Logon Error Message</title></head><body>"
      "<h1>Logon failed</h1><p>Logon performed in system S4H. Logon failed.</p>"
      "</body></html>";
  return res;
}

bool sap_auth::basic_accepted(std::string_view credentials) const {
  const auto decoded = base64_decode(credentials, 4096);
  if (!decoded) return false;
  return *decoded ==
         settings_.text(setting::basic_user) + ":" + settings_.text(setting::basic_password);
}

bool sap_auth::bearer_accepted(std::string_view token) const {
  const std::lock_guard lock(mutex_);
  const auto it = tokens_.find(std::string(token));
  if (it == tokens_.end()) return false;
  const auto ttl = std::chrono::seconds(settings_.integer(setting::oauth_token_ttl));
  return std::chrono::steady_clock::now() < it->second + ttl;
}

std::optional<server_response> sap_auth::authenticate(const server_request& req) const {
  const auto methods = settings_.text(setting::auth_methods);
  const auto header = req.header("Authorization");
  if (methods != "oauth") {
    if (const auto basic = credentials_for(header, "Basic")) {
      if (basic_accepted(*basic)) return std::nullopt;
      return logon_failed(basic_challenge);
    }
  }
  if (methods != "basic") {
    if (const auto bearer = credentials_for(header, "Bearer")) {
      if (bearer_accepted(*bearer)) return std::nullopt;
      return logon_failed("Bearer error=\"invalid_token\"");
    }
  }
  return logon_failed(methods == "oauth" ? "Bearer" : basic_challenge);
}

server_response sap_auth::issue_token(const server_request& req) {
  const auto form = parse_query(req.body);
  if (!form) return oauth_error(400, "invalid_request", "the body is not form-urlencoded");
  const auto field = [&](std::string_view name) -> std::optional<std::string> {
    for (const auto& [k, v] : *form) {
      if (k == name) return v;
    }
    return std::nullopt;
  };
  const auto grant = field("grant_type");
  if (!grant) return oauth_error(400, "invalid_request", "grant_type is missing");
  if (*grant != "client_credentials") {
    return oauth_error(400, "unsupported_grant_type", "only client_credentials is offered");
  }
  // Client authentication: HTTP Basic (RFC 6749 §2.3.1) or the body parameters.
  std::string client_id, client_secret;
  if (const auto basic = credentials_for(req.header("Authorization"), "Basic")) {
    const auto decoded = base64_decode(*basic, 4096);
    const auto colon = decoded ? decoded->find(':') : std::string::npos;
    if (colon == std::string::npos) return oauth_error(401, "invalid_client", "bad credentials");
    client_id = decoded->substr(0, colon);
    client_secret = decoded->substr(colon + 1);
  } else {
    client_id = field("client_id").value_or("");
    client_secret = field("client_secret").value_or("");
  }
  if (client_id != settings_.text(setting::oauth_client_id) ||
      client_secret != settings_.text(setting::oauth_client_secret)) {
    return oauth_error(401, "invalid_client", "client authentication failed");
  }
  const auto token = random_token(32);
  {
    const std::lock_guard lock(mutex_);
    tokens_[token] = std::chrono::steady_clock::now();
  }
  server_response res = server_response::json(
      200, nlohmann::json{{"access_token", token},
                          {"token_type", "Bearer"},
                          {"expires_in", settings_.integer(setting::oauth_token_ttl)},
                          {"scope",
                           "API_BUSINESS_PARTNER_0001 API_SUPPLIERINVOICE_PROCESS_SRV_0001"}}
               .dump());
  res.headers.set("Cache-Control", "no-store");
  return res;
}

void sap_auth::reset() {
  const std::lock_guard lock(mutex_);
  tokens_.clear();
}

}  // namespace erpc::sim::sap
