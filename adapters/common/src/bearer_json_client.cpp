// SPDX-License-Identifier: Apache-2.0
#include <erpc/adapters/bearer_json_client.hpp>

#include <erpc/adapters/exact_json.hpp>

#include <chrono>

namespace erpc::adapters {

bearer_json_client::bearer_json_client(host_ref host, oauth2_client_settings auth,
                                       std::string code_prefix, std::string vendor_name,
                                       call_context& ctx)
    : http_(host),
      auth_(host, auth),
      code_prefix_(std::move(code_prefix)),
      vendor_name_(std::move(vendor_name)) {
  (void)ctx.resolve_secret(auth.client_id_ref);
  (void)ctx.resolve_secret(auth.client_secret_ref);
}

std::int64_t bearer_json_client::now_ms(call_context& ctx) {
  if (const auto host_now = ctx.now_unix_ms(); host_now != 0) return host_now;
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

http_response bearer_json_client::send(const std::string& method, const std::string& url,
                                       call_kind kind, call_context& ctx,
                                       const nlohmann::json* body, const http_headers& headers) {
  bool refreshed = false;
  for (;;) {
    const auto authorization = auth_.authorization(ctx);
    http_request req;
    req.method = method;
    req.url = url;
    req.headers.emplace_back("Authorization", authorization);
    req.headers.emplace_back("Accept", "application/json");
    for (const auto& header : headers) req.headers.push_back(header);
    if (body) {
      req.headers.emplace_back("Content-Type", "application/json");
      req.body = dump_exact(*body);
    }
    auto res = http_.send(req, ctx.abi_call());
    if (!res.ok() && kind == call_kind::read && res.request_sent) {
      throw error(error_class::unavailable, code_prefix_ + ".read_reply_lost",
                  vendor_name_ + " read sent but no complete reply: " + res.transport_message)
          .with_effect(effect::none);
    }
    throw_for_transport(res);
    if (res.status == 401 && !refreshed) {
      refreshed = true;
      auth_.refresh(authorization, ctx);
      ctx.log(log_level::info, vendor_name_ + " refused the bearer token; fetched a new one once");
      continue;
    }
    return res;
  }
}

oauth2_client_settings entra_client_settings(std::string token_url, std::string client_id_ref,
                                             std::string client_secret_ref, std::string scope,
                                             std::string code_prefix) {
  oauth2_client_settings o;
  o.token_url = std::move(token_url);
  o.client_id_ref = std::move(client_id_ref);
  o.client_secret_ref = std::move(client_secret_ref);
  o.scope = std::move(scope);
  o.client_auth = oauth2_client_auth::form_body;
  o.code_prefix = std::move(code_prefix);
  return o;
}

nlohmann::json exact_json_body(const http_response& res, call_kind kind,
                               std::string_view code_prefix, std::string_view vendor_name) {
  try {
    return parse_exact(res.body);
  } catch (const std::exception&) {
    throw malformed_response(code_prefix, vendor_name, "its body is not JSON", kind, res.status);
  }
}

}  // namespace erpc::adapters
