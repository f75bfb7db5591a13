// SPDX-License-Identifier: Apache-2.0
#include "ob_client.hpp"

#include <openssl/rand.h>

#include <chrono>

namespace erpc::openbanking {

std::string interaction_id() {
  unsigned char b[16];
  if (RAND_bytes(b, sizeof b) != 1) {
    throw error(error_class::internal, "openbanking_uk.random_failed", "RAND_bytes failed")
        .with_effect(effect::none);
  }
  b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);
  b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += hex[b[i] >> 4];
    out += hex[b[i] & 15];
  }
  return out;
}

ob_client::ob_client(host_ref host, connection_config config, call_context& ctx)
    : http_(host),
      config_(std::move(config)),
      token_(host, {config_.token_url, config_.client_id_ref, config_.client_secret_ref,
                    config_.scope, "openbanking_uk"}) {
  // Resolve now so a broken reference fails open(), not the first call; the token itself is
  // fetched on first use.
  (void)ctx.resolve_secret(config_.client_id_ref);
  (void)ctx.resolve_secret(config_.client_secret_ref);
}

std::int64_t ob_client::now_ms(call_context& ctx) const {
  if (const auto host_now = ctx.now_unix_ms(); host_now != 0) return host_now;
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

http_response ob_client::send(const std::string& path, const std::string& body,
                              const std::string& idempotency_key, call_step step,
                              call_context& ctx) {
  const bool post = !idempotency_key.empty();
  bool refreshed = false;
  for (;;) {
    const auto authorization = token_.authorization(ctx);
    const auto interaction = interaction_id();
    http_request req;
    req.method = post ? "POST" : "GET";
    req.url = config_.api_url(path);
    req.headers.emplace_back("Authorization", authorization);
    req.headers.emplace_back("Accept", "application/json");
    req.headers.emplace_back("x-fapi-interaction-id", interaction);
    if (post) {
      req.headers.emplace_back("Content-Type", "application/json");
      req.headers.emplace_back("x-idempotency-key", idempotency_key);
      req.body = body;
    }
    auto res = http_.send(req, ctx.abi_call());
    if (!res.ok() && step == call_step::read && res.request_sent &&
        res.transport != http_transport::bad_request) {
      throw error(error_class::unavailable, "openbanking_uk.read_reply_lost",
                  "a read was sent but got no complete reply: " + res.transport_message)
          .with_effect(effect::none);
    }
    throw_for_transport(res);
    if (const auto echoed = res.header("x-fapi-interaction-id"); echoed && *echoed != interaction) {
      // vendors.md §8.1: the ASPSP echoes it; a different one points at a proxy in between.
      ctx.log(log_level::warn, "the bank answered with another x-fapi-interaction-id than sent");
    }
    if (res.status == 401 && !refreshed) {
      refreshed = true;
      ctx.log(log_level::info, "the bank refused the access token; fetched a new one once");
      token_.refresh(authorization, ctx);
      continue;
    }
    return res;
  }
}

}  // namespace erpc::openbanking
