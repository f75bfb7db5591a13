// SPDX-License-Identifier: Apache-2.0
// The F&O client of one connection (vendors.md §5.1, §5.2): URLs under {base}/data/, single
// entities by their full key `(dataAreaId='usmf',Key='…')`, collections read with
// cross-company=true and an explicit dataAreaId filter (so the connection's company need not be
// the service principal's default), every page followed through @odata.nextLink; every request
// with a Microsoft Entra bearer token (adapters/common oauth2_client_credentials, cached per
// connection), one refresh and resend on a 401 (a 401 wrote nothing), JSON with exact decimals.
#pragma once

#include "fo_config.hpp"
#include "fo_errors.hpp"

#include <erpc/adapters/bearer_json_client.hpp>
#include <erpc/call_context.hpp>
#include <erpc/http_client.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <vector>

namespace erpc::fo {

using key_fields = std::vector<std::pair<std::string, std::string>>;

// Whether an @odata.nextLink points back into this connection's service ({base_url}/data/…):
// only then is it followed with the bearer token.
bool is_own_next_link(std::string_view link, std::string_view base_url);

// An OData v4 string literal: 'text' with quotes doubled.
std::string odata_literal(const std::string& text);

class fo_client {
 public:
  fo_client(host_ref host, connection_config config, call_context& ctx);

  const connection_config& config() const noexcept { return config_; }

  // {base}/data/<entity_set>[?query]
  std::string set_url(std::string_view entity_set, std::string_view query = {}) const;
  // {base}/data/<entity_set>(dataAreaId='<company>',<k>='<v>',…) — the full key (§5.1).
  std::string entity_url(std::string_view entity_set, const key_fields& key) const;

  // Sends one request; a transport failure is thrown (not sent → UNAVAILABLE; sent without a
  // reply → OUTCOME_UNKNOWN for a write, UNAVAILABLE for a read).
  http_response send(const std::string& method, const std::string& url, call_kind kind,
                     call_context& ctx, const nlohmann::json* body = nullptr);

  // GET of one entity by its full key: nullopt on 404.
  std::optional<nlohmann::json> get_entity(std::string_view entity_set, const key_fields& key,
                                           call_context& ctx);
  // Every row of the connection's company matching `filter` (OData, eq/and), all pages.
  std::vector<nlohmann::json> query(std::string_view entity_set, const std::string& filter,
                                    call_context& ctx, int max_pages = 100);
  // One page: `top` rows after `skip`; `more` says whether F&O has more.
  std::vector<nlohmann::json> page(std::string_view entity_set, int top, std::int64_t skip,
                                   bool& more, call_context& ctx);

  std::int64_t now_ms(call_context& ctx) const { return adapters::bearer_json_client::now_ms(ctx); }

 private:
  nlohmann::json get_json(const std::string& url, call_context& ctx);

  connection_config config_;
  adapters::bearer_json_client http_;
};

// The JSON body of a response (exact decimals); INTERNAL fo.malformed_response otherwise.
nlohmann::json body_of(const http_response& res, call_kind kind);

}  // namespace erpc::fo
