// SPDX-License-Identifier: Apache-2.0
// The /_sim/ control routes every simulator serves (simulator_server.hpp lists them).
#pragma once

#include <erpc/host/http_router.hpp>

namespace erpc::sim {

class simulator_server;

void add_control_routes(http_router& router, simulator_server& server);

}  // namespace erpc::sim
