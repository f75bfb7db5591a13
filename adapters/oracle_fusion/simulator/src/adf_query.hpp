// SPDX-License-Identifier: Apache-2.0
// ADF collection queries (vendors.md §3.5): `q=` conditions and limit/offset paging. Both
// `q` syntaxes are read: v1 query-by-example `A='x';B=3` and the framework ≥2 expression form
// `A='x' and B=3` (§3.4) — only equality, which is all an adapter's natural-key lookup needs.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace erpc::sim::oracle_fusion {

struct condition {
  std::string attribute;
  std::string value;  // unquoted
};

// nullopt when `q` cannot be read (an operator other than '=', an unclosed quote).
std::optional<std::vector<condition>> parse_q(const std::string& q);

// Whether the item's attribute, as text (numbers in their exact text), equals the value.
bool matches(const nlohmann::json& item, const std::vector<condition>& conditions);

struct page_request {
  std::int64_t limit = 25;  // ADF default (§3.5)
  std::int64_t offset = 0;
  bool total_results = false;
};

}  // namespace erpc::sim::oracle_fusion
