#include "erpc/host/retry_policy.hpp"

#include <algorithm>

namespace erpc {

std::int64_t backoff_delay_ms(const retry_policy& policy, int next_attempt,
                              std::optional<std::int64_t> retry_after_ms,
                              std::mt19937_64& random) {
  const int doublings = std::clamp(next_attempt - 2, 0, 40);
  std::int64_t base = policy.initial_backoff_ms;
  for (int i = 0; i < doublings && base < policy.max_backoff_ms; ++i) base *= 2;
  base = std::min(base, policy.max_backoff_ms);
  const std::int64_t spread = base * std::clamp(policy.jitter_percent, 0, 100) / 100;
  std::int64_t delay = base;
  if (spread > 0) {
    std::uniform_int_distribution<std::int64_t> jitter(-spread, spread);
    delay = std::clamp<std::int64_t>(base + jitter(random), 0, policy.max_backoff_ms);
  }
  if (retry_after_ms && *retry_after_ms > delay) delay = *retry_after_ms;
  return delay;
}

}  // namespace erpc
