// SPDX-License-Identifier: Apache-2.0
#include "request_limiter.hpp"

#include <erpc/error.hpp>

#include <chrono>
#include <map>

namespace erpc::bill {

std::shared_ptr<request_limiter> request_limiter::for_organization(const std::string& organization_id) {
  static std::mutex registry_mutex;
  static std::map<std::string, std::shared_ptr<request_limiter>> registry;
  const std::lock_guard lock(registry_mutex);
  auto& limiter = registry[organization_id];
  if (!limiter) limiter = std::make_shared<request_limiter>();
  return limiter;
}

request_limiter::slot::~slot() {
  if (owner_ != nullptr) owner_->release();
}

request_limiter::slot request_limiter::acquire(int capacity, std::int64_t wait_ms) {
  std::unique_lock lock(mutex_);
  const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(wait_ms > 0 ? wait_ms : 0);
  if (!freed_.wait_until(lock, until, [&] { return in_flight_ < capacity; })) {
    throw error(error_class::rate_limited, "bill.concurrency_wait",
                "BILL allows " + std::to_string(capacity) +
                    " concurrent requests per organisation; no slot freed up before the deadline")
        .with_effect(effect::none);
  }
  ++in_flight_;
  return slot(this);
}

int request_limiter::in_flight() const {
  const std::lock_guard lock(mutex_);
  return in_flight_;
}

void request_limiter::release() {
  {
    const std::lock_guard lock(mutex_);
    --in_flight_;
  }
  freed_.notify_one();
}

}  // namespace erpc::bill
