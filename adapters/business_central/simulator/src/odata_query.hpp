// SPDX-License-Identifier: Apache-2.0
// The OData v4 query options the simulator serves (vendors.md §4.5): `$filter` as comparisons
// `property eq|ne 'text'|number|true|false` joined by `and`; `$top`, `$skip`, `$skiptoken`
// (server-driven paging: the simulator's own token is the offset), `$expand` of one navigation,
// `$select`. Anything else in `$filter` (or, parentheses, functions) is refused: the caller
// answers 400 BadRequest.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace erpc::sim::bc {

struct comparison {
  std::string property;
  bool equal = true;         // eq; false: ne
  nlohmann::json value;      // string, number (as text, compared by value), or boolean
};

struct odata_query {
  std::vector<comparison> filter;
  std::optional<std::size_t> top;
  std::size_t skip = 0;
  std::string expand;
  std::vector<std::string> select;
};

// nullopt with `why` set when an option is malformed or not served.
std::optional<odata_query> parse_odata_query(
    const std::vector<std::pair<std::string, std::string>>& params, std::string& why);

// Whether an entity (exact JSON, amounts as decimal nodes) satisfies every comparison.
bool matches(const nlohmann::json& entity, const std::vector<comparison>& filter);

}  // namespace erpc::sim::bc
