#pragma once
// The NetSuite connection every flow test points at the NetSuite simulator: credentials as env:
// references (the simulator's test credentials), the value maps the flows' documents use.
#include "netsuite_sim_fixture.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace erpc::flows_e2e {

// A NetSuite connection to the simulator at `base_url` (credentials as env: references).
inline nlohmann::json netsuite_connection_settings(const std::string& base_url) {
  return netsuite::testing::connection_to_sim(
      base_url,
      {{"subsidiaries", {{"DE01", "1"}}},
       {"currencies", {{"EUR", "1"}, {"USD", "2"}}},
       {"accounts", {{"5400", "58"}, {"1361", "12"}, {"1200", "10"}, {"6855", "71"}, {"7900", "80"}}},
       {"tax_codes", {{"DE19", "7"}}}});
}

}  // namespace erpc::flows_e2e
