// SPDX-License-Identifier: Apache-2.0
#include "sap_client.hpp"

#include <erpc/adapters/exact_json.hpp>

#include <algorithm>
#include <chrono>

namespace erpc::sap {

namespace {

bool is_modifying(const std::string& method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

// Every cookie a response sets, into `jar`. One header may hold several cookies joined by ", "
// (the host's HTTP stack folds repeated headers); a piece whose text before ';' is no
// name=value is the rest of an Expires date.
void apply_set_cookies(const http_response& res, std::map<std::string, std::string>& jar) {
  for (const auto& [name, value] : res.headers) {
    if (!detail::iequals(name, "Set-Cookie")) continue;
    std::size_t start = 0;
    while (start <= value.size()) {
      const auto comma = value.find(',', start);
      const auto piece = value.substr(start, comma == std::string::npos ? std::string::npos
                                                                        : comma - start);
      start = comma == std::string::npos ? value.size() + 1 : comma + 1;
      auto pair = piece.substr(0, piece.find(';'));
      pair.erase(0, pair.find_first_not_of(' '));
      const auto eq = pair.find('=');
      if (eq == std::string::npos || eq == 0 || pair.find(' ') < eq) continue;
      jar[pair.substr(0, eq)] = pair.substr(eq + 1);
    }
  }
}

std::string cookie_text(const std::map<std::string, std::string>& jar) {
  std::string out;
  for (const auto& [name, value] : jar) out += (out.empty() ? "" : "; ") + name + "=" + value;
  return out;
}

}  // namespace

sap_client::sap_client(host_ref host, connection_config config, call_context& ctx)
    : http_(host), config_(std::move(config)) {
  if (config_.auth.method == auth_method::basic) {
    basic_authorization_ = "Basic " + adapters::base64_encode(ctx.resolve_secret(config_.auth.user_ref) + ":" +
                                             ctx.resolve_secret(config_.auth.password_ref));
  } else {
    // Resolve now so a broken reference fails open(), not the first call; the token itself is
    // fetched on first use.
    (void)ctx.resolve_secret(config_.auth.client_id_ref);
    (void)ctx.resolve_secret(config_.auth.client_secret_ref);
    oauth_ = std::make_unique<adapters::oauth2_client_credentials>(
        host, adapters::oauth2_client_settings{config_.auth.token_url, config_.auth.client_id_ref,
                                               config_.auth.client_secret_ref, config_.auth.scope,
                                               "sap"});
  }
}

std::int64_t sap_client::now_ms(call_context& ctx) const {
  const auto host_now = ctx.now_unix_ms();
  if (host_now != 0) return host_now;
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string sap_client::service_root(std::string_view service) const {
  return odata_url(service, "/");
}

std::string sap_client::odata_url(std::string_view service, std::string_view path,
                                  std::string_view query) const {
  std::string url = config_.base_url + "/sap/opu/odata/sap/" + std::string(service) +
                    std::string(path);
  std::string q(query);
  if (!config_.sap_client.empty()) q += (q.empty() ? "" : "&") + ("sap-client=" + config_.sap_client);
  if (!q.empty()) url += "?" + q;
  return url;
}

std::string sap_client::soap_url(std::string_view path) const {
  std::string url = config_.base_url + std::string(path);
  if (!config_.sap_client.empty()) url += "?sap-client=" + config_.sap_client;
  return url;
}

void sap_client::keep_cookies(const http_response& res) {
  std::lock_guard lock(mutex_);
  apply_set_cookies(res, cookies_);
}

std::string sap_client::cookie_header() const {
  std::lock_guard lock(mutex_);
  return cookie_text(cookies_);
}

std::string sap_client::authorization(call_context& ctx) {
  if (config_.auth.method == auth_method::basic) {
    std::lock_guard lock(mutex_);
    return basic_authorization_;
  }
  return oauth_->authorization(ctx);
}

void sap_client::refresh_credentials(const std::string& refused, call_context& ctx) {
  if (config_.auth.method == auth_method::basic) {
    // The password may have been rotated in the secret store since open().
    const auto fresh = "Basic " + adapters::base64_encode(ctx.resolve_secret(config_.auth.user_ref) + ":" +
                                         ctx.resolve_secret(config_.auth.password_ref));
    std::lock_guard lock(mutex_);
    basic_authorization_ = fresh;
    return;
  }
  // Another call may have refreshed the token already; only the refused one is dropped.
  oauth_->refresh(refused, ctx);
}

sap_client::csrf_binding sap_client::csrf_token(const std::string& root, call_context& ctx) {
  std::map<std::string, std::string> session;
  {
    std::lock_guard lock(mutex_);
    if (const auto it = csrf_tokens_.find(root); it != csrf_tokens_.end()) return it->second;
    session = cookies_;
  }
  // vendors.md §2.2: a non-modifying request with `X-CSRF-Token: Fetch`; the answer carries the
  // token, bound to the session of the cookies sent (or set by the answer). Concurrent calls
  // may each open a session; each keeps the cookies its own token belongs to.
  outbound fetch;
  fetch.method = "GET";
  fetch.url = root;
  fetch.headers.emplace_back("X-CSRF-Token", "Fetch");
  fetch.cookies = cookie_text(session);
  auto first = send_once(fetch, "", call_kind::read, ctx);
  auto res = std::move(first.response);
  if (res.status == 401) {
    refresh_credentials(first.authorization, ctx);
    res = send_once(fetch, "", call_kind::read, ctx).response;
  }
  if (res.status < 200 || res.status > 299) {
    throw map_gateway_error(res, call_kind::read, now_ms(ctx));
  }
  const auto token = res.header("X-CSRF-Token").value_or("");
  if (token.empty() || detail::iequals(token, "Required")) return {};  // no CSRF protection
  apply_set_cookies(res, session);
  csrf_binding binding{token, cookie_text(session)};
  std::lock_guard lock(mutex_);
  csrf_tokens_[root] = binding;
  return binding;
}

void sap_client::forget_csrf_token(const std::string& token) {
  std::lock_guard lock(mutex_);
  for (auto it = csrf_tokens_.begin(); it != csrf_tokens_.end();) {
    it = it->second.token == token ? csrf_tokens_.erase(it) : std::next(it);
  }
}

sap_client::answer sap_client::send_once(const outbound& request, const std::string& csrf,
                                         call_kind kind, call_context& ctx) {
  const auto auth = authorization(ctx);
  http_request req;
  req.method = request.method;
  req.url = request.url;
  req.headers = request.headers;
  req.headers.emplace_back("Authorization", auth);
  req.headers.emplace_back("Accept", request.accept);
  if (const auto cookies = request.cookies ? *request.cookies : cookie_header(); !cookies.empty()) {
    req.headers.emplace_back("Cookie", cookies);
  }
  if (!csrf.empty()) req.headers.emplace_back("X-CSRF-Token", csrf);
  if (!request.body.empty()) {
    req.headers.emplace_back("Content-Type", request.content_type);
    req.body = request.body;
  }
  auto res = http_.send(req, ctx.abi_call());
  if (!res.ok() && kind == call_kind::read && res.request_sent) {
    // A read changes nothing at SAP, so a lost reply is simply "not available".
    throw error(error_class::unavailable, "sap.read_reply_lost",
                "SAP read sent but no complete reply: " + res.transport_message)
        .with_effect(effect::none);
  }
  throw_for_transport(res);
  keep_cookies(res);
  return {std::move(res), auth};
}

http_response sap_client::send(const outbound& request, call_kind kind, call_context& ctx) {
  const bool needs_csrf = !request.csrf_root.empty() && is_modifying(request.method);
  bool auth_refreshed = false;
  bool csrf_refreshed = false;
  for (;;) {
    const auto csrf = needs_csrf ? csrf_token(request.csrf_root, ctx) : csrf_binding{};
    auto [res, sent_authorization] =
        csrf.token.empty() ? send_once(request, "", kind, ctx) : [&] {
          outbound bound = request;
          bound.cookies = csrf.cookies;
          return send_once(bound, csrf.token, kind, ctx);
        }();
    if (res.status == 401 && !auth_refreshed) {
      // A 401 wrote nothing, so sending again cannot duplicate.
      auth_refreshed = true;
      refresh_credentials(sent_authorization, ctx);
      ctx.log(log_level::info, "SAP refused the credentials; refreshed them once");
      continue;
    }
    if (needs_csrf && is_csrf_refusal(res) && !csrf_refreshed) {
      // Missing, invalid or expired token (vendors.md §2.2): refused before any write.
      csrf_refreshed = true;
      forget_csrf_token(csrf.token);
      ctx.log(log_level::info, "SAP refused the CSRF token; fetched a new one once");
      continue;
    }
    return res;
  }
}

}  // namespace erpc::sap
