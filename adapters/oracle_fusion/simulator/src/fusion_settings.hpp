// SPDX-License-Identifier: Apache-2.0
// The names of the Oracle Fusion simulator's settings (defaults and sources:
// fusion_settings.cpp; docs/simulators.md repeats the table).
#pragma once

#include <erpc/sim/simulator_settings.hpp>

#include <vector>

namespace erpc::sim::oracle_fusion {

namespace settings {
inline constexpr const char* auth_mode = "auth.mode";
inline constexpr const char* user = "auth.user";
inline constexpr const char* password = "auth.password";
inline constexpr const char* client_id = "auth.client_id";
inline constexpr const char* client_secret = "auth.client_secret";
inline constexpr const char* token_ttl = "auth.token_ttl_seconds";
inline constexpr const char* structured_errors = "errors.adf_json_when_asked";
inline constexpr const char* duplicate_status = "invoices.duplicate_status";
inline constexpr const char* duplicate_detail = "invoices.duplicate_detail";
inline constexpr const char* duplicate_code = "invoices.duplicate_error_code";
inline constexpr const char* check_sites = "invoices.check_supplier_site";
inline constexpr const char* supplier_duplicate_name = "suppliers.duplicate_name";
inline constexpr const char* payment_duplicate_number = "payments.duplicate_number";
inline constexpr const char* upsert_mode = "upsert_mode.behaviour";
}  // namespace settings

std::vector<setting_spec> fusion_setting_specs();

}  // namespace erpc::sim::oracle_fusion
