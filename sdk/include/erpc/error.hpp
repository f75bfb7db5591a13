// SPDX-License-Identifier: Apache-2.0
// The one error type of erpconnect: a class from the taxonomy (docs/errors.md), a stable code,
// an operator message, whether a vendor effect may have happened, and optional detail.
#pragma once

#include <erpc/abi.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace erpc {

enum class error_class : std::uint32_t {
  validation = ERPC_ERROR_VALIDATION,
  conflict = ERPC_ERROR_CONFLICT,
  not_found = ERPC_ERROR_NOT_FOUND,
  idempotency_key_reuse = ERPC_ERROR_IDEMPOTENCY_KEY_REUSE,
  authentication = ERPC_ERROR_AUTHENTICATION,
  permission = ERPC_ERROR_PERMISSION,
  configuration = ERPC_ERROR_CONFIGURATION,
  unsupported = ERPC_ERROR_UNSUPPORTED,
  rate_limited = ERPC_ERROR_RATE_LIMITED,
  unavailable = ERPC_ERROR_UNAVAILABLE,
  in_progress = ERPC_ERROR_IN_PROGRESS,
  outcome_unknown = ERPC_ERROR_OUTCOME_UNKNOWN,
  internal = ERPC_ERROR_INTERNAL,
};

enum class effect : std::uint32_t {
  none = ERPC_EFFECT_NONE,
  possible = ERPC_EFFECT_POSSIBLE,
  committed = ERPC_EFFECT_COMMITTED,
};

enum class exception_queue { business, technical };

// Reads a class number from the ABI; an unknown number is INTERNAL (abi.h, rule 3).
constexpr error_class error_class_from_abi(std::uint32_t value) noexcept {
  return value >= 1 && value <= ERPC_ERROR_CLASS_MAX ? static_cast<error_class>(value)
                                                     : error_class::internal;
}

constexpr effect effect_from_abi(std::uint32_t value) noexcept {
  return value <= ERPC_EFFECT_COMMITTED ? static_cast<effect>(value) : effect::possible;
}

constexpr std::string_view to_string(error_class c) noexcept {
  switch (c) {
    case error_class::validation: return "VALIDATION";
    case error_class::conflict: return "CONFLICT";
    case error_class::not_found: return "NOT_FOUND";
    case error_class::idempotency_key_reuse: return "IDEMPOTENCY_KEY_REUSE";
    case error_class::authentication: return "AUTHENTICATION";
    case error_class::permission: return "PERMISSION";
    case error_class::configuration: return "CONFIGURATION";
    case error_class::unsupported: return "UNSUPPORTED";
    case error_class::rate_limited: return "RATE_LIMITED";
    case error_class::unavailable: return "UNAVAILABLE";
    case error_class::in_progress: return "IN_PROGRESS";
    case error_class::outcome_unknown: return "OUTCOME_UNKNOWN";
    case error_class::internal: return "INTERNAL";
  }
  return "INTERNAL";
}

constexpr std::optional<error_class> error_class_from_string(std::string_view name) noexcept {
  for (std::uint32_t v = 1; v <= ERPC_ERROR_CLASS_MAX; ++v) {
    if (to_string(static_cast<error_class>(v)) == name) return static_cast<error_class>(v);
  }
  return std::nullopt;
}

constexpr std::string_view to_string(effect e) noexcept {
  switch (e) {
    case effect::none: return "none";
    case effect::possible: return "possible";
    case effect::committed: return "committed";
  }
  return "possible";
}

constexpr std::optional<effect> effect_from_string(std::string_view name) noexcept {
  if (name == "none") return effect::none;
  if (name == "possible") return effect::possible;
  if (name == "committed") return effect::committed;
  return std::nullopt;
}

// Whether the host retries the class (ARCHITECTURE §5). OUTCOME_UNKNOWN is retried only
// through natural-key read-back, which the dispatcher arranges through `prior_outcome`.
constexpr bool is_retryable(error_class c) noexcept {
  return c == error_class::rate_limited || c == error_class::unavailable ||
         c == error_class::in_progress || c == error_class::outcome_unknown;
}

// The exception queue a final failure of this class goes to.
constexpr exception_queue queue_for(error_class c) noexcept {
  switch (c) {
    case error_class::validation:
    case error_class::conflict:
    case error_class::not_found:
    case error_class::idempotency_key_reuse: return exception_queue::business;
    default: return exception_queue::technical;
  }
}

// The effect a class implies when the adapter does not say: a lost reply may have committed.
constexpr effect default_effect(error_class c) noexcept {
  return c == error_class::outcome_unknown || c == error_class::internal ? effect::possible
                                                                         : effect::none;
}

struct field_error {
  std::string pointer;  // RFC 6901 JSON pointer into the payload, "" for the whole document
  std::string code;     // stable, e.g. "schema.required", "invoice.gross_mismatch"
  std::string message;

  friend bool operator==(const field_error&, const field_error&) = default;
};

struct vendor_detail {
  int http_status = 0;
  std::string code;
  std::string message;
  std::string request_id;

  friend bool operator==(const vendor_detail&, const vendor_detail&) = default;
};

class error : public std::runtime_error {
 public:
  error(error_class cls, std::string code, std::string message)
      : std::runtime_error(message),
        class_(cls),
        code_(std::move(code)),
        effect_(default_effect(cls)) {}

  error_class cls() const noexcept { return class_; }
  const std::string& code() const noexcept { return code_; }
  std::string message() const { return what(); }
  erpc::effect effect() const noexcept { return effect_; }
  const std::vector<field_error>& field_errors() const noexcept { return field_errors_; }
  const std::optional<vendor_detail>& vendor() const noexcept { return vendor_; }
  std::optional<std::int64_t> retry_after_ms() const noexcept { return retry_after_ms_; }

  error& with_effect(erpc::effect e) & { effect_ = e; return *this; }
  error&& with_effect(erpc::effect e) && { effect_ = e; return std::move(*this); }
  error& with_field(std::string pointer, std::string code, std::string message) & {
    field_errors_.push_back({std::move(pointer), std::move(code), std::move(message)});
    return *this;
  }
  error&& with_field(std::string pointer, std::string code, std::string message) && {
    return std::move(with_field(std::move(pointer), std::move(code), std::move(message)));
  }
  error& with_fields(std::vector<field_error> fields) & {
    for (auto& f : fields) field_errors_.push_back(std::move(f));
    return *this;
  }
  error&& with_fields(std::vector<field_error> fields) && {
    return std::move(with_fields(std::move(fields)));
  }
  error& with_vendor(vendor_detail v) & { vendor_ = std::move(v); return *this; }
  error&& with_vendor(vendor_detail v) && { vendor_ = std::move(v); return std::move(*this); }
  error& with_retry_after_ms(std::int64_t ms) & { retry_after_ms_ = ms; return *this; }
  error&& with_retry_after_ms(std::int64_t ms) && {
    retry_after_ms_ = ms;
    return std::move(*this);
  }

 private:
  error_class class_;
  std::string code_;
  erpc::effect effect_;
  std::vector<field_error> field_errors_;
  std::optional<vendor_detail> vendor_;
  std::optional<std::int64_t> retry_after_ms_;
};

}  // namespace erpc
