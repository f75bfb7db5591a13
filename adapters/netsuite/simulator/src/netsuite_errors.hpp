// SPDX-License-Identifier: Apache-2.0
// NetSuite REST error bodies (vendors.md §1.4): {type, title, status, o:errorDetails[{detail,
// o:errorCode, o:errorPath?}]}, with the `type` links and titles of Oracle's examples.
#pragma once

#include <erpc/host/server_response.hpp>

#include <string>
#include <string_view>

namespace erpc::sim::netsuite {

// The detail Oracle's 401 example carries, verbatim (§1.4).
inline constexpr std::string_view invalid_login_detail =
    "Invalid login attempt. For more details, see the Login Audit Trail in the NetSuite UI at "
    "Setup > Users/Roles > User Management > View Login Audit Trail.";

struct error_options {
  std::string error_path;  // o:errorPath, omitted when empty
  std::string title;       // "" = the status's reason phrase
  std::string type;        // "" = the RFC 2616 link for the status
};

server_response error_body(unsigned status, std::string_view code, std::string_view detail,
                         const error_options& options = {});

server_response invalid_login();  // 401 INVALID_LOGIN, the body of Oracle's example

}  // namespace erpc::sim::netsuite
