// SPDX-License-Identifier: Apache-2.0
// ADF REST error answers (vendors.md §3.4): Fusion answers a terse plain-text body unless the
// client asks for application/vnd.oracle.adf.error+json, which gives
// {"title", "status", "o:errorDetails": [{"detail", "o:errorCode"?, "o:errorPath"?}]}
// (secondary sources; the exact shape is unconfirmed, so the JSON form is a setting).
#pragma once

#include <erpc/host/server_response.hpp>

#include <string>
#include <string_view>

namespace erpc::sim::oracle_fusion {

inline constexpr std::string_view adf_error_type = "application/vnd.oracle.adf.error+json";

struct adf_error {
  unsigned status = 400;
  std::string detail;
  std::string code;  // o:errorCode, omitted when empty
  std::string path;  // o:errorPath, omitted when empty
};

// `structured`: the request asked for the ADF JSON form and the setting allows it.
server_response error_response(const adf_error& e, bool structured);

}  // namespace erpc::sim::oracle_fusion
