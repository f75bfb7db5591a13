// SPDX-License-Identifier: Apache-2.0
#include "odata_error.hpp"

#include <nlohmann/json.hpp>

namespace erpc::sim::bc {

server_response odata_error(unsigned status, const std::string& code, const std::string& message) {
  const nlohmann::json body = {{"error", {{"code", code}, {"message", message}}}};
  return server_response::json(status, body.dump());
}

}  // namespace erpc::sim::bc
