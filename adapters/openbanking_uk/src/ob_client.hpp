// SPDX-License-Identifier: Apache-2.0
// The HTTP side of one UK Open Banking connection (vendors.md §8.1): every request carries the
// client-credentials bearer token (adapters/common oauth2_client_credentials) and a fresh
// x-fapi-interaction-id; every POST its x-idempotency-key. A 401 is answered once,
// transparently: a new token is fetched and the request sent again (a 401 wrote nothing, and the
// same x-idempotency-key goes with it). `x-jws-signature` is not sent (README "Limits").
#pragma once

#include "ob_config.hpp"
#include "ob_errors.hpp"

#include <erpc/adapters/oauth2_client_credentials.hpp>
#include <erpc/call_context.hpp>
#include <erpc/http_client.hpp>

#include <cstdint>
#include <string>

namespace erpc::openbanking {

class ob_client {
 public:
  ob_client(host_ref host, connection_config config, call_context& ctx);

  const connection_config& config() const noexcept { return config_; }

  // One request to base_url + api_path + `path`. POST when `idempotency_key` is not empty.
  // A transport failure is thrown: not sent → UNAVAILABLE; sent without a reply → OUTCOME_UNKNOWN
  // for a POST, UNAVAILABLE for a read (a read has no effect to be unsure about).
  http_response send(const std::string& path, const std::string& body,
                     const std::string& idempotency_key, call_step step, call_context& ctx);

  std::int64_t now_ms(call_context& ctx) const;

 private:
  http_client http_;
  connection_config config_;
  adapters::oauth2_client_credentials token_;
};

// A random RFC 4122 version-4 UUID (x-fapi-interaction-id).
std::string interaction_id();

}  // namespace erpc::openbanking
