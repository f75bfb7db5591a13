// SPDX-License-Identifier: Apache-2.0
// The Line No. of a line POSTed to a journal batch (general journals and vendor payment
// journals alike, vendors.md §4.1): the request's lineNumber, or the batch's highest plus
// 10000 as BC assigns it; a number the batch already holds is refused as BC refuses a second
// Gen. Journal Line with the same key.
#pragma once

#include "odata_error.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <string>

namespace erpc::sim::bc {

// `lines`: the batch's lines; `template_name` "GENERAL" or "PAYMENT"; `same_key_status` the
// status BC answers a duplicate key with (a simulator setting).
inline std::int64_t journal_line_number(const nlohmann::json& body, const nlohmann::json& lines,
                                        const std::string& template_name,
                                        const std::string& batch_code, unsigned same_key_status) {
  std::int64_t number = 0;
  if (const auto n = body.find("lineNumber"); n != body.end()) {
    if (!n->is_number_integer()) refuse(400, "BadRequest", "lineNumber must be an integer.");
    number = n->get<std::int64_t>();
  } else {
    for (const auto& l : lines) number = std::max(number, l["lineNumber"].get<std::int64_t>());
    number += 10000;
  }
  for (const auto& l : lines) {
    if (l["lineNumber"].get<std::int64_t>() == number) {
      refuse(same_key_status, "Internal_EntityWithSameKeyExists",
             "The record in table Gen. Journal Line already exists. Identification fields and "
             "values: Journal Template Name='" + template_name + "',Journal Batch Name='" +
                 batch_code + "',Line No.='" + std::to_string(number) + "'");
    }
  }
  return number;
}

}  // namespace erpc::sim::bc
