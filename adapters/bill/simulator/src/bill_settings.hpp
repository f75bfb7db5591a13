// SPDX-License-Identifier: Apache-2.0
// The names of the BILL simulator's settings (defaults and sources: bill_settings.cpp;
// docs/simulators-bill.md repeats the table).
#pragma once

#include <erpc/sim/simulator_settings.hpp>

#include <vector>

namespace erpc::sim::bill {

namespace settings {
inline constexpr const char* username = "auth.username";
inline constexpr const char* password = "auth.password";
inline constexpr const char* organization_id = "auth.organization_id";
inline constexpr const char* dev_key = "auth.dev_key";
inline constexpr const char* session_idle = "auth.session_idle_seconds";
inline constexpr const char* session_status = "errors.session_invalid_status";
inline constexpr const char* validation_code = "errors.validation_code";
inline constexpr const char* concurrent_limit = "limits.concurrent_per_org";
inline constexpr const char* concurrent_status = "limits.concurrent_status";
inline constexpr const char* hourly_limit = "limits.hourly_requests";
inline constexpr const char* hourly_status = "limits.hourly_status";
inline constexpr const char* hold_ms = "limits.hold_ms";
inline constexpr const char* invoice_fields = "bills.invoice_fields";
inline constexpr const char* duplicate_bill = "bills.duplicate_invoice_number";
inline constexpr const char* duplicate_status = "bills.duplicate_status";
inline constexpr const char* idempotency_header = "idempotency.key_header";
inline constexpr const char* mass_complete_ms = "mass_payments.complete_after_ms";
inline constexpr const char* mass_max = "mass_payments.max_bills";
}  // namespace settings

std::vector<setting_spec> bill_setting_specs();

}  // namespace erpc::sim::bill
