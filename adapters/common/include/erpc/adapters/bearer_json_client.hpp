// SPDX-License-Identifier: Apache-2.0
// JSON over HTTP with an OAuth 2.0 client-credentials bearer token, as the Microsoft OData
// adapters (Business Central vendors.md §4.1–§4.2, F&O §5.1–§5.2) send every request: the
// token cached per connection (oauth2_client_credentials), one refresh and resend on a 401 (a
// 401 wrote nothing), bodies written with exact decimals, a transport failure thrown with the
// taxonomy's class (not sent → UNAVAILABLE; sent without a complete reply → OUTCOME_UNKNOWN
// for a write, UNAVAILABLE `<prefix>.read_reply_lost` for a read). What the vendor's URLs and
// error bodies look like stays in each adapter's client.
#pragma once

#include <erpc/adapters/oauth2_client_credentials.hpp>
#include <erpc/adapters/vendor_errors.hpp>
#include <erpc/call_context.hpp>
#include <erpc/http_client.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace erpc::adapters {

using http_headers = std::vector<std::pair<std::string, std::string>>;

class bearer_json_client {
 public:
  // `code_prefix` ("bc") names the errors, `vendor_name` ("Business Central") says who in
  // messages. The client id and secret references are resolved now, so a broken reference
  // fails open(), not the first call; the token itself is fetched on first use.
  bearer_json_client(host_ref host, oauth2_client_settings auth, std::string code_prefix,
                     std::string vendor_name, call_context& ctx);

  // One request with Authorization and Accept: application/json, then `headers`, then (with a
  // body) Content-Type: application/json.
  http_response send(const std::string& method, const std::string& url, call_kind kind,
                     call_context& ctx, const nlohmann::json* body = nullptr,
                     const http_headers& headers = {});

  // The host's clock, or the system clock when the host has none.
  static std::int64_t now_ms(call_context& ctx);

 private:
  http_client http_;
  oauth2_client_credentials auth_;
  std::string code_prefix_;
  std::string vendor_name_;
};

// Client credentials as Microsoft Entra takes them: id and secret as form parameters
// (vendors.md §4.2, §5.2).
oauth2_client_settings entra_client_settings(std::string token_url, std::string client_id_ref,
                                             std::string client_secret_ref, std::string scope,
                                             std::string code_prefix);

// The JSON body of a response (exact decimals); INTERNAL `<code_prefix>.malformed_response`
// ("<vendor_name> answered HTTP <status> but its body is not JSON") otherwise.
nlohmann::json exact_json_body(const http_response& res, call_kind kind,
                               std::string_view code_prefix, std::string_view vendor_name);

}  // namespace erpc::adapters
