// SPDX-License-Identifier: Apache-2.0
#include "erpc/host/server_response.hpp"

#include <erpc/error_abi.hpp>

namespace erpc {

server_response server_response::json(unsigned status, std::string body) {
  return {status, {{"Content-Type", "application/json"}}, std::move(body)};
}

server_response server_response::text(unsigned status, std::string body) {
  return {status, {{"Content-Type", "text/plain; charset=utf-8"}}, std::move(body)};
}

unsigned http_status_for(error_class cls) noexcept {
  switch (cls) {
    case error_class::validation: return 400;
    case error_class::conflict: return 409;
    case error_class::not_found: return 404;
    case error_class::idempotency_key_reuse: return 422;
    case error_class::authentication: return 401;
    case error_class::permission: return 403;
    case error_class::configuration: return 500;
    case error_class::unsupported: return 501;
    case error_class::rate_limited: return 429;
    case error_class::unavailable: return 503;
    case error_class::in_progress: return 409;
    case error_class::outcome_unknown: return 502;
    case error_class::internal: return 500;
  }
  return 500;
}

server_response error_response(unsigned status, const error& e, std::string_view correlation_id) {
  nlohmann::json body = error_to_json(e);
  if (!correlation_id.empty()) body["correlation_id"] = std::string(correlation_id);
  server_response response = server_response::json(
      status, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  if (e.retry_after_ms()) {
    const std::int64_t ms = *e.retry_after_ms() < 0 ? 0 : *e.retry_after_ms();
    response.headers.set("Retry-After", std::to_string((ms + 999) / 1000));
  }
  return response;
}

}  // namespace erpc
