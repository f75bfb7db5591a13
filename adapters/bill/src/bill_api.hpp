// SPDX-License-Identifier: Apache-2.0
// BILL v3 record calls on the connection's client, every answer read with exact decimals and
// every failure mapped: a list with `filters=field:eq:"value",…`, `max` and the `page` token of
// the previous answer's `nextPage`; a record by id; a POST. The list syntax is not in
// vendors.md §10.2 (the simulator's reading of the v3 list endpoints, docs/simulators-bill.md).
#pragma once

#include "bill_client.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace erpc::bill {

using filter_list = std::vector<std::pair<std::string, std::string>>;  // field → value (eq)

struct list_page {
  std::vector<nlohmann::json> results;
  std::string next_page;  // "" on the last page
};

class bill_api {
 public:
  explicit bill_api(bill_client& client) : client_(client) {}

  bill_client& client() noexcept { return client_; }

  list_page list(const std::string& resource, const filter_list& filters, int max,
                 const std::string& page, call_context& ctx);
  // Every record the filters find, following nextPage (a read-back must see them all).
  std::vector<nlohmann::json> list_all(const std::string& resource, const filter_list& filters,
                                       call_context& ctx);
  // GET {resource}/{id}; nullopt on 404.
  std::optional<nlohmann::json> get(const std::string& resource, const std::string& id,
                                    call_context& ctx);
  // The raw response (the caller decides what a refusal means).
  http_response post(const std::string& resource, const nlohmann::json& body, call_context& ctx);

  std::int64_t now_ms(call_context& ctx) const { return client_.now_ms(ctx); }

 private:
  bill_client& client_;
};

// A record body (JSON object); INTERNAL `bill.malformed_response` otherwise.
nlohmann::json parse_record(const http_response& res, call_kind kind);

// A value for a filter; VALIDATION `bill.unsearchable_value` (at `pointer`) for a value with a
// double quote, whose escaping in v3 filters is not documented.
std::string filter_value(const std::string& value, const std::string& pointer);

// A record id fit for a path: letters, digits, '-', '_' (≤ 64).
bool is_plain_token(const std::string& text);
// A page token as BILL gave it (opaque, sent back percent-encoded): printable ASCII without
// spaces, ≤ 512.
bool is_page_token(const std::string& text);

}  // namespace erpc::bill
