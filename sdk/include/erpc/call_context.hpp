// SPDX-License-Identifier: Apache-2.0
// What an adapter sees of one host call: deadline, cancellation, correlation, logging, secrets.
#pragma once

#include <erpc/abi.h>
#include <erpc/error.hpp>
#include <erpc/host.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace erpc {

enum class log_level : std::uint32_t {
  trace = ERPC_LOG_TRACE,
  debug = ERPC_LOG_DEBUG,
  info = ERPC_LOG_INFO,
  warn = ERPC_LOG_WARN,
  error = ERPC_LOG_ERROR,
};

class call_context {
 public:
  call_context(host_ref host, const erpc_call_v1* call) noexcept : host_(host), call_(call) {}

  host_ref host() const noexcept { return host_; }
  const erpc_call_v1* abi_call() const noexcept { return call_; }

  std::int64_t deadline_unix_ms() const noexcept { return call_ ? call_->deadline_unix_ms : 0; }
  std::string_view correlation_id() const noexcept {
    return call_ && call_->correlation_id ? call_->correlation_id : "";
  }
  std::string_view traceparent() const noexcept {
    return call_ && call_->traceparent ? call_->traceparent : "";
  }
  bool cancelled() const noexcept {
    return call_ && call_->is_cancelled && call_->is_cancelled(call_) != 0;
  }

  // Wall clock of the host (tests drive it); falls back to 0 when the host offers no clock.
  std::int64_t now_unix_ms() const noexcept {
    const auto* clock = host_.service<erpc_host_clock_v1>(ERPC_HOST_CLOCK_V1);
    return clock ? clock->now_unix_ms(clock) : 0;
  }

  void log(log_level level, std::string_view message) const noexcept {
    const auto* log = host_.service<erpc_host_log_v1>(ERPC_HOST_LOG_V1);
    if (log) log->log(log, call_, static_cast<std::uint32_t>(level), message.data(), message.size());
  }

  // Resolves a secret reference ("env:NAME", "file:/path") through the host. The value never
  // passes through the host's logs; keep it in memory you control and out of error messages.
  std::string resolve_secret(const std::string& reference) const {
    const auto* secrets = host_.service<erpc_host_secrets_v1>(ERPC_HOST_SECRETS_V1);
    if (secrets == nullptr) {
      throw error(error_class::configuration, "sdk.secrets_unavailable",
                  "the host offers no secrets service");
    }
    struct sink_state {
      std::string value;
      std::string failure_code;
      std::string failure_message;
    } state;
    const auto status = secrets->resolve(
        secrets, reference.c_str(),
        [](void* user, const char* value, size_t len) {
          static_cast<sink_state*>(user)->value.assign(value, len);
        },
        &state,
        [](void* user, const erpc_error_v1* e) {
          auto* s = static_cast<sink_state*>(user);
          if (e && e->code) s->failure_code = e->code;
          if (e && e->message) s->failure_message = e->message;
        });
    if (status != 0) {
      throw error(error_class::configuration,
                  state.failure_code.empty() ? "sdk.secret_unresolved" : state.failure_code,
                  state.failure_message.empty() ? "secret reference could not be resolved"
                                                : state.failure_message);
    }
    return std::move(state.value);
  }

 private:
  host_ref host_;
  const erpc_call_v1* call_;
};

}  // namespace erpc
