// SPDX-License-Identifier: Apache-2.0
#include "netsuite_client.hpp"

namespace erpc::netsuite {

namespace {

bool same(const oauth1::credentials& a, const oauth1::credentials& b) {
  return a.consumer_key == b.consumer_key && a.consumer_secret == b.consumer_secret &&
         a.token == b.token && a.token_secret == b.token_secret;
}

}  // namespace

netsuite_client::netsuite_client(host_ref host, connection_config config, call_context& ctx)
    : http_(host), config_(std::move(config)) {
  credentials_ = resolve_credentials(ctx);
  signer_ = std::make_shared<const oauth1::signer>(credentials_, config_.account_id);
}

oauth1::credentials netsuite_client::resolve_credentials(call_context& ctx) const {
  oauth1::credentials c;
  c.consumer_key = ctx.resolve_secret(config_.consumer_key_ref);
  c.consumer_secret = ctx.resolve_secret(config_.consumer_secret_ref);
  c.token = ctx.resolve_secret(config_.token_id_ref);
  c.token_secret = ctx.resolve_secret(config_.token_secret_ref);
  return c;
}

std::shared_ptr<const oauth1::signer> netsuite_client::current_signer() const {
  std::lock_guard lock(mutex_);
  return signer_;
}

std::string netsuite_client::record_url(std::string_view record_type, std::string_view id) const {
  constexpr std::string_view path = "/services/rest/record/v1/";
  std::string url;
  url.reserve(config_.base_url.size() + path.size() + record_type.size() + 1 + id.size());
  url.append(config_.base_url).append(path).append(record_type);
  if (!id.empty()) url.append("/").append(id);
  return url;
}

std::string netsuite_client::absolute(std::string_view location) const {
  if (location.rfind("http://", 0) == 0 || location.rfind("https://", 0) == 0) {
    return std::string(location);
  }
  if (!location.empty() && location.front() == '/') return config_.base_url + std::string(location);
  return config_.base_url + "/" + std::string(location);
}

http_response netsuite_client::send(outbound request, call_kind kind, call_context& ctx) {
  // Built once, in the order [the caller's headers, Authorization, Accept, Content-Type]; an
  // attempt only (re)writes the Authorization value.
  http_request req;
  req.method = std::move(request.method);
  req.url = std::move(request.url);
  req.headers = std::move(request.headers);
  req.headers.reserve(req.headers.size() + 3);
  const std::size_t authorization = req.headers.size();
  req.headers.emplace_back("Authorization", std::string());
  req.headers.emplace_back("Accept", "application/json");
  if (!request.body.empty()) {
    req.headers.emplace_back("Content-Type", "application/json");
    req.body = std::move(request.body);
  }
  auto attempt = [&](const oauth1::signer& signer) {
    req.headers[authorization].second = signer.authorize(req.method, req.url);
    auto res = http_.send(req, ctx.abi_call());
    if (!res.ok() && kind == call_kind::read && res.request_sent) {
      // A read changes nothing at NetSuite, so a lost reply is simply "not available".
      throw error(error_class::unavailable, "netsuite.read_reply_lost",
                  "NetSuite read sent but no complete reply: " + res.transport_message)
          .with_effect(effect::none);
    }
    throw_for_transport(res);
    return res;
  };
  auto signer = current_signer();
  auto res = attempt(*signer);
  if (res.status != 401) return res;
  // A 401 wrote nothing, so one re-send cannot duplicate. The credentials may have been
  // rotated in the secret store since open(): resolve them once more. Even unchanged, the
  // re-send is signed afresh (new nonce and timestamp), because NetSuite also answers a
  // request over the concurrency limit with 401 INVALID_LOGIN (vendors.md §1.5).
  const auto fresh = resolve_credentials(ctx);
  bool rotated = false;
  {
    std::lock_guard lock(mutex_);
    if (!same(fresh, credentials_)) {
      credentials_ = fresh;
      signer_ = std::make_shared<const oauth1::signer>(credentials_, config_.account_id);
      rotated = true;
    }
    signer = signer_;
  }
  ctx.log(log_level::info, rotated
                               ? "NetSuite answered 401; re-signed once with rotated credentials"
                               : "NetSuite answered 401; re-sent once, signed afresh");
  return attempt(*signer);
}

}  // namespace erpc::netsuite
