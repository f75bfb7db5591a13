// SPDX-License-Identifier: Apache-2.0
// The NetSuite simulator for the adapter's integration tests, run as a child process and driven
// through its /_sim/ control API over HTTP (the shared erpc::sim::testing::sim_process says why),
// and how a test points a NetSuite connection at it.
#pragma once

#include <erpc/sim/testing/sim_process.hpp>
#include <erpc/testing/fake_secrets.hpp>

#include <nlohmann/json.hpp>

#include <array>
#include <string>

namespace erpc::netsuite::testing {

class netsuite_sim : public erpc::sim::testing::sim_process {
 public:
  netsuite_sim() : sim_process("netsuite") {}
};

// The simulator's TBA test credentials (docs/simulators.md), under the env: references the
// connection settings below name.
struct sim_credential {
  const char* reference;
  const char* value;
};
inline constexpr sim_credential sim_consumer_key{"env:NS_CONSUMER_KEY", "sim-consumer-key"};
inline constexpr sim_credential sim_consumer_secret{"env:NS_CONSUMER_SECRET", "sim-consumer-secret"};
inline constexpr sim_credential sim_token_id{"env:NS_TOKEN_ID", "sim-token-id"};
inline constexpr sim_credential sim_token_secret{"env:NS_TOKEN_SECRET", "sim-token-secret"};
inline constexpr std::array<sim_credential, 4> sim_credentials{
    sim_consumer_key, sim_consumer_secret, sim_token_id, sim_token_secret};

// Gives a fake host's secrets the simulator's credentials (a test may then replace one).
inline void give_sim_credentials(erpc::testing::fake_secrets& secrets) {
  for (const auto& c : sim_credentials) secrets.set(c.reference, c.value);
}

// Settings of a NetSuite connection to the simulator at `base_url`: its sandbox account, the
// credentials as env: references (sim_credentials), `value_maps`, and DE01 keeping its books
// in EUR.
inline nlohmann::json connection_to_sim(const std::string& base_url, nlohmann::json value_maps) {
  return {{"account_id", "1234567_SB1"},
          {"base_url", base_url},
          {"consumer_key", sim_consumer_key.reference},
          {"consumer_secret", sim_consumer_secret.reference},
          {"token_id", sim_token_id.reference},
          {"token_secret", sim_token_secret.reference},
          {"value_maps", std::move(value_maps)},
          {"functional_currencies", {{"DE01", "EUR"}}}};
}

}  // namespace erpc::netsuite::testing
