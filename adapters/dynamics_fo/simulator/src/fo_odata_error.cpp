// SPDX-License-Identifier: Apache-2.0
#include "fo_odata_error.hpp"

#include <nlohmann/json.hpp>

namespace erpc::sim::fo {

server_response fo_error(unsigned status, const std::string& message,
                         const std::string& inner_message, const std::string& inner_type) {
  nlohmann::json body = {{"error", {{"code", ""}, {"message", message}}}};
  if (!inner_message.empty() || !inner_type.empty()) {
    body["error"]["innererror"] = {
        {"message", inner_message},
        {"type", inner_type},
        {"stacktrace",
         "   at Microsoft.Dynamics.Platform.Integration.Services.OData.Update.UpdateProcessor."
         "CreateEntity_Save(...)"}};
  }
  auto res = server_response::json(status, body.dump());
  res.headers.set("Content-Type", "application/json; odata.metadata=minimal");
  res.headers.set("OData-Version", "4.0");
  return res;
}

server_response write_failed(const std::string& entity_type, const std::string& infolog) {
  return fo_error(500, "An error has occurred.",
                  "Write failed for table row of type '" + entity_type + "'. Infolog: " + infolog,
                  write_exception_type);
}

}  // namespace erpc::sim::fo
