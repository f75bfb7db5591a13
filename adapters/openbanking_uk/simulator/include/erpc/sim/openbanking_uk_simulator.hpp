// SPDX-License-Identifier: Apache-2.0
// The UK Open Banking Payment Initiation simulator (v3.1.11, vendors.md §8; docs/simulators.md
// "UK Open Banking"): OAuth 2.0 client credentials, domestic payment consents, domestic payments
// and their status, x-idempotency-key with a validity window, the consumed-consent guard,
// OBErrorResponse1 bodies, 429 + Retry-After, x-fapi-interaction-id echoed. PSU authorisation is
// a setting (auto-approve, auto-reject, manual); every unconfirmed behaviour is a setting.
//
//   erpc::sim::simulator_server sim(erpc::sim::make_openbanking_uk_simulator());
#pragma once

#include <erpc/sim/vendor_simulator.hpp>

#include <memory>

namespace erpc::sim {

// vendor() is "openbanking_uk" (the name `erpc sim` takes).
std::unique_ptr<vendor_simulator> make_openbanking_uk_simulator();

}  // namespace erpc::sim
