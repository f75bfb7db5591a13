// SPDX-License-Identifier: Apache-2.0
// NetSuite record REST calls (vendors.md §1.1, §1.2, §1.6) on a signed client, with every
// answer read exactly (amounts never through a double) and every failure mapped to the
// taxonomy: get by internal id or by `eid:`, query a collection, create with POST, update with
// PATCH, and the async job endpoints.
#pragma once

#include "netsuite_client.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace erpc::netsuite {

struct collection_page {
  std::vector<std::string> ids;
  bool has_more = false;
  std::int64_t total = 0;
};

class record_api {
 public:
  explicit record_api(netsuite_client& client) : client_(client) {}

  netsuite_client& client() noexcept { return client_; }

  // The record, or nullopt when NetSuite answers 404. `id` is an internal id or "eid:<x>".
  std::optional<nlohmann::json> get(std::string_view record_type, std::string_view id,
                                    call_context& ctx);
  std::optional<nlohmann::json> get_url(const std::string& url, call_context& ctx);
  // GET …/{type}?q=…&limit=&offset= (the ids of one page).
  collection_page query(std::string_view record_type, std::string_view q, int limit,
                        std::int64_t offset, call_context& ctx);
  // POST …/{type}; the raw response (the caller decides what a 4xx means for a create).
  http_response post(std::string_view record_type, const nlohmann::json& body,
                     const http_headers& extra, call_context& ctx);
  // PATCH …/{type}/{id}; throws the mapped error unless 204.
  void patch(std::string_view record_type, std::string_view id, const nlohmann::json& body,
             call_context& ctx, const path_translator& to_pointer);

  // The internal id at the end of a create's Location (…/record/v1/{type}/{id}).
  static std::optional<std::string> id_from_location(std::string_view location);

  std::int64_t now_ms(call_context& ctx) const;

 private:
  netsuite_client& client_;
};

nlohmann::json parse_record_body(const http_response& res, call_kind kind);

}  // namespace erpc::netsuite
