// SPDX-License-Identifier: Apache-2.0
// What a handler returns, and the canonical error answer (schemas/v1/error.schema.json) every
// refusal of the server base and every erpc::error thrown by a handler turns into.
#pragma once

#include <erpc/error.hpp>
#include <erpc/host/http_headers.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace erpc {

// How the server base hands an answer to the client. Everything but `normal` breaks the
// exchange on purpose and exists for fault injection (conformance/fault_proxy): a client must
// be seen to survive each of these the way it survives a real network.
enum class http_delivery {
  normal,
  reset,           // no answer: abortive close (SO_LINGER 0), the client reads ECONNRESET
  close,           // no answer: orderly close, the client reads EOF
  truncated_body,  // head with the Content-Length of the whole body, then only the first
                   // `truncated_body_bytes` bytes of it, then an orderly close
};

struct server_response {
  unsigned status = 200;
  http_headers headers;
  std::string body;
  http_delivery delivery = http_delivery::normal;
  std::size_t truncated_body_bytes = 0;  // truncated_body only; less than body.size()

  static server_response json(unsigned status, std::string body);  // application/json
  static server_response text(unsigned status, std::string body);  // text/plain; charset=utf-8
};

// The HTTP status for an error class when the handler does not choose one:
// VALIDATION 400, CONFLICT 409, NOT_FOUND 404, IDEMPOTENCY_KEY_REUSE 422, AUTHENTICATION 401,
// PERMISSION 403, CONFIGURATION 500, UNSUPPORTED 501, RATE_LIMITED 429, UNAVAILABLE 503,
// IN_PROGRESS 409, OUTCOME_UNKNOWN 502, INTERNAL 500.
unsigned http_status_for(error_class cls) noexcept;

// error_to_json(e) plus "correlation_id" when one is given; Retry-After (whole seconds,
// rounded up) when the error carries retry_after_ms.
server_response error_response(unsigned status, const error& e,
                             std::string_view correlation_id = {});
inline server_response error_response(const error& e, std::string_view correlation_id = {}) {
  return error_response(http_status_for(e.cls()), e, correlation_id);
}

}  // namespace erpc
