// SPDX-License-Identifier: Apache-2.0
// The list query of the BILL simulator: `filters=field:eq:"value",field2:eq:"value2"` (a field
// may be dotted, `invoice.invoiceNumber`), `max` (1–100, default 20) and an opaque `page`
// token taken from the previous answer's `nextPage`. vendors.md §10.2 does not give the list
// syntax; this is the simulator's reading of the v3 list endpoints (only `eq` is offered).
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace erpc::sim::bill {

struct filter_condition {
  std::string field;  // dotted path
  std::string value;
};

// nullopt for a filter that is not `field:eq:value` (quoted or bare) separated by commas.
std::optional<std::vector<filter_condition>> parse_filters(std::string_view text);

// Whether `record` holds every condition (numbers compare by their text).
bool matches(const nlohmann::json& record, const std::vector<filter_condition>& conditions);

std::string page_token(std::size_t offset);
std::optional<std::size_t> page_offset(std::string_view token);

}  // namespace erpc::sim::bill
