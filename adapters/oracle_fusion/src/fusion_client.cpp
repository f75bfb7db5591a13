// SPDX-License-Identifier: Apache-2.0
#include "fusion_client.hpp"

#include <chrono>

namespace erpc::oracle_fusion {

fusion_client::fusion_client(host_ref host, connection_config config, call_context& ctx)
    : http_(host), config_(std::move(config)) {
  if (config_.auth == auth_method::basic) {
    basic_ = basic_authorization(ctx);
  } else {
    // Resolved now so a broken reference fails open(); the token is fetched on first use.
    (void)ctx.resolve_secret(config_.client_id_ref);
    (void)ctx.resolve_secret(config_.client_secret_ref);
    tokens_ = std::make_unique<adapters::oauth2_client_credentials>(
        host, adapters::oauth2_client_settings{config_.token_url, config_.client_id_ref,
                                               config_.client_secret_ref, config_.scope,
                                               "oracle_fusion"});
  }
}

std::string fusion_client::basic_authorization(call_context& ctx) const {
  return "Basic " + adapters::base64_encode(ctx.resolve_secret(config_.user_ref) + ":" +
                                             ctx.resolve_secret(config_.password_ref));
}

std::int64_t fusion_client::now_ms(call_context& ctx) const {
  const auto host_now = ctx.now_unix_ms();
  if (host_now != 0) return host_now;
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string fusion_client::resource_url(std::string_view path) const {
  return config_.base_url + rest_root + std::string(path);
}

std::string fusion_client::authorization(call_context& ctx) {
  if (tokens_) return tokens_->authorization(ctx);
  std::lock_guard lock(mutex_);
  return basic_;
}

http_response fusion_client::send(const outbound& request, call_kind kind, call_context& ctx) {
  auto attempt = [&](const std::string& auth) {
    http_request req;
    req.method = request.method;
    req.url = request.url;
    req.headers = request.headers;
    req.headers.emplace_back("Authorization", auth);
    // §3.4: the structured error body only comes when asked for.
    req.headers.emplace_back("Accept",
                             "application/json, application/vnd.oracle.adf.error+json");
    if (!request.body.empty()) {
      req.headers.emplace_back("Content-Type", "application/vnd.oracle.adf.resourceitem+json");
      req.body = request.body;
    }
    auto res = http_.send(req, ctx.abi_call());
    if (!res.ok() && kind == call_kind::read && res.request_sent) {
      throw error(error_class::unavailable, "oracle_fusion.read_reply_lost",
                  "Oracle Fusion read sent but no complete reply: " + res.transport_message)
          .with_effect(effect::none);
    }
    throw_for_transport(res);
    return res;
  };
  const auto auth = authorization(ctx);
  auto res = attempt(auth);
  if (res.status != 401) return res;
  // A 401 wrote nothing, so one re-send cannot duplicate.
  if (tokens_) {
    tokens_->refresh(auth, ctx);
  } else {
    const auto fresh = basic_authorization(ctx);
    std::lock_guard lock(mutex_);
    basic_ = fresh;
  }
  ctx.log(log_level::info, "Oracle Fusion answered 401; credentials refreshed, re-sent once");
  return attempt(authorization(ctx));
}

}  // namespace erpc::oracle_fusion
