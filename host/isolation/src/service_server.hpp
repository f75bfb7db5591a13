#pragma once
// The parent's side of a proxied host service: runs a worker's service_call against the
// host's real services, as if the adapter had called them in this process, with the host-side
// state of the current call (correlation id for logs, deadline and traceparent for HTTP, the
// connection's files root).

#include <erpc/abi.h>

#include <nlohmann/json.hpp>

#include <optional>

namespace erpc {

class host_table;

// Returns the service_result frame, or nullopt for the one-way "log". A service the host does
// not offer, or a failing one, is a result with "ok":false and the error. Throws
// erpc::error(INTERNAL, isolation.bad_frame) for a service_call that is malformed.
std::optional<nlohmann::json> serve_service_call(const nlohmann::json& frame,
                                                 const host_table* services,
                                                 const erpc_call_v1* call);

}  // namespace erpc
