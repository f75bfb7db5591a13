// SPDX-License-Identifier: Apache-2.0
// Business Central's error answer (vendors.md §4.4): OData v4 `{"error": {"code", "message"}}`
// with codes of the families BadRequest_*, Authentication_*, Internal_*, Application_*,
// Request_EntityChanged. The simulator adds no "CorrelationId" suffix (its form is
// unconfirmed, §4.4).
#pragma once

#include <erpc/host/server_response.hpp>

#include <cstddef>
#include <string>
#include <utility>

namespace erpc::sim::bc {

server_response odata_error(unsigned status, const std::string& code, const std::string& message);

// A refusal a handler throws; the router answers it with odata_error.
struct odata_refusal {
  unsigned status;
  std::string code;
  std::string message;
};

[[noreturn]] inline void refuse(unsigned status, std::string code, std::string message) {
  throw odata_refusal{status, std::move(code), std::move(message)};
}

// BC's answer to a string longer than its field: 400 Application_StringExceededLength.
inline void refuse_too_long(const std::string& value, std::size_t max) {
  if (value.size() > max) {
    refuse(400, "Application_StringExceededLength",
           "The length of the string is " + std::to_string(value.size()) +
               ", but it must be less than or equal to " + std::to_string(max) +
               " characters. Value: " + value);
  }
}

}  // namespace erpc::sim::bc
