// SPDX-License-Identifier: Apache-2.0
// The NetSuite REST client of one connection: every request signed with OAuth 1.0a TBA
// (vendors.md §1.3, shared signer in adapters/common) and sent through the host's HTTP service.
// The four TBA credentials are resolved from the host secret service; when NetSuite answers
// 401 the references are resolved once more (a rotated credential is picked up) and the request
// is signed afresh and re-sent once (a 401 wrote nothing, so the re-send cannot duplicate).
#pragma once

#include "netsuite_config.hpp"
#include "netsuite_errors.hpp"

#include <erpc/adapters/oauth1_signer.hpp>
#include <erpc/call_context.hpp>
#include <erpc/http_client.hpp>

#include <memory>
#include <mutex>
#include <string>

namespace erpc::netsuite {

struct outbound {
  std::string method = "GET";
  std::string url;  // absolute
  std::string body;  // JSON, may be empty
  http_headers headers;  // besides Authorization / Content-Type / Accept
};

class netsuite_client {
 public:
  netsuite_client(host_ref host, connection_config config, call_context& ctx);

  const connection_config& config() const noexcept { return config_; }

  // /services/rest/record/v1/{type}[/{id}]
  std::string record_url(std::string_view record_type, std::string_view id = {}) const;
  // An absolute URL for a Location NetSuite sent (absolute, or a path on the account host).
  std::string absolute(std::string_view location) const;

  // Sends one signed request and returns the complete response. A transport failure is
  // thrown: not sent → UNAVAILABLE; sent without a reply → OUTCOME_UNKNOWN for a write,
  // UNAVAILABLE for a read (a read has no effect to be unsure about).
  // The request is taken (its URL, headers and body move into the HTTP request, not copied).
  http_response send(outbound request, call_kind kind, call_context& ctx);

 private:
  oauth1::credentials resolve_credentials(call_context& ctx) const;
  std::shared_ptr<const oauth1::signer> current_signer() const;

  http_client http_;
  connection_config config_;
  mutable std::mutex mutex_;
  oauth1::credentials credentials_;
  std::shared_ptr<const oauth1::signer> signer_;
};

}  // namespace erpc::netsuite
