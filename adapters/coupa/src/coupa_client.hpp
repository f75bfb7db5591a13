// SPDX-License-Identifier: Apache-2.0
// The Coupa Core API client of one connection (vendors.md §10.1): every request carries an
// OAuth 2.0 client-credentials bearer token (adapters/common erpc_adapter_oauth2, scopes from
// the configuration) and `Accept: application/json` (Coupa answers XML otherwise). A 401 wrote
// nothing, so it is answered once, transparently: the token is fetched again and the request
// re-sent. Reads and writes of /api/<resource>, every answer read with exact decimals and every
// failure mapped.
#pragma once

#include "coupa_config.hpp"
#include "coupa_errors.hpp"

#include <erpc/adapters/oauth2_client_credentials.hpp>
#include <erpc/call_context.hpp>
#include <erpc/http_client.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace erpc::coupa {

// Query parameters as Coupa names them: `invoice-number`, `supplier[id]`, `status[in]`.
using query_params = std::vector<std::pair<std::string, std::string>>;

// Coupa answers at most 50 records a page (vendors.md §10.1, secondary).
inline constexpr int max_page = 50;

class coupa_client {
 public:
  coupa_client(host_ref host, connection_config config, call_context& ctx);

  const connection_config& config() const noexcept { return config_; }

  // GET /api/{resource}?{params}&limit=&offset=: the records of one page.
  std::vector<nlohmann::json> query(std::string_view resource, const query_params& params, int limit,
                                    std::int64_t offset, call_context& ctx);
  // GET /api/{path}; nullopt on 404.
  std::optional<nlohmann::json> get(std::string_view path, call_context& ctx);
  // POST / PUT: the raw response (the caller decides what a refusal means).
  http_response post(std::string_view path, const nlohmann::json& body, call_context& ctx);
  http_response put(std::string_view path, const nlohmann::json& body, call_context& ctx);

  std::int64_t now_ms(call_context& ctx) const;

 private:
  http_response send(const std::string& method, const std::string& url, const std::string& body,
                     call_kind kind, call_context& ctx);
  std::string url(std::string_view path) const { return config_.base_url + "/api/" + std::string(path); }

  http_client http_;
  connection_config config_;
  adapters::oauth2_client_credentials tokens_;
};

// A record body: a JSON object, else INTERNAL coupa.malformed_response.
nlohmann::json parse_record(const http_response& res, call_kind kind);

}  // namespace erpc::coupa
