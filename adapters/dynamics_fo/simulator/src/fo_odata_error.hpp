// SPDX-License-Identifier: Apache-2.0
// F&O's error answer (vendors.md §5.3): `{"error": {"code": "", "message": "An error has
// occurred.", "innererror": {"message", "type", "stacktrace"}}}` — a failed write (a duplicate
// key, a validation failure) is HTTP 500 with the Infolog text in innererror.message and type
// ...AxODataWriteException; error.code stays empty.
#pragma once

#include <erpc/host/server_response.hpp>

#include <string>

namespace erpc::sim::fo {

inline constexpr const char* write_exception_type =
    "Microsoft.Dynamics.Platform.Integration.Services.OData.AxODataWriteException";

// Any error document: code (usually ""), message, optional innererror.
server_response fo_error(unsigned status, const std::string& message,
                         const std::string& inner_message = {}, const std::string& inner_type = {});

// The 500 of a failed write: "Write failed for table row of type '<entity>'. Infolog: <infolog>".
server_response write_failed(const std::string& entity_type, const std::string& infolog);

// A refusal a handler throws; the router answers it.
struct fo_refusal {
  server_response response;
};

}  // namespace erpc::sim::fo
