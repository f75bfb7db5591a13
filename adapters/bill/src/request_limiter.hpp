// SPDX-License-Identifier: Apache-2.0
// BILL allows 3 concurrent requests per developer key per organisation (vendors.md §10.2,
// BDC_1322). Every connection of this module to one organisation shares one limiter, so a
// host running many calls at once queues them here instead of drawing BDC_1322 refusals.
// A call waits for a slot until its deadline, then gives up with RATE_LIMITED (nothing sent).
#pragma once

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

namespace erpc::bill {

class request_limiter {
 public:
  // The limiter of one organisation, created on first use; lives as long as the module.
  static std::shared_ptr<request_limiter> for_organization(const std::string& organization_id);

  class slot {
   public:
    explicit slot(request_limiter* owner) : owner_(owner) {}
    slot(slot&& other) noexcept : owner_(other.owner_) { other.owner_ = nullptr; }
    slot(const slot&) = delete;
    slot& operator=(const slot&) = delete;
    slot& operator=(slot&&) = delete;
    ~slot();

   private:
    request_limiter* owner_;
  };

  // Waits at most `wait_ms` for one of `capacity` slots; RATE_LIMITED `bill.concurrency_wait`
  // (effect none) when none frees up in time.
  slot acquire(int capacity, std::int64_t wait_ms);

  int in_flight() const;

 private:
  void release();

  mutable std::mutex mutex_;
  std::condition_variable freed_;
  int in_flight_ = 0;
};

}  // namespace erpc::bill
