// SPDX-License-Identifier: Apache-2.0
#include "rate_limiter.hpp"

#include <algorithm>

namespace erpc::sim::coupa {

bool rate_limiter::admit(std::int64_t per_second, std::int64_t burst, clock::time_point now) {
  if (per_second <= 0) return true;
  const std::lock_guard lock(mutex_);
  const auto capacity = static_cast<double>(burst);
  if (tokens_ < 0) {
    tokens_ = capacity;
  } else {
    const std::chrono::duration<double> elapsed = now - last_;
    tokens_ = std::min(capacity, tokens_ + std::max(0.0, elapsed.count()) * static_cast<double>(per_second));
  }
  last_ = now;
  if (tokens_ < 1.0) return false;
  tokens_ -= 1.0;
  return true;
}

void rate_limiter::reset() {
  const std::lock_guard lock(mutex_);
  tokens_ = -1;
}

}  // namespace erpc::sim::coupa
