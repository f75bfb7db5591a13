// SPDX-License-Identifier: Apache-2.0
// The names of the Coupa simulator's settings (defaults and sources: coupa_settings.cpp;
// docs/simulators-coupa.md repeats the table).
#pragma once

#include <erpc/sim/simulator_settings.hpp>

#include <vector>

namespace erpc::sim::coupa {

namespace settings {
inline constexpr const char* client_id = "auth.client_id";
inline constexpr const char* client_secret = "auth.client_secret";
inline constexpr const char* token_ttl = "auth.token_ttl_seconds";
inline constexpr const char* enforce_scopes = "auth.enforce_scopes";
inline constexpr const char* without_json_accept = "format.without_json_accept";
inline constexpr const char* rate_per_second = "rate_limit.requests_per_second";
inline constexpr const char* rate_burst = "rate_limit.burst";
inline constexpr const char* retry_after = "rate_limit.retry_after_seconds";
inline constexpr const char* error_shape = "errors.body_shape";
inline constexpr const char* rest_create = "invoices.rest_create";
inline constexpr const char* duplicate_number = "invoices.duplicate_number";
inline constexpr const char* duplicate_status = "invoices.duplicate_status";
inline constexpr const char* initial_status = "invoices.initial_status";
inline constexpr const char* export_route = "export.route";
inline constexpr const char* supplier_duplicate_name = "suppliers.duplicate_name";
}  // namespace settings

std::vector<setting_spec> coupa_setting_specs();

}  // namespace erpc::sim::coupa
