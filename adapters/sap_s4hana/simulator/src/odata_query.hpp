// SPDX-License-Identifier: Apache-2.0
// OData v2 system query options (vendors.md §2.5): $filter, $select, $expand, $orderby, $top,
// $skip, $skiptoken (server-driven paging), $inlinecount (allpages|none; anything else is a
// 400), $format. $filter supports what a read-back by natural key needs and a little more:
// comparisons eq ne gt ge lt le of a property with a literal ('text' with '' for a quote,
// numbers, true/false, null, datetime'…', datetimeoffset'…', guid'…'), joined by and/or/not and
// parentheses. Anything else is refused with a Gateway 400, never silently ignored.
#pragma once

#include "edm_model.hpp"

#include <erpc/host/server_request.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace erpc::sim::sap {

struct filter_node;  // the parsed $filter expression

struct order_key {
  std::string property;
  bool descending = false;
};

struct query_options {
  std::optional<std::size_t> top;
  std::size_t skip = 0;       // $skip plus $skiptoken (the simulator's skiptoken is an offset)
  bool inline_count = false;  // $inlinecount=allpages
  std::shared_ptr<const filter_node> filter;
  std::vector<std::string> select;
  std::vector<std::string> expand;  // navigation paths, "to_Supplier/to_SupplierCompany"
  std::vector<order_key> order_by;
  std::string format;  // "" when not given
};

// Throws gateway_error 400 (codes::bad_query) for an unknown $option, a malformed value, or a
// property the entity type does not have.
query_options parse_query_options(const http_params& params, const edm_entity_type& type);

// Whether `record` (kept values, see odata_values.hpp) satisfies the filter.
bool filter_matches(const filter_node& filter, const nlohmann::json& record,
                    const edm_entity_type& type);

// <0, 0, >0 comparing two kept values of `property` (missing or null sorts first).
int compare_kept_values(const edm_property& property, const nlohmann::json& a,
                        const nlohmann::json& b);

}  // namespace erpc::sim::sap
