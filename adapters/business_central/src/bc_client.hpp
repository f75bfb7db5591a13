// SPDX-License-Identifier: Apache-2.0
// The Business Central client of one connection (vendors.md §4.1, §4.2): URLs under
// {base}/v2.0/{environment}/api/v2.0/companies({company}), every request with a Microsoft Entra
// bearer token (adapters/common oauth2_client_credentials, cached per connection), one refresh
// and resend on a 401 (a 401 wrote nothing), JSON with exact decimals.
#pragma once

#include "bc_config.hpp"
#include "bc_errors.hpp"

#include <erpc/adapters/bearer_json_client.hpp>
#include <erpc/call_context.hpp>
#include <erpc/http_client.hpp>

#include <nlohmann/json.hpp>

#include <string>

namespace erpc::bc {

class bc_client {
 public:
  bc_client(host_ref host, connection_config config, call_context& ctx);

  const connection_config& config() const noexcept { return config_; }

  // {base}/v2.0/{environment}/api/v2.0/companies({company})<path>[?query]
  std::string company_url(std::string_view path, std::string_view query = {}) const;

  // Sends one request; a transport failure is thrown (not sent → UNAVAILABLE; sent without a
  // reply → OUTCOME_UNKNOWN for a write, UNAVAILABLE for a read). `if_match` "" sends none.
  http_response send(const std::string& method, const std::string& url, call_kind kind,
                     call_context& ctx, const nlohmann::json* body = nullptr,
                     const std::string& if_match = {});

  // GET of a JSON document (200 expected; anything else thrown through map_odata_error).
  nlohmann::json get_json(const std::string& url, call_context& ctx);

  std::int64_t now_ms(call_context& ctx) const { return adapters::bearer_json_client::now_ms(ctx); }

 private:
  connection_config config_;
  adapters::bearer_json_client http_;
};

// The JSON body of a response (exact decimals); INTERNAL bc.malformed_response otherwise.
nlohmann::json body_of(const http_response& res, call_kind kind);

}  // namespace erpc::bc
