// SPDX-License-Identifier: Apache-2.0
#include "bc_client.hpp"

namespace erpc::bc {

bc_client::bc_client(host_ref host, connection_config config, call_context& ctx)
    : config_(std::move(config)),
      http_(host,
            adapters::entra_client_settings(config_.token_url, config_.client_id_ref,
                                            config_.client_secret_ref, config_.scope, "bc"),
            "bc", "Business Central", ctx) {}

std::string bc_client::company_url(std::string_view path, std::string_view query) const {
  std::string url = config_.base_url + "/v2.0/" + config_.environment + "/api/v2.0/companies(" +
                    config_.company_id + ")" + std::string(path);
  if (!query.empty()) url += "?" + std::string(query);
  return url;
}

http_response bc_client::send(const std::string& method, const std::string& url, call_kind kind,
                              call_context& ctx, const nlohmann::json* body,
                              const std::string& if_match) {
  adapters::http_headers headers;
  if (!if_match.empty()) headers.emplace_back("If-Match", if_match);
  return http_.send(method, url, kind, ctx, body, headers);
}

nlohmann::json body_of(const http_response& res, call_kind kind) {
  return adapters::exact_json_body(res, kind, "bc", "Business Central");
}

nlohmann::json bc_client::get_json(const std::string& url, call_context& ctx) {
  const auto res = send("GET", url, call_kind::read, ctx);
  if (res.status != 200) throw map_odata_error(res, call_kind::read, now_ms(ctx));
  auto doc = body_of(res, call_kind::read);
  if (!doc.is_object()) throw malformed_response("its body is not a JSON object", call_kind::read, 200);
  return doc;
}

}  // namespace erpc::bc
