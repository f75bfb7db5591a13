// SPDX-License-Identifier: Apache-2.0
#include "erpc/host/metrics_middleware.hpp"

#include <chrono>

namespace erpc {

http_middleware metrics_middleware(metrics_registry& metrics) {
  return [&metrics](const server_request& request, const http_handler& next) {
    const auto started = std::chrono::steady_clock::now();
    server_response response = next(request);
    // Routes are patterns, so the label set stays bounded whatever clients send; an unknown
    // method is folded for the same reason.
    const std::string_view route =
        request.route.empty() ? std::string_view("unmatched") : std::string_view(request.route);
    static constexpr std::string_view known[] = {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD",
                                                 "OPTIONS"};
    std::string_view method = "other";
    for (const auto m : known) {
      if (request.method == m) method = m;
    }
    metrics.count_http_request(method, route, response.status);
    metrics.observe_http_duration(method, route, std::chrono::steady_clock::now() - started);
    return response;
  };
}

http_handler metrics_handler(const metrics_registry& metrics) {
  return [&metrics](const server_request&) {
    server_response response{200, {}, metrics.text()};
    response.headers.set("Content-Type", std::string(metrics_registry::content_type));
    return response;
  };
}

}  // namespace erpc
