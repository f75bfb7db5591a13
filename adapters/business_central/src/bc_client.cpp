// SPDX-License-Identifier: Apache-2.0
#include "bc_client.hpp"

#include <erpc/adapters/exact_json.hpp>

#include <chrono>

namespace erpc::bc {

namespace {

adapters::oauth2_client_settings oauth_config(const connection_config& c) {
  adapters::oauth2_client_settings o;
  o.token_url = c.token_url;
  o.client_id_ref = c.client_id_ref;
  o.client_secret_ref = c.client_secret_ref;
  o.scope = c.scope;
  o.client_auth = adapters::oauth2_client_auth::form_body;  // vendors.md §4.2 (Entra form)
  o.code_prefix = "bc";
  return o;
}

}  // namespace

bc_client::bc_client(host_ref host, connection_config config, call_context& ctx)
    : http_(host), config_(std::move(config)), auth_(host, oauth_config(config_)) {
  // Resolve now so a broken reference fails open(), not the first call; the token itself is
  // fetched on first use.
  (void)ctx.resolve_secret(config_.client_id_ref);
  (void)ctx.resolve_secret(config_.client_secret_ref);
}

std::int64_t bc_client::now_ms(call_context& ctx) const {
  if (const auto host_now = ctx.now_unix_ms(); host_now != 0) return host_now;
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string bc_client::company_url(std::string_view path, std::string_view query) const {
  std::string url = config_.base_url + "/v2.0/" + config_.environment + "/api/v2.0/companies(" +
                    config_.company_id + ")" + std::string(path);
  if (!query.empty()) url += "?" + std::string(query);
  return url;
}

http_response bc_client::send(const std::string& method, const std::string& url, call_kind kind,
                              call_context& ctx, const nlohmann::json* body,
                              const std::string& if_match) {
  bool refreshed = false;
  for (;;) {
    const auto authorization = auth_.authorization(ctx);
    http_request req;
    req.method = method;
    req.url = url;
    req.headers.emplace_back("Authorization", authorization);
    req.headers.emplace_back("Accept", "application/json");
    if (!if_match.empty()) req.headers.emplace_back("If-Match", if_match);
    if (body) {
      req.headers.emplace_back("Content-Type", "application/json");
      req.body = adapters::dump_exact(*body);
    }
    auto res = http_.send(req, ctx.abi_call());
    if (!res.ok() && kind == call_kind::read && res.request_sent) {
      throw error(error_class::unavailable, "bc.read_reply_lost",
                  "Business Central read sent but no complete reply: " + res.transport_message)
          .with_effect(effect::none);
    }
    throw_for_transport(res);
    if (res.status == 401 && !refreshed) {
      refreshed = true;
      auth_.refresh(authorization, ctx);
      ctx.log(log_level::info, "Business Central refused the bearer token; fetched a new one once");
      continue;
    }
    return res;
  }
}

nlohmann::json body_of(const http_response& res, call_kind kind) {
  try {
    return adapters::parse_exact(res.body);
  } catch (const std::exception&) {
    throw malformed_response("its body is not JSON", kind, res.status);
  }
}

nlohmann::json bc_client::get_json(const std::string& url, call_context& ctx) {
  const auto res = send("GET", url, call_kind::read, ctx);
  if (res.status != 200) throw map_odata_error(res, call_kind::read, now_ms(ctx));
  auto doc = body_of(res, call_kind::read);
  if (!doc.is_object()) throw malformed_response("its body is not a JSON object", call_kind::read, 200);
  return doc;
}

}  // namespace erpc::bc
