// SPDX-License-Identifier: Apache-2.0
#include "coupa_client.hpp"

#include <erpc/adapters/exact_json.hpp>

#include <chrono>

namespace erpc::coupa {

coupa_client::coupa_client(host_ref host, connection_config config, call_context& ctx)
    : http_(host),
      config_(std::move(config)),
      tokens_(host, adapters::oauth2_client_settings{config_.token_url, config_.client_id_ref,
                                                     config_.client_secret_ref, config_.scope, "coupa",
                                                     adapters::oauth2_client_auth::form_body}) {
  // Resolved now so a broken reference fails open(); the token is fetched on first use.
  (void)ctx.resolve_secret(config_.client_id_ref);
  (void)ctx.resolve_secret(config_.client_secret_ref);
}

std::int64_t coupa_client::now_ms(call_context& ctx) const {
  const auto host_now = ctx.now_unix_ms();
  if (host_now != 0) return host_now;
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

http_response coupa_client::send(const std::string& method, const std::string& url, const std::string& body,
                                 call_kind kind, call_context& ctx) {
  auto attempt = [&](const std::string& auth) {
    http_request req;
    req.method = method;
    req.url = url;
    req.headers.emplace_back("Authorization", auth);
    req.headers.emplace_back("Accept", "application/json");  // §10.1: XML is the default
    if (!body.empty()) {
      req.headers.emplace_back("Content-Type", "application/json");
      req.body = body;
    }
    auto res = http_.send(req, ctx.abi_call());
    if (!res.ok() && kind == call_kind::read && res.request_sent) {
      throw error(error_class::unavailable, "coupa.read_reply_lost",
                  "Coupa read sent but no complete reply: " + res.transport_message)
          .with_effect(effect::none);
    }
    throw_for_transport(res);
    return res;
  };
  const auto auth = tokens_.authorization(ctx);
  auto res = attempt(auth);
  if (res.status != 401) return res;
  // A 401 wrote nothing, so one re-send cannot duplicate.
  tokens_.refresh(auth, ctx);
  ctx.log(log_level::info, "Coupa answered 401; token fetched again, request re-sent once");
  return attempt(tokens_.authorization(ctx));
}

nlohmann::json parse_record(const http_response& res, call_kind kind) {
  try {
    auto doc = adapters::parse_exact(res.body);
    if (!doc.is_object()) throw adapters::invalid_json("not an object");
    return doc;
  } catch (const adapters::invalid_json& e) {
    throw malformed_response(std::string("its body is not a JSON record (") + e.what() + ")", kind, res.status);
  }
}

std::vector<nlohmann::json> coupa_client::query(std::string_view resource, const query_params& params, int limit,
                                                std::int64_t offset, call_context& ctx) {
  auto all = params;
  all.emplace_back("limit", std::to_string(limit));
  all.emplace_back("offset", std::to_string(offset));
  const auto res = send("GET", url(resource) + "?" + url_query(all), "", call_kind::read, ctx);
  if (res.status != 200) throw map_vendor_error(res, call_kind::read, now_ms(ctx));
  nlohmann::json doc;
  try {
    doc = adapters::parse_exact(res.body);
  } catch (const adapters::invalid_json& e) {
    throw malformed_response(std::string("its collection is not JSON (") + e.what() + ")", call_kind::read, res.status);
  }
  if (!doc.is_array()) throw malformed_response("its collection is not a JSON array", call_kind::read, res.status);
  std::vector<nlohmann::json> out;
  for (const auto& record : doc) {
    if (!record.is_object()) throw malformed_response("a collection record is not an object", call_kind::read, 200);
    out.push_back(record);
  }
  return out;
}

std::optional<nlohmann::json> coupa_client::get(std::string_view path, call_context& ctx) {
  const auto res = send("GET", url(path), "", call_kind::read, ctx);
  if (res.status == 404) return std::nullopt;
  if (res.status != 200) throw map_vendor_error(res, call_kind::read, now_ms(ctx));
  return parse_record(res, call_kind::read);
}

http_response coupa_client::post(std::string_view path, const nlohmann::json& body, call_context& ctx) {
  return send("POST", url(path), adapters::dump_exact(body), call_kind::write, ctx);
}

http_response coupa_client::put(std::string_view path, const nlohmann::json& body, call_context& ctx) {
  return send("PUT", url(path), adapters::dump_exact(body), call_kind::write, ctx);
}

}  // namespace erpc::coupa
