// SPDX-License-Identifier: Apache-2.0
// ADF REST resource calls (vendors.md §3.1, §3.5) on the connection's client, every answer read
// with exact decimals and every failure mapped: a collection query with `q`, `expand` and
// limit/offset paging; an item by the self link a collection gave (the hash-key rule, §3.1:
// an invoice's key is never built); POST and PATCH.
#pragma once

#include "fusion_client.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace erpc::oracle_fusion {

struct collection_page {
  std::vector<nlohmann::json> items;
  bool has_more = false;
};

class resource_api {
 public:
  explicit resource_api(fusion_client& client) : client_(client) {}

  fusion_client& client() noexcept { return client_; }

  // GET {resource}?q=…&expand=…&limit=&offset= (q may be empty).
  collection_page query(std::string_view resource, std::string_view q, std::string_view expand,
                        int limit, std::int64_t offset, call_context& ctx);
  // GET {resource}/{id}; nullopt on 404. Only for resources keyed by a plain id
  // (suppliers/{SupplierId}, payablesPayments/{CheckId}).
  std::optional<nlohmann::json> get(std::string_view path, std::string_view expand,
                                    call_context& ctx);
  // POST / PATCH: the raw response (the caller decides what a refusal means).
  http_response post(std::string_view path, const nlohmann::json& body, call_context& ctx);
  http_response patch(std::string_view path, const nlohmann::json& body, call_context& ctx);

  std::int64_t now_ms(call_context& ctx) const { return client_.now_ms(ctx); }

 private:
  fusion_client& client_;
};

nlohmann::json parse_item_body(const http_response& res, call_kind kind);

// 'value' for a q condition; VALIDATION `oracle_fusion.unsearchable_value` (at `pointer`) for a
// value with a quote or ';', whose escaping in ADF q is not documented (vendors.md §3.5).
std::string q_value(const std::string& value, const std::string& pointer);

}  // namespace erpc::oracle_fusion
