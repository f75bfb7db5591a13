// SPDX-License-Identifier: Apache-2.0
#include <erpc/adapters/oauth2_client_credentials.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>

namespace erpc::adapters {

namespace {

// Renew this long before the vendor says the token expires, so it does not lapse in flight.
constexpr std::int64_t token_margin_ms = 30'000;

}  // namespace

std::string base64_encode(std::string_view bytes) {
  static constexpr char alphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned n = (static_cast<unsigned char>(bytes[i]) << 16) |
                       (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                       static_cast<unsigned char>(bytes[i + 2]);
    out += alphabet[(n >> 18) & 63];
    out += alphabet[(n >> 12) & 63];
    out += alphabet[(n >> 6) & 63];
    out += alphabet[n & 63];
  }
  const auto rest = bytes.size() - i;
  if (rest > 0) {
    unsigned n = static_cast<unsigned char>(bytes[i]) << 16;
    if (rest == 2) n |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += alphabet[(n >> 18) & 63];
    out += alphabet[(n >> 12) & 63];
    out += rest == 2 ? alphabet[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

oauth2_client_credentials::oauth2_client_credentials(host_ref host,
                                                     oauth2_client_settings settings)
    : http_(host), settings_(std::move(settings)) {}

std::int64_t oauth2_client_credentials::now_ms(call_context& ctx) const {
  if (const auto host_now = ctx.now_unix_ms(); host_now != 0) return host_now;
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string oauth2_client_credentials::fetch(call_context& ctx) {
  const auto& prefix = settings_.code_prefix;
  const auto id = ctx.resolve_secret(settings_.client_id_ref);
  const auto secret = ctx.resolve_secret(settings_.client_secret_ref);
  http_request req;
  req.method = "POST";
  req.url = settings_.token_url;
  if (settings_.client_auth == oauth2_client_auth::basic) {
    req.headers.emplace_back("Authorization",
                             "Basic " + base64_encode(url_encode(id) + ":" + url_encode(secret)));
  }
  req.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
  req.headers.emplace_back("Accept", "application/json");
  req.body = "grant_type=client_credentials";
  if (settings_.client_auth == oauth2_client_auth::form_body) {
    req.body += "&client_id=" + url_encode(id) + "&client_secret=" + url_encode(secret);
  }
  if (!settings_.scope.empty()) req.body += "&scope=" + url_encode(settings_.scope);
  const auto res = http_.send(req, ctx.abi_call());
  if (!res.ok()) {
    if (res.transport == http_transport::bad_request) throw_for_transport(res);
    // Nothing is written by a token request, so a lost reply is simply "not available".
    throw error(error_class::unavailable, prefix + ".oauth_token_unavailable",
                "the OAuth token request got no complete reply: " + res.transport_message)
        .with_effect(effect::none);
  }
  std::string reason;
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(res.body);
    if (doc.is_object()) reason = doc.value("error", "");
  } catch (const std::exception&) {
  }
  if (res.status == 400 || res.status == 401) {
    // RFC 6749 §5.2: invalid_client, invalid_grant… The body names the reason, never a secret.
    throw error(error_class::authentication, prefix + ".oauth_token_refused",
                "the OAuth token endpoint refused the client credentials (HTTP " +
                    std::to_string(res.status) + (reason.empty() ? "" : ", " + reason) + ")")
        .with_effect(effect::none)
        .with_vendor({res.status, reason, "", ""});
  }
  if (res.status == 429) {
    auto e = error(error_class::rate_limited, prefix + ".oauth_token_rate_limited",
                   "the OAuth token endpoint is rate limiting (HTTP 429)")
                 .with_effect(effect::none);
    if (const auto after = res.header("Retry-After")) {
      if (const auto ms = parse_retry_after_ms(*after, now_ms(ctx))) e.with_retry_after_ms(*ms);
    }
    throw e;
  }
  if (res.status != 200) {
    throw error(error_class::unavailable, prefix + ".oauth_token_unavailable",
                "the OAuth token endpoint answered HTTP " + std::to_string(res.status))
        .with_effect(effect::none)
        .with_vendor({res.status, reason, "", ""});
  }
  const auto token = doc.is_object() && doc.contains("access_token") && doc["access_token"].is_string()
                         ? doc["access_token"].get<std::string>()
                         : std::string();
  if (token.empty()) {
    throw error(error_class::internal, prefix + ".oauth_token_malformed",
                "the OAuth token answer is not JSON with an access_token")
        .with_effect(effect::none);
  }
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
  const std::lock_guard lock(mutex_);
  bearer_ = "Bearer " + token;
  // A margin before the expiry, but a new token is always used at least once (a lifetime
  // shorter than the margin must not make every request fetch another).
  // Clamped to a day: an absurd expires_in must neither overflow nor pin a token for ever.
  const std::int64_t life_ms = std::clamp<std::int64_t>(expires_in_s, 0, 86'400) * 1000;
  expires_ms_ =
      now_ms(ctx) + std::max<std::int64_t>(life_ms - std::min(token_margin_ms, life_ms / 2), 1000);
  return bearer_;
}

std::string oauth2_client_credentials::authorization(call_context& ctx) {
  {
    const std::lock_guard lock(mutex_);
    if (!bearer_.empty() && now_ms(ctx) < expires_ms_) return bearer_;
  }
  return fetch(ctx);
}

void oauth2_client_credentials::refresh(const std::string& refused, call_context& ctx) {
  {
    const std::lock_guard lock(mutex_);
    if (bearer_ != refused && !bearer_.empty()) return;  // another call refreshed it already
    bearer_.clear();
  }
  (void)fetch(ctx);
}

}  // namespace erpc::adapters
