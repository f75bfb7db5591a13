// SPDX-License-Identifier: Apache-2.0
#include "strict_document.hpp"

#include <erpc/error.hpp>

#include <set>
#include <vector>

namespace erpc::detail {
namespace {

constexpr std::size_t max_depth = 64;

}  // namespace

nlohmann::json parse_strict_document(std::string_view text, std::size_t max_bytes,
                                     const std::string& code, const std::string& what) {
  if (text.size() > max_bytes) {
    throw error(error_class::configuration, code,
                what + " is " + std::to_string(text.size()) + " bytes, more than the " +
                    std::to_string(max_bytes) + " allowed");
  }
  // The callback sees every key and value as it is read, which is the only place nlohmann
  // still knows about a duplicate key (the object keeps the last one silently).
  std::vector<std::set<std::string>> keys;
  std::string problem;
  const auto check = [&](int depth, nlohmann::json::parse_event_t event, nlohmann::json& value) {
    using event_t = nlohmann::json::parse_event_t;
    if (!problem.empty()) return false;
    switch (event) {
      case event_t::object_start:
      case event_t::array_start:
        if (static_cast<std::size_t>(depth) >= max_depth) {
          problem = "nesting deeper than " + std::to_string(max_depth);
          return false;
        }
        keys.emplace_back();
        break;
      case event_t::object_end:
      case event_t::array_end:
        if (!keys.empty()) keys.pop_back();
        break;
      case event_t::key:
        if (!keys.empty() && !keys.back().insert(value.get<std::string>()).second) {
          problem = "duplicate key \"" + value.get<std::string>() + "\"";
          return false;
        }
        break;
      case event_t::value:
        if (value.is_number_float()) {
          problem = "a non-integer number (amounts and versions are strings)";
          return false;
        }
        break;
    }
    return true;
  };
  nlohmann::json document;
  try {
    document = nlohmann::json::parse(text.begin(), text.end(), check, true, false);
  } catch (const nlohmann::json::exception& e) {
    throw error(error_class::configuration, code, what + " is not valid JSON: " + e.what());
  }
  if (!problem.empty()) {
    throw error(error_class::configuration, code, what + " is not strict JSON: " + problem);
  }
  return document;
}

}  // namespace erpc::detail
