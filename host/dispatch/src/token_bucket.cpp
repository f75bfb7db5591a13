#include "erpc/host/token_bucket.hpp"

#include <erpc/host/host_clock.hpp>

#include <algorithm>
#include <cmath>

namespace erpc {

// Token counts are not money: a double is the natural type for a fractional refill rate.
token_bucket::token_bucket(const host_clock& clock, double per_second, double burst)
    : clock_(clock),
      per_ms_(per_second / 1000.0),
      burst_(std::max(1.0, burst)),
      tokens_(std::max(1.0, burst)),
      last_ns_(clock.monotonic_ns()) {}

void token_bucket::refill() {
  const std::int64_t now = clock_.monotonic_ns();
  const double elapsed_ms = static_cast<double>(now - last_ns_) / 1e6;
  last_ns_ = now;
  tokens_ = std::min(burst_, tokens_ + elapsed_ms * per_ms_);
}

bool token_bucket::try_take(std::int64_t* wait_ms) {
  std::lock_guard lock(mutex_);
  refill();
  if (tokens_ >= 1.0) {
    tokens_ -= 1.0;
    return true;
  }
  if (wait_ms != nullptr) {
    *wait_ms = per_ms_ > 0 ? static_cast<std::int64_t>(std::ceil((1.0 - tokens_) / per_ms_))
                           : INT64_MAX;
  }
  return false;
}

bool token_bucket::available() {
  std::lock_guard lock(mutex_);
  refill();
  return tokens_ >= 1.0;
}

}  // namespace erpc
