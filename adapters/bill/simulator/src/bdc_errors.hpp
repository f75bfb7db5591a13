// SPDX-License-Identifier: Apache-2.0
// BILL v3 error answers (vendors.md §10.2): HTTP 4xx/5xx with a JSON array
// [{"timestamp", "code": "BDC_…", "severity", "category", "message"}].
#pragma once

#include <erpc/host/server_response.hpp>

#include <string>

namespace erpc::sim::bill {

struct bdc_error {
  unsigned status = 400;
  std::string code;                   // "BDC_1109"
  std::string message;
  std::string category = "REQUEST";   // REQUEST | APPLICATION | SERVER | DOWNSTREAM
  std::string severity = "ERROR";     // ERROR | WARNING | INFORMATION
};

// The codes vendors.md §10.2 names, with its texts where it gives one.
inline constexpr const char* bad_credentials = "BDC_1101";
inline constexpr const char* bad_dev_key = "BDC_1102";
inline constexpr const char* session_invalid = "BDC_1109";
inline constexpr const char* api_not_supported = "BDC_1121";
inline constexpr const char* hourly_limit = "BDC_1144";
inline constexpr const char* concurrent_limit = "BDC_1322";
inline constexpr const char* session_invalid_text = "Session is invalid. Please log in.";
inline constexpr const char* concurrent_text =
    "Max number of concurrent requests per organization reached.";

server_response error_response(const bdc_error& e);

}  // namespace erpc::sim::bill
