// SPDX-License-Identifier: Apache-2.0
// Server middleware that counts every answered request by method, route pattern ("unmatched"
// for a 404) and status, and times it. Add it first so it sees every other middleware's answer.
#pragma once

#include <erpc/host/http_router.hpp>
#include <erpc/host/metrics_registry.hpp>

namespace erpc {

// `metrics` must outlive the router.
http_middleware metrics_middleware(metrics_registry& metrics);

// GET /metrics: the registry's text.
http_handler metrics_handler(const metrics_registry& metrics);

}  // namespace erpc
