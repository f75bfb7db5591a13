// SPDX-License-Identifier: Apache-2.0
#include "erpc/adapters/oauth2_client_credentials.hpp"

#include <erpc/adapters/exact_json.hpp>

#include <algorithm>
#include <chrono>

namespace erpc::adapters {

namespace {

// Renew a token this long before it expires, so it does not lapse in flight.
constexpr std::int64_t token_margin_ms = 30'000;

}  // namespace

std::string base64(std::string_view bytes) {
  static constexpr char alphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const auto n = (static_cast<unsigned char>(bytes[i]) << 16) |
                   (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                   static_cast<unsigned char>(bytes[i + 2]);
    out += alphabet[(n >> 18) & 63];
    out += alphabet[(n >> 12) & 63];
    out += alphabet[(n >> 6) & 63];
    out += alphabet[n & 63];
  }
  if (i + 1 == bytes.size()) {
    const auto n = static_cast<unsigned char>(bytes[i]) << 16;
    out += alphabet[(n >> 18) & 63];
    out += alphabet[(n >> 12) & 63];
    out += "==";
  } else if (i + 2 == bytes.size()) {
    const auto n = (static_cast<unsigned char>(bytes[i]) << 16) |
                   (static_cast<unsigned char>(bytes[i + 1]) << 8);
    out += alphabet[(n >> 18) & 63];
    out += alphabet[(n >> 12) & 63];
    out += alphabet[(n >> 6) & 63];
    out += '=';
  }
  return out;
}

oauth2_client_credentials::oauth2_client_credentials(host_ref host,
                                                     oauth2_client_credentials_config config)
    : http_(host), config_(std::move(config)) {}

void oauth2_client_credentials::check_references(call_context& ctx) const {
  (void)ctx.resolve_secret(config_.client_id_ref);
  (void)ctx.resolve_secret(config_.client_secret_ref);
}

std::int64_t oauth2_client_credentials::now_ms(call_context& ctx) const {
  if (const auto host_now = ctx.now_unix_ms(); host_now != 0) return host_now;
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string oauth2_client_credentials::fetch(call_context& ctx) {
  const auto& p = config_.error_prefix;
  const auto id = ctx.resolve_secret(config_.client_id_ref);
  const auto secret = ctx.resolve_secret(config_.client_secret_ref);
  http_request req;
  req.method = "POST";
  req.url = config_.token_url;
  req.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
  req.headers.emplace_back("Accept", "application/json");
  req.body = "grant_type=client_credentials";
  if (config_.client_auth == oauth2_client_auth::basic) {
    req.headers.emplace_back("Authorization",
                             "Basic " + base64(url_encode(id) + ":" + url_encode(secret)));
  } else {
    req.body += "&client_id=" + url_encode(id) + "&client_secret=" + url_encode(secret);
  }
  if (!config_.scope.empty()) req.body += "&scope=" + url_encode(config_.scope);
  auto res = http_.send(req, ctx.abi_call());
  if (!res.ok() && res.request_sent) {
    // A token request changes nothing at the vendor: a lost reply is "not available".
    throw error(error_class::unavailable, p + ".oauth_token_unavailable",
                "the OAuth token request got no complete reply: " + res.transport_message)
        .with_effect(effect::none);
  }
  throw_for_transport(res);
  if (res.status == 400 || res.status == 401) {
    // RFC 6749 §5.2: invalid_client, invalid_grant… The body names the reason, never a secret.
    std::string reason;
    try {
      const auto doc = parse_exact(res.body);
      if (doc.is_object()) reason = doc.value("error", "");
    } catch (const std::exception&) {
    }
    throw error(error_class::authentication, p + ".oauth_token_refused",
                "the OAuth token endpoint refused the client credentials (HTTP " +
                    std::to_string(res.status) + (reason.empty() ? "" : ", " + reason) + ")")
        .with_effect(effect::none)
        .with_vendor({res.status, reason, "", ""});
  }
  auto malformed = [&](const std::string& what) {
    return error(error_class::internal, p + ".malformed_response",
                 "the OAuth token endpoint answered HTTP " + std::to_string(res.status) +
                     " but " + what)
        .with_effect(effect::none)
        .with_vendor({res.status, "", "", ""});
  };
  if (res.status != 200) {
    if (config_.on_http_error) throw config_.on_http_error(res, now_ms(ctx));
    throw error(error_class::unavailable, p + ".oauth_token_unavailable",
                "the OAuth token endpoint answered HTTP " + std::to_string(res.status))
        .with_effect(effect::none)
        .with_vendor({res.status, "", "", ""});
  }
  nlohmann::json doc;
  try {
    doc = parse_exact(res.body);
  } catch (const std::exception&) {
    throw malformed("its token answer is not JSON");
  }
  const auto token = doc.is_object() ? doc.value("access_token", "") : std::string();
  if (token.empty()) throw malformed("its token answer has no access_token");
  std::int64_t expires_in_s = 3600;
  if (const auto e = doc.find("expires_in"); e != doc.end()) {
    if (e->is_number_integer()) expires_in_s = e->get<std::int64_t>();
    if (e->is_string()) {
      try {
        expires_in_s = std::stoll(e->get<std::string>());
      } catch (const std::exception&) {
      }
    }
  }
  std::lock_guard lock(mutex_);
  bearer_ = "Bearer " + token;
  // Renewed a margin before expiry, but a new token is always used at least once (a lifetime
  // shorter than the margin must not make every request fetch another).
  const std::int64_t life_ms = std::max<std::int64_t>(expires_in_s, 0) * 1000;
  expires_ms_ =
      now_ms(ctx) + std::max<std::int64_t>(life_ms - std::min(token_margin_ms, life_ms / 2), 1000);
  return bearer_;
}

std::string oauth2_client_credentials::authorization(call_context& ctx) {
  {
    std::lock_guard lock(mutex_);
    if (!bearer_.empty() && now_ms(ctx) < expires_ms_) return bearer_;
  }
  return fetch(ctx);
}

void oauth2_client_credentials::refresh(const std::string& refused, call_context& ctx) {
  {
    std::lock_guard lock(mutex_);
    // Another call may have refreshed the token already; only the refused one is dropped.
    if (bearer_ != refused) return;
    bearer_.clear();
  }
  (void)fetch(ctx);
}

}  // namespace erpc::adapters
