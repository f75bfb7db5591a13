#pragma once
// The NetSuite connection every flow test points at the NetSuite simulator: credentials as env:
// references (the simulator's test credentials), the value maps the flows' documents use.
#include <nlohmann/json.hpp>

#include <string>

namespace erpc::flows_e2e {

// A NetSuite connection to the simulator at `base_url` (credentials as env: references).
inline nlohmann::json netsuite_connection_settings(const std::string& base_url) {
  return {{"account_id", "1234567_SB1"},
          {"base_url", base_url},
          {"consumer_key", "env:NS_CONSUMER_KEY"},
          {"consumer_secret", "env:NS_CONSUMER_SECRET"},
          {"token_id", "env:NS_TOKEN_ID"},
          {"token_secret", "env:NS_TOKEN_SECRET"},
          {"value_maps",
           {{"subsidiaries", {{"DE01", "1"}}},
            {"currencies", {{"EUR", "1"}, {"USD", "2"}}},
            {"accounts",
             {{"5400", "58"}, {"1361", "12"}, {"1200", "10"}, {"6855", "71"}, {"7900", "80"}}},
            {"tax_codes", {{"DE19", "7"}}}}},
          {"functional_currencies", {{"DE01", "EUR"}}}};
}

}  // namespace erpc::flows_e2e
