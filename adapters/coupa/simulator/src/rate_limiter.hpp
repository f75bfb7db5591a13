// SPDX-License-Identifier: Apache-2.0
// A token bucket: `burst` requests at once, refilled at `per_second` (vendors.md §10.1: Coupa
// allows 25 requests/second with a burst of 20). Thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>

namespace erpc::sim::coupa {

class rate_limiter {
 public:
  using clock = std::chrono::steady_clock;

  // Whether one more request may pass now under (per_second, burst); per_second 0 = no limit.
  bool admit(std::int64_t per_second, std::int64_t burst, clock::time_point now = clock::now());
  void reset();

 private:
  std::mutex mutex_;
  double tokens_ = -1;  // < 0: full on first use
  clock::time_point last_{};
};

}  // namespace erpc::sim::coupa
