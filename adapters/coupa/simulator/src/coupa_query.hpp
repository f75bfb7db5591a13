// SPDX-License-Identifier: Apache-2.0
// Coupa collection queries (vendors.md §10.1): a field by its hyphenated name, a nested field in
// brackets, an operator as the last bracket — `invoice-number=INV-1`, `supplier[id]=7`,
// `status[in]=approved,pending_approval`, `invoice-date[gt]=2010-01-01T12:00:00`,
// `exported=false` — and `limit` (at most 50, secondary) + `offset` paging.
#pragma once

#include <erpc/host/server_request.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace erpc::sim::coupa {

inline constexpr std::int64_t max_limit = 50;

enum class query_operator { eq, not_eq_, in, not_in, gt, lt, gt_or_eq, lt_or_eq, contains, starts_with };

struct condition {
  std::vector<std::string> path;  // {"supplier", "id"}
  query_operator op = query_operator::eq;
  std::string value;
};

struct collection_query {
  std::vector<condition> conditions;
  std::int64_t limit = max_limit;
  std::int64_t offset = 0;
};

// nullopt with `problem` set for a parameter that cannot be read (a malformed bracket, a
// limit or offset that is not a non-negative integer).
std::optional<collection_query> parse_collection_query(const http_params& params,
                                                       std::string& problem);

bool matches(const nlohmann::json& record, const std::vector<condition>& conditions);

}  // namespace erpc::sim::coupa
