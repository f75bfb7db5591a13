// SPDX-License-Identifier: Apache-2.0
// The query of a `list` call for the adapters that page by offset (Business Central, F&O):
// "limit" (clamped to 1..max, a default when absent or not an integer), "cursor" (the decimal
// offset this adapter gave as next_cursor; a non-string cursor reads as absent) and the filters
// the adapter offers. Any other member is refused, never ignored: a filter silently dropped
// would list records the caller did not ask for. Header only.
#pragma once

#include <erpc/error.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace erpc::adapters {

struct offset_page {
  int limit = 0;
  std::int64_t offset = 0;
};

// UNSUPPORTED `<prefix>.query_unsupported` at /query/<member> for a filter not in `filters`;
// VALIDATION `<prefix>.cursor` for a cursor that is not up to 12 decimal digits.
inline offset_page read_offset_page(const nlohmann::json& query, const std::string& prefix,
                                    const std::vector<std::string_view>& filters,
                                    int default_limit, int max_limit) {
  const auto& q = query.is_object() ? query : nlohmann::json::object();
  for (const auto& [name, value] : q.items()) {
    if (name != "limit" && name != "cursor" &&
        std::find(filters.begin(), filters.end(), name) == filters.end()) {
      throw error(error_class::unsupported, prefix + ".query_unsupported",
                  "list does not offer the filter " + name)
          .with_field("/query/" + name, prefix + ".query_unsupported", "not offered")
          .with_effect(effect::none);
    }
  }
  offset_page page;
  page.limit = q.contains("limit") && q["limit"].is_number_integer()
                   ? std::clamp(q["limit"].get<int>(), 1, max_limit)
                   : default_limit;
  const auto cursor = q.find("cursor");
  if (cursor != q.end() && cursor->is_string() && !cursor->get<std::string>().empty()) {
    const auto c = cursor->get<std::string>();
    if (c.size() > 12 || !std::all_of(c.begin(), c.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
      throw error(error_class::validation, prefix + ".cursor", "the cursor is not one this adapter gave")
          .with_field("/query/cursor", prefix + ".cursor", "malformed")
          .with_effect(effect::none);
    }
    page.offset = std::stoll(c);
  }
  return page;
}

}  // namespace erpc::adapters
