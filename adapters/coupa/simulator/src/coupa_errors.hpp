// SPDX-License-Identifier: Apache-2.0
// Coupa error answers. vendors.md §10.1 only says an exception carries a code and a short
// description with a standard HTTP status; the body shape is unconfirmed, so it is the setting
// errors.body_shape: Rails-style {"errors": {"<field>": ["<message>", …]}} or plain text.
#pragma once

#include <erpc/host/server_response.hpp>

#include <string>

namespace erpc::sim::coupa {

struct coupa_error {
  unsigned status = 400;
  std::string message;
  std::string field = "base";  // the hyphenated field the message is about
};

// `shape`: "json_errors" or "plain_text".
server_response error_response(const coupa_error& e, const std::string& shape);

}  // namespace erpc::sim::coupa
