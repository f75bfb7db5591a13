// SPDX-License-Identifier: Apache-2.0
#include "coupa_errors.hpp"

#include <nlohmann/json.hpp>

namespace erpc::sim::coupa {

server_response error_response(const coupa_error& e, const std::string& shape) {
  if (shape == "plain_text") return server_response::text(e.status, e.message);
  const nlohmann::json body = {
      {"errors", {{e.field.empty() ? std::string("base") : e.field, nlohmann::json::array({e.message})}}}};
  return server_response::json(e.status, body.dump());
}

}  // namespace erpc::sim::coupa
