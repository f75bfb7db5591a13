#pragma once
// When to try a message again after a retryable failure (docs/design/runtime.md "Ordering,
// back-pressure, retries"): exponential backoff with jitter, never sooner than the vendor asked.

#include <cstdint>
#include <optional>
#include <random>

namespace erpc {

struct retry_policy {
  int max_attempts = 8;
  std::int64_t initial_backoff_ms = 500;
  std::int64_t max_backoff_ms = 300'000;
  int jitter_percent = 20;  // the delay is drawn from [d·(1-j), d·(1+j)], then capped
};

// The delay before attempt `next_attempt` (2 for the first retry). `retry_after_ms` is the
// vendor's hint; the result is never below it, even when that exceeds max_backoff_ms.
std::int64_t backoff_delay_ms(const retry_policy& policy, int next_attempt,
                              std::optional<std::int64_t> retry_after_ms, std::mt19937_64& random);

}  // namespace erpc
