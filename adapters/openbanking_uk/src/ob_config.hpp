// SPDX-License-Identifier: Apache-2.0
// The connection configuration of the UK Open Banking adapter (README "Configuration"): the
// ASPSP's base URL and API path, the token endpoint, client-credential references, and the
// defaults a domestic payment is initiated with (vendors.md §8.1).
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace erpc::openbanking {

struct connection_config {
  std::string base_url;                       // https://aspsp.example (no trailing '/')
  std::string api_path = "/open-banking/v3.1/pisp";
  std::string token_url;                      // default base_url + "/token"
  std::string client_id_ref;                  // secret reference
  std::string client_secret_ref;              // secret reference
  std::string scope = "payments";
  std::string local_instrument = "UK.OBIE.FPS";  // "" leaves LocalInstrument out
  std::string payment_context_code = "PartyToParty";

  std::string api_url(std::string_view path) const { return base_url + api_path + std::string(path); }
};

// Throws CONFIGURATION (openbanking_uk.config_invalid) with a field error per problem.
connection_config parse_config(const nlohmann::json& config);

nlohmann::json config_schema();

}  // namespace erpc::openbanking
