// SPDX-License-Identifier: Apache-2.0
// The names of the NetSuite simulator's settings (defaults and sources: netsuite_settings.cpp).
#pragma once

#include <erpc/sim/simulator_settings.hpp>

#include <vector>

namespace erpc::sim::netsuite {

namespace settings {
inline constexpr const char* auth_mode = "auth.mode";
inline constexpr const char* account_id = "auth.account_id";
inline constexpr const char* consumer_key = "auth.consumer_key";
inline constexpr const char* consumer_secret = "auth.consumer_secret";
inline constexpr const char* token_id = "auth.token_id";
inline constexpr const char* token_secret = "auth.token_secret";
inline constexpr const char* duplicate_external_id = "records.duplicate_external_id";
inline constexpr const char* duplicate_error_code = "records.duplicate_error_code";
inline constexpr const char* upsert_status = "records.upsert_status";
inline constexpr const char* not_found_code = "records.not_found_code";
inline constexpr const char* check_references = "records.check_references";
inline constexpr const char* concurrency_limit = "concurrency.limit";
inline constexpr const char* concurrency_error_form = "concurrency.error_form";
inline constexpr const char* concurrency_error_code = "concurrency.error_code";
inline constexpr const char* concurrency_retry_after = "concurrency.retry_after_seconds";
inline constexpr const char* response_delay_ms = "latency.response_delay_ms";
inline constexpr const char* idempotency_key_sync = "async.idempotency_key_on_sync";
inline constexpr const char* async_job_delay_ms = "async.job_delay_ms";
inline constexpr const char* suiteql_require_transient = "suiteql.require_prefer_transient";
inline constexpr const char* bill_approval_default = "payables.bill_approval_default";
inline constexpr const char* overapplication = "payables.overapplication";
inline constexpr const char* void_method = "payables.void_method";
inline constexpr const char* exchange_rates = "payables.exchange_rates";
}  // namespace settings

std::vector<setting_spec> netsuite_setting_specs();

}  // namespace erpc::sim::netsuite
