// SPDX-License-Identifier: Apache-2.0
// Business Central's error answer (vendors.md §4.4): OData v4 `{"error": {"code", "message"}}`
// with codes of the families BadRequest_*, Authentication_*, Internal_*, Application_*,
// Request_EntityChanged. The simulator adds no "CorrelationId" suffix (its form is
// unconfirmed, §4.4).
#pragma once

#include <erpc/host/server_response.hpp>

#include <string>

namespace erpc::sim::bc {

server_response odata_error(unsigned status, const std::string& code, const std::string& message);

// A refusal a handler throws; the router answers it with odata_error.
struct odata_refusal {
  unsigned status;
  std::string code;
  std::string message;
};

}  // namespace erpc::sim::bc
