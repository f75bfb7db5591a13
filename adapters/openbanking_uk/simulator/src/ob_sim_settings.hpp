// SPDX-License-Identifier: Apache-2.0
// The settings of the UK Open Banking simulator: names, defaults and the vendors.md line each
// stands for (table in docs/simulators.md "UK Open Banking").
#pragma once

#include <erpc/sim/simulator_settings.hpp>

#include <vector>

namespace erpc::sim::openbanking::setting {

inline constexpr const char* client_id = "auth.client_id";
inline constexpr const char* client_secret = "auth.client_secret";
inline constexpr const char* token_ttl = "auth.token_ttl_seconds";
inline constexpr const char* psu = "psu.authorisation";
inline constexpr const char* idempotency_validity = "idempotency.validity_seconds";
inline constexpr const char* idempotency_conflict = "idempotency.conflict_response";
inline constexpr const char* consent_expiry = "consent.expiry_seconds";
inline constexpr const char* progression = "payments.status_progression";
inline constexpr const char* step_seconds = "payments.status_step_seconds";
inline constexpr const char* final_status = "payments.final_status";
inline constexpr const char* rate_limit = "rate_limit.requests_per_window";
inline constexpr const char* rate_window = "rate_limit.window_seconds";

std::vector<setting_spec> all();

}  // namespace erpc::sim::openbanking::setting
